// Bundles the extension, its worker, the CLI, the Statistics view's webview and the integration
// suite. nodejieba is a native addon with dictionary files beside it, so it stays external and ships
// in node_modules. So does pdf.js (pdfjs-dist): 3 MB of code loaded only when a PDF is read, with the
// data it loads then (CMaps for CJK fonts, standard fonts); bundled, it would slow every start of the
// worker and the CLI.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { globSync } from 'glob';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'nodejieba', 'pdfjs-dist', 'mocha'],
  logLevel: 'info',
  // CSL locale data (src/core/cite/styles/locales.ts) is bundled as text.
  loader: { '.xml': 'text' },
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts', worker: 'src/core/engine/worker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The Statistics view's webview: a browser bundle of its own (script and stylesheet), no Node, no CDN.
  {
    entryPoints: { statistics: 'src/webview/statistics/main.ts' },
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    logLevel: 'info',
  },
  // The integration suite runs inside VS Code, next to the extension (test/suite → out/suite).
  { ...common, entryPoints: globSync('test/suite/**/*.ts'), outdir: 'out/suite', bundle: true },
];

// A deleted suite file must not keep running from an old build.
rmSync('out/suite', { recursive: true, force: true });

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
