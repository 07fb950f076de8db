// `npm run test:electron`: the same mocha suite (out/suite/index.js) and fixture workspace as
// test/code-server/run.mjs, in desktop VS Code downloaded by @vscode/test-electron. For machines
// with internet (it downloads VS Code into .vscode-test/); on Linux without a display run it under
// `xvfb-run -a`. Needs `npm run build` first. VSCODE_VERSION picks the VS Code version (default:
// the latest stable).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteEntry = path.join(repoRoot, 'out/suite/index.js');

async function main() {
  for (const built of [suiteEntry, path.join(repoRoot, 'dist/extension.js')]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(repoRoot, built)} is missing. Run: npm run build`);
  }
  // Tests edit files, so each run gets its own copy of the workspace.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statcite-electron-'));
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(dir, 'data')],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // runTests rejects with TestRunFailedError when the suite fails; its output is already printed.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
