/**
 * Search benchmark over the news corpus (../shared/bench/xwlb/news) at 100, 1,000 and all files:
 * dictionary load, tokenizer throughput, build time, peak memory, cache size, warm reload, query
 * latency p50/p95 over a fixed query list (words, and the query language: phrases, exclusions,
 * fields, figure conditions), of a pasted 2,000-character and a 200-word query, and ripgrep on the
 * same queries and files.
 * Each measurement runs in its own process so that memory and warm-start figures are its own.
 * Run from the repository root: node bench/search.mjs [sizes, e.g. 100,1000,all] (prints figures)
 * Query latency alone on an existing cache (e.g. the CLI's, or bench/scale.mjs's 10× corpus):
 * node bench/search.mjs query <cache folder> [results.json]
 */
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Message } from '../src/core/engine/protocol';
import { CorpusLookup } from '../src/core/cite/reference';
import { lazyFile } from '../src/core/corpus/packed';
import { loadCorpusFile } from '../src/core/load';
import { CorpusEngine } from '../src/core/engine/engine';
import { threadIndexer } from '../src/core/engine/indexerClient';
import { modelVersion } from '../src/core/engine/modelVersion';
import { nodeHost } from '../src/core/engine/nodeHost';
import { loadCache } from '../src/core/search/cache';
import { nodeCacheHost } from '../src/core/search/nodeCacheHost';
import { SearchStore } from '../src/core/search/store';
import { loadTokenizer } from '../src/core/search/tokenizer';
import type { SearchResult } from '../src/core/search/types';
import { loadMetricKeys } from '../src/core/stats/metricKeyFile';
import { LANGUAGE_QUERIES, QUERIES, WORD_QUERIES } from './search.queries';
import { BACKGROUND_LIMITS } from '../src/core/engine/background';

const CORPUS = process.env.STATCITE_BENCH_CORPUS ?? path.resolve('../shared/bench/xwlb/news');
const MODEL_VERSION = 'bench';
/** The built worker and indexer (scale.mjs gives a copy, so that a rebuild meanwhile changes nothing). */
const DIST = process.env.STATCITE_BENCH_DIST ?? path.resolve('dist');
const RUNS = 5;

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function corpusPaths(size: number): string[] {
  const all = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  return all.slice(0, size).map((f) => path.join(CORPUS, f));
}

/**
 * Cold build as the worker does it: the engine reads and outlines every file while the indexer
 * thread (dist/indexer.js: run `npm run build` first) indexes them in batches, each written to
 * the cache as it is done; then the queries and ripgrep.
 */
async function buildMode(size: number, cacheDir: string): Promise<Record<string, number>> {
  const paths = corpusPaths(size);
  const started = process.hrtime.bigint();
  const log = { info: () => {}, warn: () => {}, error: () => {} };
  const tokenizer = loadTokenizer();
  const store = new SearchStore({
    tokenizer,
    indexer: threadIndexer(path.join(DIST, 'indexer.js'), {}, tokenizer),
    cache: nodeCacheHost(cacheDir),
    modelVersion: MODEL_VERSION,
    log,
  });
  const engine = new CorpusEngine(nodeHost(log), log, { file: () => {}, removed: () => {}, progress: () => {} }, store);
  await engine.sync(paths);
  const readMs = ms(started);
  await engine.indexed();
  const indexedMs = ms(started);
  await engine.settled();
  const totalMs = ms(started);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const cacheBytes = readdirSync(cacheDir).reduce((n, f) => n + statSync(path.join(cacheDir, f)).size, 0);
  const segments = readdirSync(cacheDir).filter((f) => f.startsWith('seg-')).length;
  let passages = 0;
  let statistics = 0;
  const texts: string[] = [];
  for (const p of paths) {
    const file = engine.get(p)!;
    for (const a of file.articles)
      for (const r of a.reports)
        for (const sec of [r.intro, ...r.sections]) {
          passages += sec.passages.length;
          statistics += sec.statistics.length;
          for (const passage of sec.passages) texts.push(passage.ranges.map((x) => file.text.slice(x.start, x.end)).join(''));
        }
  }
  const chars = texts.reduce((n, s) => n + s.length, 0);
  const search = (q: string): Promise<SearchResult[]> => engine.search(q, { limit: 50, prefixLast: true });
  const latency = await queryLatency(search);
  const words = await queryLatency(search, WORD_QUERIES);
  const language = await queryLatency(search, LANGUAGE_QUERIES);
  const long = await queryLatency(search, longQueries(texts));
  const rg = ripgrep(paths, size >= readdirSync(CORPUS).length);
  return {
    files: paths.length, passages, statistics, documents: passages + statistics, chars, segments,
    readMs, indexedMs, totalMs, peakRss, cacheBytes,
    ...latency, ...rg, rgRatio: rg.rgP50 / latency.p50,
    wordsP50: words.p50, wordsP95: words.p95,
    languageP50: language.p50, languageP95: language.p95, languageMax: language.max, longMax: long.max,
  };
}

/** jieba on its own: its dictionary's load time and how fast it cuts passage text (index mode). */
async function tokenizerMode(size: number): Promise<Record<string, number>> {
  const tokenizer = loadTokenizer();
  let t = process.hrtime.bigint();
  tokenizer.load();
  const dictionaryMs = ms(t);
  const texts: string[] = [];
  for (const p of corpusPaths(size)) {
    const file = loadCorpusFile(readFileSync(p), p);
    for (const a of file.articles)
      for (const r of a.reports)
        for (const sec of [r.intro, ...r.sections]) for (const passage of sec.passages) texts.push(passage.ranges.map((x) => file.text.slice(x.start, x.end)).join(''));
  }
  const chars = texts.reduce((n, x) => n + x.length, 0);
  t = process.hrtime.bigint();
  for (const text of texts) tokenizer.indexTerms(text);
  return { dictionaryMs, tokenizeMs: ms(t), tokenizedChars: chars };
}

/**
 * A page pasted into the box (2,000 characters of passage text; quotes left out, so that it is
 * searched rather than refused as an unclosed phrase) and 200 two-character words.
 */
function longQueries(texts: string[]): string[] {
  const text = texts.join('').replace(/["“”「」『』]/g, '');
  return [text.slice(0, 2000), Array.from({ length: 200 }, (_, i) => text.slice(i * 7, i * 7 + 2)).join(' ')];
}

async function queryLatency(
  search: (query: string) => SearchResult[] | Promise<SearchResult[]>,
  queries: readonly string[] = QUERIES,
): Promise<{ p50: number; p95: number; max: number; queries: number; avgResults: number }> {
  const { times, results } = await timeQueries(search, queries);
  const all = times.flat().sort((a, b) => a - b);
  return { p50: percentile(all, 50), p95: percentile(all, 95), max: all[all.length - 1], queries: queries.length, avgResults: results / all.length };
}

/** Each query's times over RUNS runs (after one run to warm up), and how many results they gave in all. */
async function timeQueries(search: (query: string) => SearchResult[] | Promise<SearchResult[]>, queries: readonly string[]): Promise<{ times: number[][]; results: number }> {
  const times = queries.map((): number[] => []);
  let results = 0;
  for (const q of queries) await search(q);
  for (let run = 0; run < RUNS; run++) {
    for (const [i, q] of queries.entries()) {
      const t = process.hrtime.bigint();
      results += (await search(q)).length;
      times[i].push(ms(t));
    }
  }
  return { times, results };
}

/** ripgrep counting matches of each query's words (any of them) in the same files. */
function ripgrep(paths: string[], whole: boolean): { rgP50: number; rgP95: number } {
  const times: number[] = [];
  const targets = whole ? [CORPUS] : paths;
  for (let run = 0; run < 3; run++) {
    for (const q of QUERIES) {
      const words = q.split(/\s+/).filter(Boolean);
      const t = process.hrtime.bigint();
      const r = spawnSync('rg', ['--count-matches', '--no-filename', '--fixed-strings', ...words.flatMap((w) => ['-e', w]), '--', ...targets], {
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      });
      times.push(ms(t));
      if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
    }
  }
  times.sort((a, b) => a - b);
  return { rgP50: percentile(times, 50), rgP95: percentile(times, 95) };
}

/**
 * Warm start in a fresh process: load the cache and stat every file to see what changed. `writer`
 * 'worker': the cache the real worker wrote (eventloop mode), else the build mode's.
 */
async function reloadMode(size: number, cacheDir: string, writer?: string): Promise<Record<string, number>> {
  const paths = corpusPaths(size);
  const started = process.hrtime.bigint();
  const tokenizer = loadTokenizer();
  const model = writer === 'worker' ? modelVersion(path.join(DIST, 'worker.js'), loadMetricKeys(undefined)) : MODEL_VERSION;
  const loaded = await loadCache(nodeCacheHost(cacheDir), { model, tokenizer });
  if (!loaded.ok) throw new Error(`bench: cache not usable: ${loaded.reason}`);
  let changed = 0;
  for (const p of paths) {
    const s = statSync(p);
    const cached = loaded.files.get(p);
    if (!cached || cached.size !== s.size || cached.mtime !== s.mtimeMs) changed++;
  }
  // What the outline needs: every file's model, and which files changed.
  const modelMs = ms(started);
  const index = await loaded.loadIndex();
  const indexMs = ms(started);
  // Memory once searchable, before any query (queries allocate their matches).
  const readyRss = process.memoryUsage().rss;
  // The first query after a warm start: cut against the index's words, no jieba to wait for.
  const t = process.hrtime.bigint();
  index.search('经济 增长', { limit: 50 });
  const firstQueryMs = ms(t);
  const latency = await queryLatency((q) => index.search(q, { limit: 50, prefixLast: true }));
  return { modelMs, indexMs, changed, firstQueryMs, readyRss, reloadPeakRss: process.resourceUsage().maxRSS * 1024, warmP50: latency.p50, warmP95: latency.p95 };
}

/**
 * Query latency on a cache whichever build wrote it (the CLI's, the worker's, this benchmark's),
 * read only: its reader's version is taken from its own manifest and nothing in the folder is
 * written or removed. Each query list's p50/p95/max and the slowest queries (median of the runs);
 * with `resultsFile`, every query's results (to compare the rankings of two versions).
 */
async function queryMode(cacheDir: string, resultsFile?: string): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(JSON.parse(readFileSync(path.join(cacheDir, 'manifest.json'), 'utf8')).manifest) as { model: string };
  const host = nodeCacheHost(cacheDir);
  const readOnly = { ...host, write: async () => Promise.reject(new Error('bench: the cache is read only')), remove: async () => {} };
  const started = process.hrtime.bigint();
  const loaded = await loadCache(readOnly, { model: manifest.model, tokenizer: loadTokenizer() });
  if (!loaded.ok) throw new Error(`bench: cache not usable: ${loaded.reason}`);
  const index = await loaded.loadIndex();
  const loadMs = ms(started);
  const search = (q: string): SearchResult[] => index.search(q, { limit: 50, prefixLast: true });
  const lists = { all: QUERIES, words: WORD_QUERIES, language: LANGUAGE_QUERIES };
  const figures: Record<string, { p50: number; p95: number; max: number }> = {};
  const medians = new Map<string, number>();
  for (const [name, queries] of Object.entries(lists)) {
    const { times } = await timeQueries(search, queries);
    const all = times.flat().sort((a, b) => a - b);
    figures[name] = { p50: percentile(all, 50), p95: percentile(all, 95), max: all[all.length - 1] };
    times.forEach((t, i) => medians.set(queries[i], Math.max(medians.get(queries[i]) ?? 0, percentile(t.sort((a, b) => a - b), 50))));
  }
  const slowest = [...medians].sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(QUERIES.map((q) => [q, search(q).map((r) => [r.id, r.score])])));
  return { files: loaded.files.size, documents: index.documentCount, loadMs, figures, slowest };
}

/**
 * The extension host's view of a build: the real worker (dist/worker.js, run `node esbuild.mjs`
 * first) reads and indexes the files while this thread, standing in for the extension host,
 * receives its per-file messages and keeps them as the corpus service does, and
 * measures how long its event loop is blocked: the longest gap of a 1 ms interval timer and
 * monitorEventLoopDelay's maximum.
 */
async function eventLoopMode(size: number, cacheDir: string): Promise<Record<string, number>> {
  const paths = corpusPaths(size);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longestGap = 0;
  let longestBusy = 0;
  let blocks = 0;
  // Event-loop utilisation tells a busy thread (running JavaScript or native work, e.g.
  // deserialising messages) from one that was ready but not given a core by the OS: on a loaded
  // 2-core machine the second inflates the gaps.
  let lastElu = performance.eventLoopUtilization();
  const probe = setInterval(() => {
    const now = performance.now();
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    longestGap = Math.max(longestGap, now - last);
    longestBusy = Math.max(longestBusy, elu.active);
    if (now - last > 50) blocks++;
    last = now;
  }, 1);
  // Garbage collection on this thread: the models it keeps are large.
  let longestGc = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gcs.observe({ entryTypes: ['gc'] });
  // The same probe with nothing to do: what the machine itself costs (other processes, GC).
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idleGap = longestGap;
  const idleBlocks = blocks;
  longestGap = 0;
  longestBusy = 0;
  blocks = 0;
  let idle = false;
  // What the extension host keeps (vscode/corpus/service.ts): each file as a lazy shell in a lookup by path and id.
  const corpus = new CorpusLookup();
  let files = 0;
  let longestMessage = 0;
  const started = performance.now();
  const worker = new Worker(path.join(DIST, 'worker.js'), { workerData: { cacheDir }, resourceLimits: BACKGROUND_LIMITS });
  histogram.enable();
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: Message) => {
      const t = performance.now();
      if (message.type === 'file') {
        files++;
        corpus.set(lazyFile(message.file));
        // As the extension host does: acknowledge after this turn so the worker sends more.
        if (message.ack) setImmediate((seq) => worker.postMessage({ type: 'ack', seq }), message.ack);
      } else if (message.type === 'phase') idle = message.phase === 'idle';
      else if (message.type === 'done' || message.type === 'failed') {
        if (message.type === 'failed') reject(new Error(message.message));
        else resolve();
      }
      longestMessage = Math.max(longestMessage, performance.now() - t);
    });
    worker.on('error', reject);
    worker.postMessage({ id: 1, type: 'sync', paths });
  });
  const syncMs = performance.now() - started;
  // A search through the worker, as the command palette asks it.
  const t = performance.now();
  await new Promise<void>((resolve) => {
    worker.on('message', (message: Message) => message.type === 'done' && resolve());
    worker.postMessage({ id: 2, type: 'search', query: '经济 增长', options: { limit: 50, prefixLast: true } });
  });
  const searchMs = performance.now() - t;
  // The worker saves its cache after the sync; let it finish before ending it (the warm run needs
  // it). The event loop is still probed meanwhile.
  while (!idle) await new Promise((resolve) => setTimeout(resolve, 100));
  const settledMs = performance.now() - started;
  histogram.disable();
  clearInterval(probe);
  gcs.disconnect();
  await worker.terminate();
  return { syncMs, settledMs, files, peakRss: process.resourceUsage().maxRSS * 1024, idleGap, idleBlocks, blocks, longestGc, longestGap, longestBusy, maxDelay: histogram.max / 1e6, p99Delay: histogram.percentile(99) / 1e6, longestMessage, searchMs };
}

/** Prints what queryMode measured (in its own process, with room for a 10× index). */
function printQueries(cacheDir: string, resultsFile?: string): void {
  const r = child(['query-run', cacheDir, ...(resultsFile ? [resultsFile] : [])]) as unknown as {
    files: number; documents: number; loadMs: number;
    figures: Record<'all' | 'words' | 'language', { p50: number; p95: number; max: number }>;
    slowest: Array<[string, number]>;
  };
  const line = ({ p50, p95, max }: { p50: number; p95: number; max: number }): string => `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms`;
  console.log(
    [
      `query latency on ${cacheDir}: ${r.files} files, ${r.documents} index documents (loaded in ${(r.loadMs / 1000).toFixed(1)} s); limit 50, last word as prefix, ${RUNS} runs`,
      `all queries      ${QUERIES.length}: ${line(r.figures.all)}`,
      `words alone      ${WORD_QUERIES.length}: ${line(r.figures.words)}`,
      `query language   ${LANGUAGE_QUERIES.length}: ${line(r.figures.language)}`,
      `slowest (median) ${r.slowest.map(([q, t]) => `${q} ${t.toFixed(1)} ms`).join(' · ')}`,
    ].join('\n'),
  );
}

function child(args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, ...args], { encoding: 'utf8', maxBuffer: 2 ** 24 });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

function main(): void {
  const total = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).length;
  const sizes = (process.argv[2] ?? '100,1000,all').split(',').map((s) => (s === 'all' ? total : Number(s)));
  console.log(`search benchmark: ${CORPUS}, ${QUERIES.length} queries × ${RUNS} runs, node ${process.version}`);
  for (const size of sizes) {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-bench-'));
    try {
      const j = child(['tokenizer', String(size), cacheDir]);
      const b = child(['build', String(size), cacheDir]);
      const w = child(['reload', String(size), cacheDir]);
      const workerDir = mkdtempSync(path.join(tmpdir(), 'statcite-bench-worker-'));
      const cold = child(['eventloop', String(size), workerDir]);
      const warm = child(['eventloop', String(size), workerDir]);
      rmSync(workerDir, { recursive: true, force: true });
      console.log(
        [
          `\n== ${b.files} files: ${b.passages} passages, ${b.statistics} statistics, ${b.documents} index documents, ${(b.chars / 1e6).toFixed(1)} M characters of passage text`,
          `dictionary load        ${j.dictionaryMs.toFixed(0)} ms (in the indexer thread, while the first files are read)`,
          `tokenizer throughput   ${(j.tokenizedChars / j.tokenizeMs / 1000).toFixed(2)} M chars/s (${j.tokenizeMs.toFixed(0)} ms, index mode)`,
          `cold build             ${(b.totalMs / 1000).toFixed(1)} s: read and outlined ${(b.readMs / 1000).toFixed(1)} s (indexing alongside, in ${b.segments} batches), all indexed ${(b.indexedMs / 1000).toFixed(1)} s, cache complete ${(b.totalMs / 1000).toFixed(1)} s`,
          `peak memory (RSS)      ${mb(b.peakRss)} MB during the build (reader, indexer thread with jieba, index)`,
          `cache size             ${mb(b.cacheBytes)} MB`,
          `warm reload            model ready (outline can show) ${w.modelMs.toFixed(0)} ms incl. stat of every file (${w.changed} changed); index ready ${w.indexMs.toFixed(0)} ms; RSS then ${mb(w.readyRss)} MB, peak ${mb(w.reloadPeakRss)} MB after the queries; first query after it ${w.firstQueryMs.toFixed(0)} ms (no jieba: cut against the index's words)`,
          `query latency          p50 ${b.p50.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms, max ${b.max.toFixed(2)} ms (limit 50, last word as prefix; ${b.avgResults.toFixed(1)} results on average); on the index loaded from the cache p50 ${w.warmP50.toFixed(2)} ms, p95 ${w.warmP95.toFixed(2)} ms`,
          `  words alone          ${WORD_QUERIES.length} of them: p50 ${b.wordsP50.toFixed(2)} ms, p95 ${b.wordsP95.toFixed(2)} ms`,
          `  query language       ${LANGUAGE_QUERIES.length} of them (phrases, exclusions, fields, dates, figure conditions): p50 ${b.languageP50.toFixed(2)} ms, p95 ${b.languageP95.toFixed(2)} ms, max ${b.languageMax.toFixed(2)} ms`,
          `  long queries         a pasted 2,000-character query and a 200-word one: slowest ${b.longMax.toFixed(2)} ms`,
          `extension host, cold   worker build ${(cold.syncMs / 1000).toFixed(1)} s for ${cold.files} files (process peak RSS ${mb(cold.peakRss)} MB with the host's mirror of the model): longest event-loop gap ${cold.longestGap.toFixed(1)} ms of which busy ${cold.longestBusy.toFixed(1)} ms, ${cold.blocks} gaps > 50 ms (1 ms interval probe; 2 s idle before: ${cold.idleGap.toFixed(1)} ms, ${cold.idleBlocks} blocks), max delay ${cold.maxDelay.toFixed(1)} ms, p99 ${cold.p99Delay.toFixed(1)} ms; longest GC pause ${cold.longestGc.toFixed(1)} ms; longest file message ${cold.longestMessage.toFixed(1)} ms; first search ${cold.searchMs.toFixed(0)} ms`,
          `extension host, warm   worker start from cache ${(warm.syncMs / 1000).toFixed(1)} s for ${warm.files} files (process peak RSS ${mb(warm.peakRss)} MB): longest gap ${warm.longestGap.toFixed(1)} ms of which busy ${warm.longestBusy.toFixed(1)} ms, ${warm.blocks} gaps > 50 ms (idle: ${warm.idleGap.toFixed(1)} ms), max delay ${warm.maxDelay.toFixed(1)} ms; longest GC pause ${warm.longestGc.toFixed(1)} ms; first search ${warm.searchMs.toFixed(0)} ms`,
          `ripgrep (same queries) p50 ${b.rgP50.toFixed(1)} ms, p95 ${b.rgP95.toFixed(1)} ms; rg p50 / our p50 = ${b.rgRatio.toFixed(1)}×`,
        ].join('\n'),
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
}

const [mode, size, dir] = process.argv.slice(2);
if (mode === 'tokenizer') void tokenizerMode(Number(size)).then((r) => console.log(JSON.stringify(r)));
else if (mode === 'build') void buildMode(Number(size), dir).then((r) => console.log(JSON.stringify(r)));
else if (mode === 'reload') void reloadMode(Number(size), dir, process.argv[5]).then((r) => console.log(JSON.stringify(r)));
else if (mode === 'query-run') void queryMode(size, dir).then((r) => console.log(JSON.stringify(r)));
else if (mode === 'query') printQueries(size, dir);
else if (mode === 'eventloop') void eventLoopMode(Number(size), dir).then((r) => console.log(JSON.stringify(r)));
else main();
