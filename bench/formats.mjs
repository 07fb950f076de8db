// Bundles bench/formats.ts (nodejieba stays external) and runs it: node bench/formats.mjs
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['bench/formats.ts'],
  outfile: 'out/bench/formats.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const { status } = spawnSync(process.execPath, ['out/bench/formats.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
