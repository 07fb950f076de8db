// Bundles bench/search.ts (nodejieba stays external) and runs it: node bench/search.mjs [100,1000,all]
import { runBundled } from './lib.mjs';

await runBundled('search', process.argv.slice(2));
