// Prints StatCite's activation time in code-server (VS Code 1.100.3), installed from its .vsix as a
// user has it, on the fixture workspace (a corpus folder, so `workspaceContains` activates it).
// Per run: activate() itself (the extension logs it) and the wall time from opening the workbench
// URL to that log line. Usage: node bench/activation.mjs [runs=5]   (STATCITE_VSIX=path skips packing)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertHostInstalled, exitOnSignals, installVsix, launchChromium, makeTempDir, repoRoot, startCodeServer, workbenchUrl } from '../test/code-server/host.mjs';

const runs = Number(process.argv[2] ?? 5);

/** The extension's log lines, once "activated in" has been written, from code-server's log folder. */
async function activationLog(logs, deadline) {
  for (;;) {
    const file = fs.existsSync(logs)
      ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).find((f) => f.includes('statcite.statcite') && f.endsWith('.log'))
      : undefined;
    const text = file ? fs.readFileSync(path.join(logs, file), 'utf8') : '';
    if (/activated in/.test(text) && /corpus read in/.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`StatCite did not log its activation within 60 s (${logs})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs'), '--out', vsix], { stdio: 'ignore' });
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
        const text = await activationLog(path.join(dir, 'data/logs'), Date.now() + 60_000);
        const activated = loggedAt(text, /activated in/);
        const read = loggedAt(text, /corpus read in/);
        rows.push({ activate: activated.ms, sinceOpen: activated.at - opened, corpusRead: read.ms });
        console.log(`run ${run}: activate() ${activated.ms} ms, opened→activated ${activated.at - opened} ms, corpus read ${read.ms} ms`);
      } finally {
        await browser.close();
        await server.stop();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const median = (key) => rows.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  console.log(`median of ${rows.length}: activate() ${median('activate')} ms, opened→activated ${median('sinceOpen')} ms, corpus read ${median('corpusRead')} ms`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
