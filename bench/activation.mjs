// Prints StatCite's activation time in code-server (VS Code 1.100.3), installed from its .vsix as a
// user has it, on the fixture workspace (a corpus folder, so `workspaceContains` activates it).
// Per run, from the extension's and the extension host's logs:
//   activate()        the extension's own activate() (it logs the figure),
//   load+activate     from VS Code starting the activation to that log line (module load included),
//   host→activated    from the extension host's start (what the built-in extensions cost shows here),
//   open→activated    from opening the workbench URL in the browser,
//   click→outline     from a click on the StatCite entry to the 湖北 report in the tree (the corpus
//                     read, logged by the extension, happens in between).
// Usage: node bench/activation.mjs [runs=5]   (STATCITE_VSIX=path skips packing)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertHostInstalled, exitOnSignals, installVsix, launchChromium, makeTempDir, repoRoot, startCodeServer, workbenchUrl } from '../test/code-server/host.mjs';

const runs = Number(process.argv[2] ?? 5);

/** A log file under code-server's log folder once a line matches `pattern`. */
async function waitForLog(logs, fileFilter, pattern) {
  for (const deadline = Date.now() + 60_000; ; ) {
    const file = fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).find(fileFilter) : undefined;
    const text = file ? fs.readFileSync(path.join(logs, file), 'utf8') : '';
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`No log line ${pattern} within 60 s (${logs})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const extensionLog = (logs, pattern) => waitForLog(logs, (f) => f.includes('statcite.statcite') && f.endsWith('.log'), pattern);
const hostLog = (logs, pattern) => waitForLog(logs, (f) => f.endsWith('remoteexthost.log'), pattern);

/** Log lines start "YYYY-MM-DD HH:MM:SS.mmm" in local time. */
function loggedAt(text, pattern) {
  const line = text.split('\n').find((l) => pattern.test(l));
  const [, stamp] = /^(\S+ \S+)/.exec(line);
  return { at: new Date(stamp.replace(' ', 'T')).getTime(), ms: Number(/in ([\d.]+) ms/.exec(line)?.[1]) };
}

async function main() {
  assertHostInstalled();
  exitOnSignals();
  const work = makeTempDir('statcite-bench-activation-');
  let vsix = process.env.STATCITE_VSIX;
  if (!vsix) {
    vsix = path.join(work, 'statcite.vsix');
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const rows = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const dir = path.join(work, `run-${run}`);
      const workspace = path.join(dir, 'workspace');
      fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
      installVsix(vsix, path.join(dir, 'ext'), path.join(dir, 'data'));
      const server = await startCodeServer(dir);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const opened = Date.now();
        await page.goto(workbenchUrl(server, workspace));
        const logs = path.join(dir, 'data/logs');
        const activated = loggedAt(await extensionLog(logs, /activated in/), /activated in/);
        const host = await hostLog(logs, /_doActivateExtension statcite\.statcite/);
        const hostStarted = loggedAt(host, /Extension host with pid/).at;
        const activating = loggedAt(host, /_doActivateExtension statcite\.statcite/).at;
        const clicked = Date.now();
        await page.locator('.activitybar a[aria-label^="StatCite"]').click();
        await page.locator('.sidebar .monaco-list-row .label-name', { hasText: '湖北省委政法委' }).first().waitFor({ timeout: 60_000 });
        const row = {
          'activate()': activated.ms,
          'load+activate': activated.at - activating,
          'host→activated': activated.at - hostStarted,
          'open→activated': activated.at - opened,
          'click→outline': Date.now() - clicked,
          'corpus read': loggedAt(await extensionLog(logs, /corpus read in/), /corpus read in/).ms,
        };
        rows.push(row);
        console.log(`run ${run}: ${format(row)}`);
      } finally {
        await browser.close();
        await server.stop();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const median = Object.fromEntries(
    Object.keys(rows[0]).map((key) => [key, rows.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rows.length / 2)]]),
  );
  console.log(`median of ${rows.length}: ${format(median)}`);
}

const format = (row) => Object.entries(row).map(([key, ms]) => `${key} ${ms} ms`).join(', ');

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
