// How StatCite grows with the corpus: node bench/scale.mjs [copies=10] [folder]
//
// Makes a corpus `copies` times the benchmark corpus (../shared/bench/xwlb/news) by copying each
// transcript under a new date (copy k moves every date k × 4 years back, in the file name and the
// heading), in `folder` (default: the system's temp folder; kept and reused, delete it yourself).
// Then, for 1× and for it: a cold build through the real worker (dist/worker.js: run `npm run build`
// first) with the extension host's event loop probed, a warm start from that cache in a fresh
// process (memory, time to searchable, query latency), and a warm start through the worker.
// Prints the figures and how each grows from 1× to N×. Needs about 24 GB of memory for 10×.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundle, root } from './lib.mjs';

const SOURCE = path.resolve(root, '../shared/bench/xwlb/news');
const copies = Number(process.argv[2] ?? 10);
const folder = process.argv[3] ?? path.join(tmpdir(), `statcite-scale-${copies}x`);
const DAY_MS = 86_400_000;
const SHIFT_DAYS = 4 * 365 + 1;

if (!existsSync(path.join(root, 'dist/worker.js'))) {
  console.error('bench/scale.mjs: dist/worker.js is missing: run `npm run build` first');
  process.exit(2);
}

/** YYYYMMDD moved `days` back. */
function shifted(ymd, days) {
  const t = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))) - days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
}

/** The N× corpus: every transcript once per copy, each copy under its own dates. */
function makeCorpus() {
  const names = readdirSync(SOURCE).filter((f) => /^\d{8}\.md$/.test(f));
  if (existsSync(folder) && readdirSync(folder).length === names.length * copies) return;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const name of names) {
    const date = name.slice(0, 8);
    const text = readFileSync(path.join(SOURCE, name), 'utf8');
    for (let k = 0; k < copies; k++) {
      const moved = shifted(date, k * SHIFT_DAYS);
      writeFileSync(path.join(folder, `${moved}.md`), text.replaceAll(date, moved));
    }
  }
}

const megabytes = (dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).reduce((n, f) => n + readFileSync(path.join(dir, f)).length, 0) / 2 ** 20;

function child(script, corpus, args) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 2 ** 24,
    env: { ...process.env, STATCITE_BENCH_CORPUS: corpus, STATCITE_BENCH_DIST: dist },
    cwd: root,
  });
  if (r.status !== 0) throw new Error(`bench ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Cold build, warm start in a fresh process, warm start through the worker: one cache. */
function measure(script, corpus) {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).length;
  const cache = mkdtempSync(path.join(tmpdir(), 'statcite-scale-cache-'));
  try {
    const cold = child(script, corpus, ['eventloop', String(files), cache]);
    const reload = child(script, corpus, ['reload', String(files), cache, 'worker']);
    const warm = child(script, corpus, ['eventloop', String(files), cache]);
    return { files, mb: megabytes(corpus), cold, reload, warm };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

makeCorpus();
const script = await bundle('search');
// The worker as built now, inside the repository (its packages resolve from there): a rebuild
// while this runs would change the cache's model version between the build and the warm starts.
const dist = path.join(root, 'out/bench', `dist-${process.pid}`);
for (const f of ['worker.js', 'indexer.js']) cpSync(path.join(root, 'dist', f), path.join(dist, f));
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
console.log(`scale benchmark: 1× = ${SOURCE}, ${copies}× = ${folder}, node ${process.version}`);
const one = measure(script, SOURCE);
const many = measure(script, folder);
const rows = [
  ['files', (m) => m.files, ''],
  ['corpus size', (m) => m.mb, 'MB'],
  ['cold build: outlined', (m) => m.cold.syncMs / 1000, 's'],
  ['cold build: indexed and cached', (m) => m.cold.settledMs / 1000, 's'],
  ['cold build: peak RSS (process)', (m) => m.cold.peakRss / 2 ** 20, 'MB'],
  ['cold build: host event-loop gaps > 50 ms', (m) => m.cold.blocks, ''],
  ['cold build: longest host gap', (m) => m.cold.longestGap, 'ms'],
  ['warm start (worker): outlined', (m) => m.warm.syncMs / 1000, 's'],
  ['warm start (worker): peak RSS (process)', (m) => m.warm.peakRss / 2 ** 20, 'MB'],
  ['warm start (worker): host gaps > 50 ms', (m) => m.warm.blocks, ''],
  ['warm start (worker): first search', (m) => m.warm.searchMs, 'ms'],
  ['warm start (core): model ready', (m) => m.reload.modelMs, 'ms'],
  ['warm start (core): searchable', (m) => m.reload.indexMs, 'ms'],
  ['warm start (core): RSS when searchable', (m) => m.reload.readyRss / 2 ** 20, 'MB'],
  ['warm start (core): peak RSS after the queries', (m) => m.reload.reloadPeakRss / 2 ** 20, 'MB'],
  ['warm start (core): first query', (m) => m.reload.firstQueryMs, 'ms'],
  ['query latency p50', (m) => m.reload.warmP50, 'ms'],
  ['query latency p95', (m) => m.reload.warmP95, 'ms'],
];
const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
console.log(`\n${'figure'.padEnd(44)}${'1×'.padStart(10)}${`${copies}×`.padStart(10)}  growth (corpus ${fmt(many.mb / one.mb)}×)`);
for (const [name, get, unit] of rows) {
  const a = get(one);
  const b = get(many);
  const growth = a > 0 ? `${fmt(b / a)}×` : '';
  console.log(`${`${name}${unit ? ` (${unit})` : ''}`.padEnd(44)}${fmt(a).padStart(10)}${fmt(b).padStart(10)}  ${growth}`);
}
