// Bundles bench/search.ts (nodejieba stays external) and runs it: node bench/search.mjs [100,1000,all]
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['bench/search.ts'],
  outfile: 'out/bench/search.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const { status } = spawnSync(process.execPath, ['out/bench/search.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
