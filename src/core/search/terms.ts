/**
 * The inverted index under SearchIndex: segments of packed postings (segment.ts) plus the one being
 * filled, searched together with one ranking. It scores as MiniSearch 7 did (BM25+ with its
 * parameters, field boosts, prefix weights, AND/OR combination: the equivalence test holds it to
 * that), with statistics over every live document of every segment, so that a document ranks the
 * same whichever segment holds it.
 *
 * Its members named as MiniSearch's (executeQuery, _documentIds, _index, addAll, discardAll) are
 * the ones SearchIndex reads: it held a MiniSearch before, whose maps of maps took 430 MB for the
 * news corpus and seconds per thousand documents to fill.
 */
import { documentAt, fieldPostings, findTerm, lowerBound, mergeSegments, SegmentBuilder, startsWith, termAt, termCount, type Segment } from './segment';
import { partitionPoint } from '../partition';

/** A query tree, as MiniSearch takes it: a term, or queries combined. */
export type Query = string | { queries: Query[]; combineWith?: 'AND' | 'OR' | 'and' | 'or'; prefix?: boolean };

/** The raw matches of a query by document id (MiniSearch's shape). */
export type RawMatches = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

export interface TermIndexOptions<T> {
  fields: readonly string[];
  /** Field boosts; 1 for a field not named. */
  boost: Readonly<Record<string, number>>;
  /** The terms of a field's text, with repeats. */
  tokenize(text: string): string[];
  /** A document's id and field texts. */
  extract(document: T): { id: number; fields: readonly string[] };
  /** Called with each segment packed from what addAll added. */
  sealed?(segment: Segment): void;
}

/** MiniSearch's defaults: BM25+ parameters and the weight of a prefix match. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
/** A segment filling up is packed at this many documents. */
const SEGMENT_DOCUMENTS = 8192;
/** Bits of the filters of terms and of their beginnings (1 MB each): see mightHold. */
const FILTER_BITS = 1 << 23;

/** FNV-1a over UTF-16 code units, one unit at a time. */
const FNV_START = 0x811c9dc5;
const fnv = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193) >>> 0;
function hashOf(text: string): number {
  let h = FNV_START;
  for (let i = 0; i < text.length; i++) h = fnv(h, text.charCodeAt(i));
  return h;
}
const isSet = (bits: Uint32Array, hash: number): boolean => (bits[(hash % FILTER_BITS) >>> 5] & (1 << (hash & 31))) !== 0;
function set(bits: Uint32Array, hash: number): void {
  bits[(hash % FILTER_BITS) >>> 5] |= 1 << (hash & 31);
}

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
}

/** A term's postings in one field across segments, as the map MiniSearch gave (see candidates in index.ts). */
export class PostingsView {
  constructor(private readonly parts: Array<{ segment: Segment; data: Int32Array; at: number; n: number }>) {}

  get size(): number {
    return this.parts.reduce((n, p) => n + p.n, 0);
  }

  get(id: number): number | undefined {
    // The parts follow their segments, whose ids ascend one after the other (see segment.ts): the
    // one that may hold id is the last that starts at or before it. Looking through them in turn
    // made probing a common word cost as many steps as there are segments.
    const { parts } = this;
    const part = partitionPoint(parts.length, (i) => parts[i].data[parts[i].at] <= id);
    if (part === 0) return undefined;
    const { data, at, n } = parts[part - 1];
    const k = partitionPoint(n, (i) => data[at + 2 * i] < id);
    return k < n && data[at + 2 * k] === id ? data[at + 2 * k + 1] : undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  *keys(): IterableIterator<number> {
    for (const { data, at, n } of this.parts) for (let j = 0; j < n; j++) yield data[at + 2 * j];
  }
}

export class TermIndex<T> {
  private readonly segments: Segment[] = [];
  private live: SegmentBuilder;
  /** 1 for a live document, by id. */
  private alive = new Uint8Array(1024);
  private count = 0;
  private readonly totals: Float64Array;
  private readonly boosts: number[];
  private longestTerm = 0;
  /**
   * Every term ever packed, and every beginning of one, as bits of their hashes: most strings a
   * query cut asks about (vocabularyCut.ts) are neither, and are answered without a lookup in
   * each segment.
   */
  private readonly termBits = new Uint32Array(FILTER_BITS / 32);
  private readonly prefixBits = new Uint32Array(FILTER_BITS / 32);

  constructor(private readonly options: TermIndexOptions<T>) {
    this.live = new SegmentBuilder(options.fields.length);
    this.totals = new Float64Array(options.fields.length);
    this.boosts = options.fields.map((f) => options.boost[f] || 1);
  }

  /** Number of live documents. */
  get documentCount(): number {
    return this.count;
  }

  /** Length of the longest term (for cutting queries, see vocabularyCut.ts). */
  get longest(): number {
    this.seal();
    return this.longestTerm;
  }

  /** The packed segments (after packing what was added since the last time), oldest first. */
  packed(): readonly Segment[] {
    this.seal();
    return this.segments;
  }

  /**
   * Packs what addAll added since the last time into a segment (an empty one when nothing was
   * and `always`), and returns it.
   */
  seal(always = false): Segment | undefined {
    if (!this.live.documents && !always) return undefined;
    const segment = this.live.build();
    this.live = new SegmentBuilder(this.options.fields.length);
    this.segments.push(segment);
    this.noteTerms(segment);
    this.options.sealed?.(segment);
    return segment;
  }

  /** Indexes documents (in ascending id order, after every document already indexed). */
  addAll(documents: readonly T[]): void {
    for (const document of documents) {
      const { id, fields } = this.options.extract(document);
      this.live.add(id, fields.map((text) => this.options.tokenize(text)));
      this.enliven(id);
    }
    if (this.live.documents >= SEGMENT_DOCUMENTS) this.seal();
  }

  /**
   * Adds a segment built elsewhere (another thread, the cache) after the others: of its documents,
   * those in `live` are searched (the others were removed or replaced meanwhile).
   */
  attach(segment: Segment, live: ReadonlySet<number>): void {
    this.seal();
    this.segments.push(segment);
    this.noteTerms(segment);
    for (const id of segment.ids) if (live.has(id)) this.enliven(id);
  }

  /** Removes documents from the results and the statistics; their postings go at the next merge. */
  discardAll(ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!this.isAlive(id)) continue;
      this.alive[id] = 0;
      this.count--;
      const lengths = this.lengthsOf(id);
      for (let f = 0; f < this.totals.length; f++) this.totals[f] -= lengths[f];
    }
  }

  /** Merges consecutive segments into one of their live documents, in their place. */
  merge(segments: readonly Segment[]): Segment {
    const from = this.segments.indexOf(segments[0]);
    if (from < 0 || segments.some((s, i) => this.segments[from + i] !== s)) throw new Error('search: merging segments that do not follow each other');
    const merged = mergeSegments(segments, (id) => this.isAlive(id));
    this.segments.splice(from, segments.length, merged);
    return merged;
  }

  /** Removes a segment and its documents. */
  drop(segment: Segment): void {
    this.discardAll(segment.ids);
    this.segments.splice(this.segments.indexOf(segment), 1);
  }

  /** Live documents and all documents of a segment (to decide on merging). */
  liveShare(segment: Segment): number {
    let n = 0;
    for (const id of segment.ids) n += this.alive[id];
    return segment.ids.length ? n / segment.ids.length : 1;
  }

  isAlive(id: number): boolean {
    return id < this.alive.length && this.alive[id] === 1;
  }

  /** How many documents hold the term (in any field; a document holding it twice counts twice). */
  countOf(term: string): number {
    this.seal();
    if (!isSet(this.termBits, hashOf(term))) return 0;
    let n = 0;
    for (const segment of this.segments) {
      const t = findTerm(segment, term);
      if (t < 0) continue;
      for (let f = 0; f < this.options.fields.length; f++) n += fieldPostings(segment, t, f)?.n ?? 0;
    }
    return n;
  }

  /** Whether some term starts with `prefix` and is longer. */
  starts(prefix: string): boolean {
    this.seal();
    if (!isSet(this.prefixBits, hashOf(prefix))) return false;
    return this.segments.some((s) => {
      const t = lowerBound(s, prefix);
      const next = t < termCount(s) && findTerm(s, prefix) === t ? t + 1 : t;
      return next < termCount(s) && startsWith(s, next, prefix);
    });
  }

  has(term: string): boolean {
    this.seal();
    if (!isSet(this.termBits, hashOf(term))) return false;
    return this.segments.some((s) => findTerm(s, term) >= 0);
  }

  /** MiniSearch's name for the live documents: short id → id (they are the same here). */
  readonly _documentIds = {
    get: (id: number): number | undefined => (this.isAlive(id) ? id : undefined),
    has: (id: number): boolean => this.isAlive(id),
  };

  /** MiniSearch's name for its term tree: a term's postings by field. */
  readonly _index = {
    get: (term: string): Map<number, PostingsView> | undefined => {
      this.seal();
      const byField = new Map<number, PostingsView>();
      for (let f = 0; f < this.options.fields.length; f++) {
        const parts = [];
        for (const segment of this.segments) {
          const t = findTerm(segment, term);
          const p = t < 0 ? undefined : fieldPostings(segment, t, f);
          if (p && p.n > 0) parts.push({ segment, ...p });
        }
        if (parts.length) byField.set(f, new PostingsView(parts));
      }
      return byField.size ? byField : undefined;
    },
  };

  /**
   * The documents matching a query tree with their scores, the query terms each matched and
   * which index terms in which fields (MiniSearch's executeQuery). `boostDocument` 0 skips a
   * document before it is scored.
   */
  executeQuery(query: Query, options: { boostDocument?: (id: number, term: string) => number } = {}): RawMatches {
    this.seal();
    return this.run(query, { prefix: false, combineWith: 'or', boostDocument: options.boostDocument });
  }

  private run(query: Query, inherited: Inherited): RawMatches {
    if (typeof query === 'string') return query ? this.term(query, inherited) : new Map();
    const options: Inherited = {
      prefix: query.prefix ?? inherited.prefix,
      combineWith: query.combineWith ?? inherited.combineWith,
      boostDocument: inherited.boostDocument,
    };
    const results = query.queries.map((q) => this.run(q, options));
    if (results.length === 0) return new Map();
    const and = options.combineWith.toLowerCase() === 'and';
    return results.reduce(and ? intersect : unite);
  }

  /** One query term: the term itself, then (as a prefix) the longer terms it starts, weighted down. */
  private term(term: string, options: Inherited): RawMatches {
    const results: RawMatches = new Map();
    const exact = this.segments.map((s) => findTerm(s, term));
    this.score(term, term, 1, exact, options.boostDocument, results);
    if (!options.prefix) return results;
    const derived = new Map<string, number[]>();
    this.segments.forEach((segment, i) => {
      for (let t = lowerBound(segment, term); t < termCount(segment) && startsWith(segment, t, term); t++) {
        const found = termAt(segment, t);
        if (found.length === term.length) continue;
        let at = derived.get(found);
        if (!at) derived.set(found, (at = this.segments.map(() => -1)));
        at[i] = t;
      }
    });
    for (const found of [...derived.keys()].sort()) {
      const distance = found.length - term.length;
      const weight = (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance);
      this.score(term, found, weight, derived.get(found)!, options.boostDocument, results);
    }
    return results;
  }

  /** Adds the scores of one index term (at `at`: its number in each segment, or -1) to results. */
  private score(
    source: string,
    term: string,
    weight: number,
    at: readonly number[],
    boostDocument: Inherited['boostDocument'],
    results: RawMatches,
  ): void {
    const { fields } = this.options;
    for (let f = 0; f < fields.length; f++) {
      const parts: Array<{ segment: Segment; data: Int32Array; at: number; n: number }> = [];
      let matching = 0;
      this.segments.forEach((segment, i) => {
        const p = at[i] < 0 ? undefined : fieldPostings(segment, at[i], f);
        if (!p) return;
        parts.push({ segment, ...p });
        for (let j = p.at; j < p.at + 2 * p.n; j += 2) matching += this.alive[p.data[j]];
      });
      if (matching === 0) continue;
      const average = this.totals[f] / this.count;
      const field = fields[f];
      for (const { segment, data, at: start, n } of parts) {
        let d = 0;
        for (let j = start; j < start + 2 * n; j += 2) {
          const id = data[j];
          if (this.alive[id] !== 1) continue;
          const boost = boostDocument ? boostDocument(id, term) : 1;
          if (!boost) continue;
          d = documentAt(segment, id, d);
          if (d < 0) {
            d = 0;
            continue;
          }
          const length = segment.lengths[d * segment.fields + f];
          const score = weight * this.boosts[f] * boost * bm25(data[j + 1], matching, this.count, length, average);
          const result = results.get(id);
          if (!result) {
            results.set(id, { score, terms: [source], match: { [term]: [field] } });
            continue;
          }
          result.score += score;
          if (!result.terms.includes(source)) result.terms.push(source);
          (result.match[term] ??= []).push(field);
        }
      }
    }
  }

  private noteTerms(segment: Segment): void {
    const { text, starts } = segment;
    for (let t = 0; t < termCount(segment); t++) {
      const end = starts[t + 1];
      this.longestTerm = Math.max(this.longestTerm, end - starts[t]);
      let h = FNV_START;
      for (let i = starts[t]; i < end; i++) {
        if (i > starts[t]) set(this.prefixBits, h);
        h = fnv(h, text.charCodeAt(i));
      }
      set(this.termBits, h);
    }
  }

  private enliven(id: number): void {
    if (id >= this.alive.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.alive.length * 2));
      grown.set(this.alive);
      this.alive = grown;
    }
    if (this.alive[id]) return;
    this.alive[id] = 1;
    this.count++;
    const lengths = this.lengthsOf(id);
    for (let f = 0; f < this.totals.length; f++) this.totals[f] += lengths[f];
  }

  /** A document's field lengths, from its segment or the one filling up. */
  private lengthsOf(id: number): ArrayLike<number> {
    const fields = this.options.fields.length;
    const live = this.live.lengthsOf(id);
    if (live) return live;
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const segment = this.segments[i];
      if (!segment.ids.length || id < segment.ids[0]) continue;
      const d = documentAt(segment, id);
      if (d >= 0) return segment.lengths.subarray(d * fields, (d + 1) * fields);
    }
    return new Array<number>(fields).fill(0);
  }
}

interface Inherited {
  prefix: boolean;
  combineWith: string;
  boostDocument?: (id: number, term: string) => number;
}

/** MiniSearch's OR: every document of either, scores added. */
function unite(a: RawMatches, b: RawMatches): RawMatches {
  for (const [id, other] of b) {
    const existing = a.get(id);
    if (!existing) {
      a.set(id, other);
      continue;
    }
    existing.score += other.score;
    existing.match = Object.assign(existing.match, other.match);
    for (const term of other.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
  }
  return a;
}

/** MiniSearch's AND: the documents of both, in b's order, scores added. */
function intersect(a: RawMatches, b: RawMatches): RawMatches {
  const combined: RawMatches = new Map();
  for (const [id, other] of b) {
    const existing = a.get(id);
    if (!existing) continue;
    for (const term of other.terms) if (!existing.terms.includes(term)) existing.terms.push(term);
    combined.set(id, { score: existing.score + other.score, terms: existing.terms, match: Object.assign(existing.match, other.match) });
  }
  return combined;
}
