// `npm run test:integration`: runs the mocha suite (out/suite/index.js) inside a real VS Code —
// code-server's extension host, driven by headless Chromium — on a fresh copy of the fixture
// workspace. Exits with the suite's code. Needs `npm run build` and test/code-server/install.sh.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { assertHostInstalled, exitOnSignals, launchChromium, makeTempDir, repoRoot, startCodeServer, workbenchUrl } from './host.mjs';

const TIMEOUT_MS = Number(process.env.STATCITE_IT_TIMEOUT_MS ?? 10 * 60_000);
const suiteEntry = path.join(repoRoot, 'out/suite/index.js');
/** The first line test/suite/index.ts prints. */
const SUITE_START_MARKER = 'StatCite integration suite:';
const SUITE_END = /^\d+ passed, \d+ failed$/;

async function main() {
  assertHostInstalled();
  exitOnSignals();
  for (const built of [suiteEntry, path.join(repoRoot, 'dist/extension.js')]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(repoRoot, built)} is missing. Run: npm run build`);
  }

  const dir = makeTempDir('statcite-it-');
  // Tests edit files, so each run gets its own copy of the workspace.
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });

  const started = Date.now();
  let passed = false;
  let server;
  let browser;
  let timer;
  try {
    server = await startCodeServer(dir);
    browser = await launchChromium();
    const page = await browser.newPage();
    let settle;
    const outcome = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('crash', () => settle('the browser page crashed'));
    const forwarder = createLogForwarder();
    await page.exposeFunction('codeAutomationLog', forwarder.log);
    timer = setTimeout(
      () => settle(`timed out after ${TIMEOUT_MS / 1000} s (set STATCITE_IT_TIMEOUT_MS to change)`),
      TIMEOUT_MS,
    );
    await page.goto(
      workbenchUrl(server, workspace, [
        ['extensionDevelopmentPath', repoRoot],
        ['extensionTestsPath', suiteEntry],
        ['disableExtensions', 'true'],
      ]),
    );
    // The suite's exit code, or why there is none.
    const result = await outcome;
    if (result !== 0) {
      forwarder.flushHeld();
      printExtensionLogs(dir);
    }
    if (typeof result === 'string') {
      console.error(`Integration tests ${result}. Kept for inspection: ${dir} (code-server.log, workspace/)`);
      return 1;
    }
    console.log(`integration run: ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${result}`);
    // An extension host that dies mid-suite (a crash, a lost connection) is reported as exit code 0
    // by the workbench: only the suite's closing line says that every test ran.
    if (result === 0 && !forwarder.finished) {
      forwarder.flushHeld();
      printExtensionLogs(dir);
      console.error(`Integration tests ended before the suite did (the extension host stopped). Kept for inspection: ${dir} (code-server.log, workspace/)`);
      return 1;
    }
    passed = result === 0;
    if (!passed) console.error(`Kept for inspection: ${dir} (code-server.log, workspace/)`);
    return result;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server?.stop();
    if (passed) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The workbench's own log and the extension host's console both arrive through codeAutomationLog as
 * JSON arrays of console arguments. Lines from the suite's start marker on are the suite's log and
 * stream to stdout; the workbench's start-up chatter before it is held back and shown only when the
 * run fails, where it helps.
 */
function createLogForwarder() {
  const held = [];
  let suiteStarted = false;
  let suiteEnded = false;
  return {
    /** Whether the suite's closing line ("N passed, M failed", test/suite/index.ts) came. */
    get finished() {
      return suiteEnded;
    },
    // Called unbound (exposed to the page): no `this`.
    log(type, message) {
      let args = [message];
      try {
        const parsed = typeof message === 'string' ? JSON.parse(message) : message;
        if (Array.isArray(parsed)) args = parsed;
      } catch {}
      const line = format(...args);
      if (!suiteStarted && line.startsWith(SUITE_START_MARKER)) suiteStarted = true;
      if (suiteStarted && SUITE_END.test(line)) suiteEnded = true;
      if (!suiteStarted) held.push(line);
      else (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    },
    flushHeld() {
      if (held.length) console.error(`--- workbench log before the suite started ---\n${held.join('\n')}\n---`);
      held.length = 0;
    },
  };
}

/** On failure, what the extension itself logged (its LogOutputChannel, under the user data). */
function printExtensionLogs(dir) {
  const logs = path.join(dir, 'data/logs');
  if (!fs.existsSync(logs)) return;
  for (const file of fs.readdirSync(logs, { recursive: true, encoding: 'utf8' })) {
    if (file.includes('statcite.statcite') && file.endsWith('.log')) {
      console.error(`--- ${path.basename(file)} (the extension's log) ---\n${fs.readFileSync(path.join(logs, file), 'utf8').trimEnd()}\n---`);
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
