/**
 * A warm start from a real cache decodes no file's model: the engine, the search store and the
 * cache keep files packed (corpus/packed.ts) and read their summaries; and what a warm start
 * serves (search results, traced figures) is what the cold build served.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packedOf } from '../../../src/core/corpus/packed';
import { CorpusEngine, type EngineHost } from '../../../src/core/engine/engine';
import type { CorpusFile } from '../../../src/core/model';
import { nodeCacheHost } from '../../../src/core/search/nodeCacheHost';
import { SearchStore } from '../../../src/core/search/store';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import { TraceIndex } from '../../../src/core/trace/index';
import { traceDraft } from '../../../src/core/trace/trace';

// Every decoded model goes through V8's deserialiser: counting its calls counts decodes.
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:v8', async (original) => {
  const v8 = await original<typeof import('node:v8')>();
  return {
    ...v8,
    deserialize: (bytes: Uint8Array) => {
      decodes.count++;
      return v8.deserialize(bytes);
    },
  };
});

const NEWS = path.resolve(__dirname, '../../../../shared/bench/xwlb/news');
const SEED = path.resolve(__dirname, '../../../../shared/corpus/seed/000_fadfd726848b77a0.txt');
const texts = new Map<string, Buffer>([
  ...readdirSync(NEWS)
    .filter((n) => n.endsWith('.md'))
    .slice(0, 12)
    .map((n): [string, Buffer] => [`/w/news/${n}`, readFileSync(path.join(NEWS, n))]),
  ['/w/seed.txt', readFileSync(SEED)],
]);
const paths = [...texts.keys()];
const QUERIES = ['经济 增长', '综治中心', '"高质量发展"', '同比 -下降', 'period:2022', '>10%'];

/** The corpus, never changing: fixed, old stamps. */
const host: EngineHost = {
  readFile: async (p) => texts.get(p)!,
  stat: async (p) => ({ size: texts.get(p)!.length, mtime: 1_000_000, ctime: 1_000_000 }),
  sidecarMetadata: async () => undefined,
};

const tokenizer = loadTokenizer();

/** A start over the cache in `dir`, as the worker makes it: what was restored, what was logged. */
async function start(dir: string) {
  const logged: string[] = [];
  const note = (m: string): void => void logged.push(m);
  const log = { info: note, warn: note, error: note };
  const restored: CorpusFile[] = [];
  const traces = new TraceIndex();
  const store = new SearchStore({ tokenizer, cache: nodeCacheHost(dir), modelVersion: 'warm', log, batchDocuments: 400 });
  const listener = {
    file: (file: CorpusFile, cached?: boolean) => {
      if (cached) {
        restored.push(file);
        traces.addLater(file);
      } else traces.add(file);
    },
    removed: (p: string) => traces.remove(p),
    progress: () => {},
  };
  const engine = new CorpusEngine(host, log, listener, store);
  await engine.sync(paths);
  await engine.indexed();
  await engine.settled();
  return { engine, store, traces, restored, logged };
}

/** Every query's results and every figure of a draft traced, as the user sees them. */
async function served(engine: CorpusEngine, traces: TraceIndex, draft: string) {
  const results: unknown[] = [];
  for (const q of QUERIES) results.push((await engine.search(q, { limit: 30 })).map((r) => [r.file, r.id, r.score, r.snippet]));
  await traces.complete();
  return { results, traced: traceDraft(draft, 'plain', traces) };
}

/** A draft stating some of the corpus's figures (their sentences), and one it does not. */
function draftOf(engine: CorpusEngine): string {
  const sentences = paths.flatMap((p) => engine.get(p)!.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.statistics.map((x) => x.sentence)))));
  return [...sentences.filter((_, i) => i % 7 === 0).slice(0, 12), '全省刑事发案同比下降27.3%。'].join('\n');
}

afterEach(() => {
  decodes.count = 0;
});

describe('a warm start', () => {
  it('decodes no file, and serves what the cold build served', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-warm-'));
    const cold = await start(dir);
    expect(cold.restored).toEqual([]);
    const draft = draftOf(cold.engine);
    const before = await served(cold.engine, cold.traces, draft);
    expect(before.results.every((r) => (r as unknown[]).length > 0)).toBe(true);
    expect(before.traced.filter((t) => t.status === 'found').length).toBeGreaterThan(5);

    decodes.count = 0;
    const warm = await start(dir);
    expect(warm.logged.filter((m) => /afresh|rebuild|not indexed|error/i.test(m))).toEqual([]);
    expect(warm.restored.length).toBe(paths.length);
    // Restored files are packed shells, and the read, the index and the cache decoded none.
    for (const file of warm.restored) expect(packedOf(file)).toBe(packedOf(file));
    expect(decodes.count).toBe(0);

    const after = await served(warm.engine, warm.traces, draft);
    expect(after.results).toEqual(before.results);
    expect(after.traced).toEqual(before.traced);
    // The searches and the trace index did decode what they read.
    expect(decodes.count).toBeGreaterThan(0);
  }, 120_000);

  it('traces nothing stale: a file restored, then read afresh or removed, counts as it is now', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-warm-'));
    const cold = await start(dir);
    const draft = draftOf(cold.engine);
    const warm = await start(dir);
    const [first, second] = warm.restored;
    // Before the background fill: a fresh read of one file replaces its restored form, another is gone.
    warm.traces.add(cold.engine.get(first.path)!);
    warm.traces.remove(second.path);
    cold.traces.remove(second.path);
    await warm.traces.complete();
    expect(warm.traces.size).toBe(cold.traces.size);
    expect(traceDraft(draft, 'plain', warm.traces)).toEqual(traceDraft(draft, 'plain', cold.traces));
  }, 120_000);
});
