// `npm run package [-- --out file.vsix]`: builds the extension and packs a .vsix for this machine's
// platform target. The .vsix carries nodejieba's native addon as npm ci compiled it here, so it runs
// only on this platform: make each target's .vsix on a machine of that target. What goes in is the
// allow-list in .vscodeignore.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** vsce's name for this platform (https://code.visualstudio.com/api/working-with-extensions/publishing-extension#platformspecific-extensions). */
function vsceTarget() {
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  if (process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime) return `alpine-${arch}`;
  return `${process.platform}-${arch}`;
}

const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const target = vsceTarget();
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, `${name}-${target}-${version}.vsix`));
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

const run = (what, args) => {
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`npm run package: ${what} failed (its message is above)`);
    process.exit(1);
  }
};
run('the check of nodejieba', [path.join(root, 'scripts/nodejieba-shared-dictionary.mjs'), '--check']);
run('the build', [path.join(root, 'esbuild.mjs')]);
run('vsce package', [vsce, 'package', '--target', target, '--out', out]);
console.log(`${path.relative(process.cwd(), out)}: ${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB (${target})`);
