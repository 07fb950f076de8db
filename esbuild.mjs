// Bundles the extension, its worker, the CLI and the integration suite. nodejieba is a native
// addon with dictionary files beside it, so it stays external and ships in node_modules. pdf.js is
// bundled, and the data it loads at run time (CMaps for CJK fonts, the standard fonts) is copied
// next to the bundles, into dist/pdfjs, where the worker and the CLI look for it.
import * as esbuild from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { globSync } from 'glob';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'nodejieba', 'mocha'],
  logLevel: 'info',
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts', worker: 'src/core/engine/worker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The integration suite runs inside VS Code, next to the extension (test/suite → out/suite).
  { ...common, entryPoints: globSync('test/suite/**/*.ts'), outdir: 'out/suite', bundle: true },
];

// A deleted suite file must not keep running from an old build.
rmSync('out/suite', { recursive: true, force: true });
for (const data of ['cmaps', 'standard_fonts']) cpSync(`node_modules/pdfjs-dist/${data}`, `dist/pdfjs/${data}`, { recursive: true });
cpSync('node_modules/pdfjs-dist/LICENSE', 'dist/pdfjs/LICENSE');

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
