// Runs scripts/eval-stats.ts: bundled by esbuild (the repo's one TypeScript runner) into out/.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = 'out/scripts/eval-stats.js';
await esbuild.build({ entryPoints: ['scripts/eval-stats.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, external: ['nodejieba'], logLevel: 'warning' });
process.exitCode = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1;
