// `npm run test:e2e`: packs the .vsix (scripts/package.mjs), then runs test/e2e/*.e2e.mjs with mocha
// (TDD interface, like the integration suite). Each flow installs that .vsix into a clean
// code-server and drives the workbench in headless Chromium; screenshots go to test-results/e2e/.
// STATCITE_VSIX=path skips packing and tests that .vsix instead; STATCITE_E2E_GREP=<text> runs only
// the flows whose titles match (a flow's steps build on each other: match the suite's title).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { assertHostInstalled, exitOnSignals, makeTempDir, repoRoot } from '../code-server/host.mjs';

async function main() {
  assertHostInstalled();
  exitOnSignals();
  const packed = process.env.STATCITE_VSIX ? undefined : makeTempDir('statcite-vsix-');
  try {
    if (packed) {
      const vsix = path.join(packed, 'statcite.vsix');
      try {
        execFileSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { stdio: 'inherit' });
      } catch {
        throw new Error('Packing the .vsix failed (see above); the end-to-end tests need it.');
      }
      process.env.STATCITE_VSIX = vsix;
    }
    process.env.STATCITE_VSIX = path.resolve(process.env.STATCITE_VSIX);

    const mocha = new Mocha({ ui: 'tdd', timeout: 180_000, color: false, reporter: 'spec', grep: process.env.STATCITE_E2E_GREP || undefined });
    const here = path.join(repoRoot, 'test/e2e');
    for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.e2e.mjs')).sort()) mocha.addFile(path.join(here, file));
    await mocha.loadFilesAsync();
    const stats = await new Promise((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats));
    });
    console.log(`${stats.passes} passed, ${stats.failures} failed`);
    return stats.failures > 0 || stats.passes === 0 ? 1 : 0;
  } finally {
    if (packed) fs.rmSync(packed, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
