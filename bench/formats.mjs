// Bundles bench/formats.ts and runs it: node bench/formats.mjs
import { runBundled } from './lib.mjs';

await runBundled('formats', process.argv.slice(2));
