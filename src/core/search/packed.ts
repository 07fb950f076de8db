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
 * copies them into an ordinary Map. Creating millions of Map entries (or Map subclasses) at load
 * was most of a warm start, so this is a plain object with the part of Map's interface that
 * MiniSearch uses.
 */
class FlatPostings implements Map<number, number> {
  private map?: Map<number, number>;
  /** Where the last key handed out by keys() stands, so that get() right after it is direct. */
  private cursor: number;

  constructor(
    private readonly flat: number[],
    private readonly start: number,
    private readonly n: number,
  ) {
    this.cursor = start;
  }

  get size(): number {
    return this.map ? this.map.size : this.n;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get(doc: number): number | undefined {
    if (this.map) return this.map.get(doc);
    const at = this.flat[this.cursor] === doc ? this.cursor : this.find(doc);
    return at < 0 ? undefined : this.flat[at + 1];
  }

  has(doc: number): boolean {
    return this.get(doc) !== undefined;
  }

  *keys(): MapIterator<number> {
    if (this.map) return yield* this.map.keys();
    for (let k = 0, j = this.start; k < this.n; k++, j += 2) {
      this.cursor = j;
      yield this.flat[j];
    }
  }

  set(doc: number, freq: number): this {
    this.materialize().set(doc, freq);
    return this;
  }

  delete(doc: number): boolean {
    return this.materialize().delete(doc);
  }

  clear(): void {
    this.materialize().clear();
  }

  entries(): MapIterator<[number, number]> {
    return this.materialize().entries();
  }

  values(): MapIterator<number> {
    return this.materialize().values();
  }

  forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    this.materialize().forEach(callback, thisArg);
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /** Binary search: postings are sorted by document. */
  private find(doc: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.start + 2 * mid;
      if (this.flat[at] === doc) return at;
      if (this.flat[at] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private materialize(): Map<number, number> {
    if (!this.map) {
      this.map = new Map();
      for (let k = 0, j = this.start; k < this.n; k++, j += 2) this.map.set(this.flat[j], this.flat[j + 1]);
    }
    return this.map;
  }
}
