/**
 * Fuzzing the cache: a real cache of a small corpus, damaged in every region of its files (the
 * manifest's checksum and body; a segment's head, padding, numbers and texts) by flipped bits,
 * changed, inserted and deleted bytes, truncation; and, separately, intact caches (written by
 * saveCache) holding a packed file's fields or an index segment whose structure was changed. Whatever the
 * damage, a start from the cache never throws or leaves a rejection behind, serves exactly what a
 * fresh read gives (or reads afresh), and logs the rebuild at most once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyFile, pack, type PackedFile } from '../../../src/core/corpus/packed';
import { CorpusEngine, type EngineHost } from '../../../src/core/engine/engine';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile } from '../../../src/core/model';
import { saveCache, type CacheHost, type CachedFile } from '../../../src/core/search/cache';
import { SearchIndex, type SerializedSegment } from '../../../src/core/search/index';
import { corpusFileProblem } from '../../../src/core/search/modelCheck';
import { SearchStore } from '../../../src/core/search/store';
import { loadTokenizer } from '../../../src/core/search/tokenizer';

const tokenizer = loadTokenizer();
const MODEL_VERSION = 'fuzz';
const QUERIES = ['综治中心', '复吸率 下降', '生产总值', '1377'];

const corpus = new Map<string, string>([
  ['/w/corpus/a.txt', '综治中心建设\n\n某市委政法委\n\n一、基层治理。建设四级综治中心1377个，化解矛盾纠纷12.5万件。\n\n二、禁毒。社区戒毒人员复吸率下降6.8%。\n'],
  ['/w/corpus/b.md', '---\npublication: 法治日报\ndate: 2026-01-20\n---\n# 2025年经济运行\n\n## 一、总体\n\n全市地区生产总值增长5.2%，达到1.2万亿元。\n\n[原文](https://example.cn/a(1).html)\n'],
  ['/w/corpus/c.txt', '短讯\n\n本报讯（记者 张三）今年以来，全省刑事发案同比下降21.5%。\n'],
]);

/** The corpus on a host that never changes: stamps are fixed and old. */
const corpusHost: EngineHost = {
  readFile: async (p) => Buffer.from(corpus.get(p)!),
  stat: async (p) => ({ size: Buffer.byteLength(corpus.get(p)!), mtime: 1_000_000, ctime: 1_000_000 }),
  sidecarMetadata: async () => undefined,
};

function memoryCache(files: Map<string, Uint8Array>): CacheHost {
  return {
    read: async (name) => files.get(name),
    write: async (name, data) => void files.set(name, Uint8Array.from(data)),
    list: async () => [...files.keys()],
    remove: async (name) => void files.delete(name),
  };
}

/** Starts the engine from `cache` as the worker does; what it serves and what it logged. */
async function start(cache: Map<string, Uint8Array>) {
  const logged: string[] = [];
  const note = (m: string): void => void logged.push(m);
  const log = { info: note, warn: note, error: note };
  const store = new SearchStore({ tokenizer, cache: memoryCache(cache), modelVersion: MODEL_VERSION, log });
  const engine = new CorpusEngine(corpusHost, log, { file: () => {}, removed: () => {}, progress: () => {} }, store);
  await engine.sync([...corpus.keys()]);
  await store.ready();
  const results = new Map<string, string[]>();
  for (const q of QUERIES) results.set(q, (await engine.search(q, { limit: 100 })).map((r) => `${r.file} ${r.id}`).sort());
  return { engine, logged, results };
}

/** A seeded random source (xorshift32): every run fuzzes the same cases. */
function random(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

let fresh: Map<string, CorpusFile>;
let freshResults: Map<string, string[]>;
let pristine: Map<string, Uint8Array>;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  fresh = new Map([...corpus].map(([p, text]) => [p, loadCorpusFile(Buffer.from(text), p)]));
  // A cold start writes the cache; a start from it must give what the cold start gave.
  pristine = new Map();
  const cold = await start(pristine);
  freshResults = cold.results;
  for (const q of QUERIES.slice(0, 3)) expect(freshResults.get(q)!.length, q).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 50));
  expect([...pristine.keys()].sort()).toEqual(['manifest.json', expect.stringMatching(/^seg-.*\.bin$/)]);
  const warm = await start(new Map(pristine));
  expect(warm.logged.filter((m) => /afresh|rebuild/.test(m))).toEqual([]);
});

afterAll(() => {
  process.off('unhandledRejection', onRejection);
});

/** [start, end) of the parts of a cache file: the manifest's checksum and body; a data file's head, padding and tail. */
function regions(name: string, bytes: Uint8Array): Array<[number, number]> {
  const text = Buffer.from(bytes).toString('latin1');
  if (name === 'manifest.json') {
    const body = text.indexOf('"manifest"');
    return [[0, body], [body, bytes.length]];
  }
  const newline = text.indexOf('\n');
  const headEnd = text.lastIndexOf('}', newline) + 1;
  const numbersEnd = newline + 1 + 4 * (JSON.parse(text.slice(0, newline)) as { numbers: number }).numbers;
  return [[0, headEnd], [headEnd, newline + 1], [newline + 1, numbersEnd], [numbersEnd, bytes.length]].filter(([s, e]) => e > s) as Array<[number, number]>;
}

type Mutation = (bytes: Uint8Array, at: number, next: (n: number) => number) => Uint8Array;
const randomBytes = (n: number, next: (n: number) => number): Uint8Array => Uint8Array.from({ length: n }, () => next(256));
const MUTATIONS: Record<string, Mutation> = {
  flip: (b, at, next) => {
    const out = Uint8Array.from(b);
    out[at] ^= 1 << next(8);
    return out;
  },
  set: (b, at, next) => {
    const out = Uint8Array.from(b);
    out[at] = (out[at] + 1 + next(255)) % 256;
    return out;
  },
  insert: (b, at, next) => Buffer.concat([b.subarray(0, at), randomBytes(1 + next(8), next), b.subarray(at)]),
  remove: (b, at, next) => Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + next(8)))]),
  truncate: (b, at) => b.subarray(0, at),
  swap: (b, at, next) => {
    const out = Uint8Array.from(b);
    const other = next(b.length);
    [out[at], out[other]] = [out[other], out[at]];
    return out;
  },
};

describe('cache fuzzing', () => {
  it('damaged bytes in every region of every cache file: never a throw, never a wrong file or search result', async () => {
    const next = random(0x5eed);
    const names = [...pristine.keys()].sort();
    const kinds = Object.keys(MUTATIONS);
    const seen = new Set<string>();
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const name = names[i % names.length];
      const bytes = pristine.get(name)!;
      const parts = regions(name, bytes);
      const region = (i / names.length) % parts.length | 0;
      const [s, e] = parts[region];
      const kind = kinds[next(kinds.length)];
      const mutated = MUTATIONS[kind](bytes, s + next(e - s), next);
      if (Buffer.compare(mutated, bytes) === 0) continue;
      seen.add(`${name}#${region}:${kind}`);
      const cache = new Map(pristine);
      cache.set(name, mutated);
      const where = `case ${i}: ${kind} in ${name} region ${region}`;
      const { engine, logged, results } = await start(cache);
      for (const [path, file] of fresh) expect(engine.get(path), where).toEqual(file);
      expect(results, where).toEqual(freshResults);
      const rebuilds = logged.filter((m) => /afresh|rebuild/.test(m));
      expect(rebuilds.length, `${where}: ${rebuilds.join(' | ')}`).toBeLessThanOrEqual(1);
      rejected += rebuilds.length;
    }
    // Every region of every file was hit by every kind of damage, and the damage was noticed.
    expect(seen.size).toBe(kinds.length * (2 + 4));
    expect(rejected).toBeGreaterThan(2900);
    expect(rejections).toEqual([]);
  }, 600_000);

  it('intact caches holding a changed model or index structure: never a throw, only well-formed files served', async () => {
    const next = random(0xcafe);
    const odd = (): unknown => [null, -1, 2 ** 31, 0.5, 'x', '', [], {}, [1, 2], { start: 5, end: 2 }, true, { start: 0, end: 1e9 }, Number.NaN][next(13)];
    let writerRefused = 0;
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      // A copy of the cold start's files (packed: their fields beside the bytes) and index, one
      // value somewhere in them replaced.
      const packed = [...fresh.values()].map((f) => pack(f));
      const fields = packed.map(({ bytes: _, ...rest }) => JSON.parse(JSON.stringify(rest)) as Omit<PackedFile, 'bytes'>);
      const index = SearchIndex.create(tokenizer);
      for (const f of fresh.values()) index.add(f);
      const [segment] = index.segments();
      let saved: SerializedSegment = index.serialize(segment);
      if (i % 2 === 0) replaceSomewhere(fields, odd, next);
      else {
        const { data, ...rest } = saved;
        const head = JSON.parse(JSON.stringify(rest));
        const copy = Int32Array.from(data);
        if (next(2)) replaceSomewhere(head, odd, next);
        else copy[next(copy.length)] = [-1, 0, 2 ** 31 - 1, next(1000)][next(4)];
        saved = { ...head, data: copy };
      }
      const cache = new Map<string, Uint8Array>();
      const files = fields.map((f, k) => lazyFile({ ...f, bytes: packed[k].bytes }));
      const entries: CachedFile[] = files.map((file) => ({
        path: String(file?.path),
        size: Buffer.byteLength(corpus.get(String(file?.path)) ?? ''),
        mtime: 1_000_000,
        ctime: 1_000_000,
        hash: '',
        sidecar: '',
        file,
      }));
      const where = `case ${i}`;
      try {
        const written = { segments: () => [segment], serialize: () => saved, segmentOf: () => segment, nextDocument: index.nextDocument };
        await saveCache(memoryCache(cache), { model: MODEL_VERSION, tokenizer }, entries, written as unknown as SearchIndex);
      } catch {
        // The writer itself cannot write some of these (a file without a path): nothing to read back.
        writerRefused++;
        continue;
      }
      const { engine, logged } = await start(cache);
      for (const path of corpus.keys()) expect(corpusFileProblem(engine.get(path)), where).toBeUndefined();
      const outcome = logged.some((m) => /afresh/.test(m)) ? 'model refused' : logged.some((m) => /rebuild/.test(m)) ? 'index refused' : 'accepted';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // (A saved file is three values, its path one of them: a change lands on a path more often than when it was a list of keys.)
    expect(writerRefused).toBeLessThan(90);
    // The checks were put to work both ways: some changes are refused, harmless ones (a title) pass.
    expect([...outcomes.keys()].sort()).toEqual(['accepted', 'index refused', 'model refused']);
    expect(rejections).toEqual([]);
  }, 600_000);
});

/** Replaces one value (or drops one key) at a random place of a JSON tree. */
function replaceSomewhere(root: unknown, odd: () => unknown, next: (n: number) => number): void {
  const places: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach((v, i) => (places.push([node, i]), walk(v)));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) places.push([node as Record<string, unknown>, k]), walk(v);
  };
  walk(root);
  const [parent, key] = places[next(places.length)];
  const value = odd();
  if (!Array.isArray(parent) && next(5) === 0) delete parent[key as string];
  else (parent as Record<string | number, unknown>)[key] = value;
}
