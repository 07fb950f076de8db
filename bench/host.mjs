// Bundles bench/host.ts and runs it with a collectable heap: node bench/host.mjs [cacheDir] [--decode]
import { spawnSync } from 'node:child_process';
import { bundle } from './lib.mjs';

const script = await bundle('host');
const { status } = spawnSync(process.execPath, ['--expose-gc', script, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
