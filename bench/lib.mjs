// What the benchmark scripts share: the TypeScript core bundled on the fly, and the files to read.
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `source` (TypeScript re-exporting from the repo, e.g. "export { x } from './src/…'") and imports it. */
export async function loadCore(source) {
  // Inside the repository, so that externals (nodejieba) resolve from its node_modules.
  const out = path.join(root, 'out/bench', `core-${process.pid}-${Date.now()}.mjs`);
  await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    external: ['nodejieba'],
    loader: { '.xml': 'text' },
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    await fs.rm(out);
  }
}

/** The corpus files named on the command line (folders expanded), by default the benchmark corpus. */
export async function corpusPaths(args) {
  const { expandPaths } = await loadCore("export { expandPaths } from './src/cli/corpus';");
  return expandPaths(args.length ? args : [path.resolve(root, '../shared/bench/xwlb/news')]);
}

/**
 * Bundles a benchmark written in TypeScript (bench/NAME.ts → out/bench/NAME.js, nodejieba
 * external) and runs it with these arguments; exits with its code.
 */
export async function runBundled(name, args) {
  const { spawnSync } = await import('node:child_process');
  const outfile = `out/bench/${name}.js`;
  await esbuild.build({ entryPoints: [`bench/${name}.ts`], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['nodejieba'], logLevel: 'warning' });
  const { status } = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  process.exit(status ?? 1);
}
