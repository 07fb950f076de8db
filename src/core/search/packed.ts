/**
 * A compact saved form of a MiniSearch index. MiniSearch's own (toJSON / loadJS) keeps every
 * posting as an object key and rebuilds its maps key by key through strings: on the news corpus
 * that took seconds per 100 files. Here every number lives in one Int32Array, which the cache
 * writes and reads as raw bytes, and loading builds as little as a search needs:
 * - the term tree is built in one pass over the sorted terms (MiniSearch's set() scans a node's
 *   children one by one, and the root of a Chinese index has thousands: 1.7 s for 120,000 terms);
 * - a term's postings become maps only when a search first reads them (LazyMap): most terms
 *   never are, and creating millions of map entries was most of a warm start.
 *
 * This reads and writes MiniSearch's internal fields, so it is tied to MiniSearch 7 (the version
 * in package.json); the round-trip is covered by the index and cache tests.
 */
import MiniSearch, { type Options } from 'minisearch';

export interface PackedMiniSearch {
  packing: 2;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** Number of documents in data. */
  documents: number;
  /** Sorted (by UTF-16 code units, as the term tree is built). */
  terms: string[];
  /**
   * [shortId, id, length of field 0, …, length of field F-1] per document, then per term in the
   * order of terms: [number of fields, fieldId, n, doc, freq × n, fieldId, n, …].
   */
  data: Int32Array;
}

type Postings = Map<number, Map<number, number>>;

/** MiniSearch 7's internal state, as loadJS and toJSON use it. */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, ArrayLike<number>>;
  _index: Iterable<[string, Postings]> & { constructor: new (tree: Map<string, unknown>) => unknown };
}

const internals = (miniSearch: MiniSearch<never> | MiniSearch<unknown>): Internals => miniSearch as unknown as Internals;

export function packMiniSearch<T>(miniSearch: MiniSearch<T>): PackedMiniSearch {
  const m = internals(miniSearch as MiniSearch<unknown>);
  const fields = Object.keys(m._fieldIds).length;
  const entries = [...m._index].sort(([a], [b]) => (a < b ? -1 : 1));
  // Sized first and filled in place: a JS array of ten million numbers on the way would double the
  // memory a save needs.
  let size = m._documentIds.size * (2 + fields);
  for (const [, postings] of entries) {
    size++;
    for (const freqs of postings.values()) size += 2 + 2 * freqs.size;
  }
  const data = new Int32Array(size);
  let at = 0;
  for (const [shortId, id] of m._documentIds) {
    const lengths = m._fieldLength.get(shortId) ?? [];
    data[at++] = shortId;
    data[at++] = id as number;
    for (let f = 0; f < fields; f++) data[at++] = lengths[f] ?? 0;
  }
  for (const [, postings] of entries) {
    data[at++] = postings.size;
    for (const [fieldId, freqs] of postings) {
      data[at++] = fieldId;
      data[at++] = freqs.size;
      for (const [doc, freq] of freqs) {
        data[at++] = doc;
        data[at++] = freq;
      }
    }
  }
  return {
    packing: 2,
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    documents: m._documentIds.size,
    terms: entries.map(([term]) => term),
    data,
  };
}

/** Throws when the packed form does not hold together (a corrupt cache). */
export function unpackMiniSearch<T>(packed: PackedMiniSearch, options: Options<T>): MiniSearch<T> {
  if (packed.packing !== 2) throw new Error(`search: index packing ${String(packed.packing)} is not known`);
  const { data, terms } = packed;
  const isCount = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;
  const fieldIds = typeof packed.fieldIds === 'object' && packed.fieldIds !== null ? Object.values(packed.fieldIds) : [];
  const fields = fieldIds.length;
  // A saved form read back from disk: the shape is checked before the loops below trust it.
  if (
    !(data instanceof Int32Array) ||
    !fieldIds.every(isCount) ||
    !Array.isArray(packed.averageFieldLength) ||
    !packed.averageFieldLength.every((n) => typeof n === 'number') ||
    ![packed.documentCount, packed.nextId, packed.dirtCount, packed.documents].every(isCount) ||
    packed.documents * (2 + fields) > data.length ||
    !Array.isArray(terms) ||
    !terms.every((t) => typeof t === 'string')
  ) {
    throw new Error('search: the packed index is not one');
  }
  const miniSearch = new MiniSearch<T>(options);
  const m = internals(miniSearch as MiniSearch<unknown>);
  m._documentCount = packed.documentCount;
  m._nextId = packed.nextId;
  m._dirtCount = packed.dirtCount;
  m._fieldIds = packed.fieldIds;
  m._avgFieldLength = packed.averageFieldLength;
  let at = 0;
  for (let d = 0; d < packed.documents; d++, at += 2 + fields) {
    m._documentIds.set(data[at], data[at + 1]);
    m._idToShortId.set(data[at + 1], data[at]);
    // A view, not a copy: MiniSearch reads and updates lengths in place.
    m._fieldLength.set(data[at], data.subarray(at + 2, at + 2 + fields));
  }
  const values: LazyMap<number, Map<number, number>>[] = [];
  for (let t = 0; t < terms.length; t++) {
    const start = at;
    at++;
    // Each round moves on by at least 2 and stops at the end: a damaged count cannot spin.
    for (let f = 0; f < data[start] && at < data.length && data[at + 1] >= 0; f++) at += 2 + 2 * data[at + 1];
    values.push(new LazyMap(() => termPostings(data, start)));
  }
  // Reading past the end gives NaN, which fails this too.
  if (at !== data.length) throw new Error('search: index postings do not match its terms');
  m._index = new m._index.constructor(termTree(terms, values, 0, terms.length, 0)) as Internals['_index'];
  return miniSearch;
}

/** One term's postings, field by field, from data at start. */
function termPostings(data: Int32Array, start: number): Postings {
  const postings: Postings = new Map();
  let at = start + 1;
  for (let f = 0; f < data[start]; f++) {
    const n = data[at + 1];
    const docs = new Map<number, number>();
    for (let j = at + 2; j < at + 2 + 2 * n; j += 2) docs.set(data[j], data[j + 1]);
    postings.set(data[at], docs);
    at += 2 + 2 * n;
  }
  return postings;
}

/**
 * MiniSearch's term tree (a radix tree of nested maps; '' keys hold values) for sorted terms
 * [lo, hi) that share their first depth characters: children by next character, each edge the
 * longest prefix its terms share.
 */
function termTree(terms: string[], values: unknown[], lo: number, hi: number, depth: number): Map<string, unknown> {
  const node = new Map<string, unknown>();
  let i = lo;
  // Sorted: the term that ends here, if any, comes first.
  if (i < hi && terms[i].length === depth) node.set('', values[i++]);
  while (i < hi) {
    const next = terms[i][depth];
    let j = i + 1;
    while (j < hi && terms[j][depth] === next) j++;
    const first = terms[i];
    const last = terms[j - 1];
    let end = depth + 1;
    while (end < first.length && end < last.length && first[end] === last[end]) end++;
    node.set(first.slice(depth, end), termTree(terms, values, i, j, end));
    i = j;
  }
  return node;
}

/**
 * A Map built on first use. Most of an index's terms are never searched for, so they stay as a
 * closure over the packed data.
 */
class LazyMap<K, V> implements Map<K, V> {
  private map?: Map<K, V>;

  constructor(private readonly build: () => Map<K, V>) {}

  get size(): number {
    return this.materialize().size;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get(key: K): V | undefined {
    return this.materialize().get(key);
  }

  has(key: K): boolean {
    return this.materialize().has(key);
  }

  set(key: K, value: V): this {
    this.materialize().set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.materialize().delete(key);
  }

  clear(): void {
    this.materialize().clear();
  }

  keys(): MapIterator<K> {
    return this.materialize().keys();
  }

  values(): MapIterator<V> {
    return this.materialize().values();
  }

  entries(): MapIterator<[K, V]> {
    return this.materialize().entries();
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.materialize().forEach(callback, thisArg);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  private materialize(): Map<K, V> {
    this.map ??= this.build();
    return this.map;
  }
}
