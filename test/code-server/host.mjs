// Starts code-server (VS Code 1.100.3 from npm, see VSCODE-TESTING.md) and headless Debian Chromium
// for the integration runner (run.mjs) and the end-to-end tests. Only Node built-ins and
// playwright-core: these run before and outside the extension.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hostDir = path.join(repoRoot, 'test/code-server/host');
/** code-server's own CLI entry, run with this Node. */
export const codeServerEntry = path.join(hostDir, 'node_modules/code-server/out/node/entry.js');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails with the fix in the message when install.sh has not run. */
export function assertHostInstalled() {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (no ${path.relative(repoRoot, codeServerEntry)}). Run: bash test/code-server/install.sh`);
  }
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}. Run: bash test/code-server/install.sh (or set CHROMIUM_PATH)`);
  }
}

/** A fresh temp folder; `keep` on failure so its logs can be read. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts code-server detached in its own process group (so stop() ends its extension host and
 * watchers too), with user data and extensions under `dir`, and waits for /healthz. `settings` go
 * into the user settings, after "no welcome page".
 */
export async function startCodeServer(dir, { extensionsDir = path.join(dir, 'ext'), settings = {} } = {}) {
  const port = await freePort();
  const userData = path.join(dir, 'data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', ...settings }));
  const logFile = path.join(dir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
      // No gallery: otherwise it reaches for open-vsx. Its config file stays in the temp folder.
      env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_CONFIG_HOME: path.join(dir, 'config') },
    },
  );
  fs.closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  // Detached, the group outlives this process unless ended: on any exit (Ctrl+C included, see
  // exitOnSignals) it is killed outright.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
  process.on('exit', killOnExit);

  /** Ends the whole process group: SIGTERM, then SIGKILL for whatever is left after 3 s. */
  const stop = async () => {
    process.off('exit', killOnExit);
    const group = -child.pid;
    const signal = (name) => {
      try {
        process.kill(group, name);
        return true;
      } catch {
        return false; // the group is gone
      }
    };
    if (!signal('SIGTERM')) return;
    for (let waited = 0; waited < 3000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!signal(0)) return;
    }
    signal('SIGKILL');
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; its log: ${logFile}\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within 60 s; its log: ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, port, logFile, stop };
}

/** Installs a .vsix the way a user does (`code-server --install-extension`) into `extensionsDir`. */
export function installVsix(vsix, extensionsDir, userDataDir) {
  execFileSync(process.execPath, [codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    stdio: 'pipe',
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_CONFIG_HOME: path.join(userDataDir, 'config') },
  });
}

/** Ctrl+C and kill end the runner through process.exit, so the 'exit' clean-ups run. */
export function exitOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
}

/** Headless Debian Chromium (never a downloaded browser: these machines cannot download one). */
export async function launchChromium() {
  const { chromium: playwright } = await import('playwright-core');
  return playwright.launch({
    executablePath: chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The workbench URL for `folder`, with extension-development options passed as the payload. */
export function workbenchUrl(server, folder, payload = []) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const entries = payload.map(([key, value]) => [key, key.endsWith('Path') ? remote(value) : value]);
  const query = new URLSearchParams({ folder });
  if (entries.length) query.set('payload', JSON.stringify(entries));
  return `${server.url}/?${query}`;
}
