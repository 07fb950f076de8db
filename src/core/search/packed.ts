/**
 * A compact saved form of a MiniSearch index. MiniSearch's own (toJSON / loadJS) keeps every
 * posting as an object key and rebuilds its maps key by key through strings: on the news corpus
 * that took seconds per 100 files. Here postings are flat number arrays, which JSON parses fast
 * and which stay flat after loading (FlatPostings) until MiniSearch changes them.
 *
 * This reads and writes MiniSearch's internal fields, so it is tied to MiniSearch 7 (the version
 * in package.json); the round-trip is covered by the index tests.
 */
import MiniSearch, { type Options } from 'minisearch';

export interface PackedMiniSearch {
  packing: 1;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** [shortId, id, shortId, id, …] */
  documentIds: number[];
  /** [shortId, length of field 0, …, length of field F-1, shortId, …] */
  fieldLength: number[];
  terms: string[];
  /** Per term: [fieldId, n, doc, freq × n, fieldId, n, …]. */
  postings: number[][];
}

/** MiniSearch 7's internal state, as loadJS and toJSON use it. */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): void } & Iterable<[string, Map<number, Map<number, number>>]>;
}

const internals = (miniSearch: MiniSearch<never> | MiniSearch<unknown>): Internals => miniSearch as unknown as Internals;

export function packMiniSearch<T>(miniSearch: MiniSearch<T>): PackedMiniSearch {
  const m = internals(miniSearch as MiniSearch<unknown>);
  const fields = Object.keys(m._fieldIds).length;
  const documentIds: number[] = [];
  for (const [shortId, id] of m._documentIds) documentIds.push(shortId, id as number);
  const fieldLength: number[] = [];
  for (const [shortId, lengths] of m._fieldLength) {
    fieldLength.push(shortId);
    for (let f = 0; f < fields; f++) fieldLength.push(lengths[f] ?? 0);
  }
  const terms: string[] = [];
  const postings: number[][] = [];
  for (const [term, data] of m._index) {
    const flat: number[] = [];
    for (const [fieldId, freqs] of data) {
      flat.push(fieldId, freqs.size);
      // Documents are numbered in the order they were added, so postings are already sorted by
      // document; FlatPostings relies on it.
      let sorted = true;
      let previous = -1;
      for (const doc of freqs.keys()) {
        if (doc < previous) sorted = false;
        previous = doc;
      }
      const entries = sorted ? freqs : new Map([...freqs].sort((a, b) => a[0] - b[0]));
      for (const [doc, freq] of entries) flat.push(doc, freq);
    }
    terms.push(term);
    postings.push(flat);
  }
  return {
    packing: 1,
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    documentIds,
    fieldLength,
    terms,
    postings,
  };
}

export function unpackMiniSearch<T>(packed: PackedMiniSearch, options: Options<T>): MiniSearch<T> {
  if (packed.packing !== 1) throw new Error(`search: index packing ${String(packed.packing)} is not known`);
  const miniSearch = new MiniSearch<T>(options);
  const m = internals(miniSearch as MiniSearch<unknown>);
  const fields = Object.keys(packed.fieldIds).length;
  m._documentCount = packed.documentCount;
  m._nextId = packed.nextId;
  m._dirtCount = packed.dirtCount;
  m._fieldIds = packed.fieldIds;
  m._avgFieldLength = packed.averageFieldLength;
  for (let i = 0; i < packed.documentIds.length; i += 2) {
    m._documentIds.set(packed.documentIds[i], packed.documentIds[i + 1]);
    m._idToShortId.set(packed.documentIds[i + 1], packed.documentIds[i]);
  }
  for (let i = 0; i < packed.fieldLength.length; i += fields + 1) {
    m._fieldLength.set(packed.fieldLength[i], packed.fieldLength.slice(i + 1, i + 1 + fields));
  }
  packed.terms.forEach((term, t) => {
    const flat = packed.postings[t];
    const data = new Map<number, Map<number, number>>();
    for (let i = 0; i < flat.length; ) {
      const n = flat[i + 1];
      data.set(flat[i], new FlatPostings(flat, i + 2, n));
      i += 2 + 2 * n;
    }
    m._index.set(term, data);
  });
  return miniSearch;
}

/**
 * One term's postings in one field (document → frequency), read straight from the saved flat
 * array: a search reads size, keys() and get(); the first change (a file re-indexed, a vacuum)
 * turns it into an ordinary Map. Building millions of Map entries at load was most of a warm start.
 */
class FlatPostings extends Map<number, number> {
  private flat?: number[];
  /** Where the last key handed out by keys() stands, so that get() right after it is direct. */
  private cursor: number;

  constructor(
    flat: number[],
    private readonly start: number,
    private readonly n: number,
  ) {
    super();
    this.flat = flat;
    this.cursor = start;
  }

  override get size(): number {
    return this.flat ? this.n : super.size;
  }

  override get(doc: number): number | undefined {
    const flat = this.flat;
    if (!flat) return super.get(doc);
    const at = flat[this.cursor] === doc ? this.cursor : this.find(flat, doc);
    return at < 0 ? undefined : flat[at + 1];
  }

  override has(doc: number): boolean {
    return this.flat ? this.get(doc) !== undefined : super.has(doc);
  }

  override *keys(): MapIterator<number> {
    const flat = this.flat;
    if (!flat) return yield* super.keys();
    for (let k = 0, j = this.start; k < this.n; k++, j += 2) {
      this.cursor = j;
      yield flat[j];
    }
  }

  override set(doc: number, freq: number): this {
    this.materialize();
    return super.set(doc, freq);
  }

  override delete(doc: number): boolean {
    this.materialize();
    return super.delete(doc);
  }

  override clear(): void {
    this.flat = undefined;
    super.clear();
  }

  override entries(): MapIterator<[number, number]> {
    this.materialize();
    return super.entries();
  }

  override values(): MapIterator<number> {
    this.materialize();
    return super.values();
  }

  override forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    this.materialize();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /** Binary search: postings are sorted by document. */
  private find(flat: number[], doc: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.start + 2 * mid;
      if (flat[at] === doc) return at;
      if (flat[at] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private materialize(): void {
    const flat = this.flat;
    if (!flat) return;
    this.flat = undefined;
    for (let k = 0, j = this.start; k < this.n; k++, j += 2) super.set(flat[j], flat[j + 1]);
  }
}
