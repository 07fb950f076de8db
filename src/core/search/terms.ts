/**
 * The inverted index under SearchIndex: segments of packed postings (segment.ts) plus the one being
 * filled, searched together with one ranking. It scores as MiniSearch 7 did (BM25+ with its
 * parameters, field boosts, prefix weights, AND/OR combination: see matches.ts, and the
 * equivalence test holds it to that), with statistics over every live document of every segment,
 * so that a document ranks the same whichever segment holds it. It held a MiniSearch before, whose
 * maps of maps took 430 MB for the news corpus and seconds per thousand documents to fill.
 */
import { matchesOf, type Domain, type Matches, type Query, type Scoring } from './matches';
import { grown } from '../grown';
import type { Postings } from './postings';
import { documentAt, eachField, findTerm, lowerBound, mergeSegments, postingCount, SegmentBuilder, startsWith, termAt, termCount, type Segment } from './segment';

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

/** MiniSearch's weight of a prefix match. */
const PREFIX_WEIGHT = 0.375;
/** A segment filling up is packed at this many documents. */
const SEGMENT_DOCUMENTS = 8192;
/** Terms whose numbers in the segments are remembered (see numbers): about 1 KB each at 200 segments. */
const LOOKED_UP = 2048;
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

export class TermIndex<T> {
  private readonly segments: Segment[] = [];
  private live: SegmentBuilder;
  /** 1 for a live document, by id. */
  private alive = new Uint8Array(1024);
  private count = 0;
  private readonly totals: Float64Array;
  /** Slots by document id while a query is scored (see matches.ts): all 0 between queries. */
  private slots = new Int32Array(0);
  private member = new Int32Array(0);
  private seen = new Int32Array(0);
  /** Terms' numbers in the segments, by term (see numbers). */
  private readonly lookedUp = new Map<string, Int32Array>();
  /** Whether all of a segment's documents are live, as far as asked since the last change of which are. */
  private allLive?: WeakMap<Segment, boolean>;
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
    this.lookedUp.clear();
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
   * those `live` says are searched (the others were removed or replaced meanwhile).
   */
  attach(segment: Segment, live: (id: number) => boolean): void {
    this.seal();
    this.segments.push(segment);
    this.lookedUp.clear();
    this.noteTerms(segment);
    const { ids, lengths, fields } = segment;
    for (let d = 0; d < ids.length; d++) {
      if (!live(ids[d]) || !this.markAlive(ids[d])) continue;
      for (let f = 0; f < fields; f++) this.totals[f] += lengths[d * fields + f];
    }
  }

  /** Removes documents from the results and the statistics; their postings go at the next merge. */
  discardAll(ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!this.isAlive(id)) continue;
      this.alive[id] = 0;
      this.allLive = undefined;
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
    this.lookedUp.clear();
    return merged;
  }

  /** Removes a segment and its documents. */
  drop(segment: Segment): void {
    this.discardAll(segment.ids);
    this.segments.splice(this.segments.indexOf(segment), 1);
    this.lookedUp.clear();
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
    const at = this.numbers(term);
    let n = 0;
    this.segments.forEach((segment, i) => {
      if (at[i] >= 0) n += postingCount(segment, at[i]);
    });
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
    return this.numbers(term).some((t) => t >= 0);
  }

  /** A term's postings by field (none for a field without it): see candidates.ts. */
  postings(term: string): Postings[] {
    this.seal();
    if (!isSet(this.termBits, hashOf(term))) return this.postingsAt([]);
    return this.postingsAt(this.numbers(term));
  }

  /**
   * A term's number in each segment (-1: not there). Remembered until the segments change: the
   * query cut, the candidates and the scoring each look a word up, and each keystroke of a query
   * looks up its words again, in every segment (two hundred of them at ten times the news corpus).
   */
  private numbers(term: string): Int32Array {
    let at = this.lookedUp.get(term);
    if (at) return at;
    at = Int32Array.from(this.segments, (segment) => findTerm(segment, term));
    if (this.lookedUp.size >= LOOKED_UP) this.lookedUp.clear();
    this.lookedUp.set(term, at);
    return at;
  }

  /** The matches of a query tree among the documents of the domain (see matches.ts). */
  matches(query: Query, domain: Domain = {}): Matches {
    this.seal();
    if (this.slots.length < this.alive.length) {
      this.slots = new Int32Array(this.alive.length);
      this.member = new Int32Array((this.alive.length >>> 5) + 1);
      this.seen = new Int32Array(this.member.length);
    }
    const { fields } = this.options;
    const allLive = (this.allLive ??= new WeakMap());
    return matchesOf(
      {
        fields,
        boosts: this.boosts,
        alive: this.alive,
        count: this.count,
        totals: this.totals,
        slots: this.slots,
        member: this.member,
        seen: this.seen,
        segments: this.segments,
        expand: (term, prefix) => this.expand(term, prefix),
        allLive: (segment) => allLive.get(segment) ?? allLive.set(segment, this.liveShare(segment) === 1).get(segment)!,
      },
      query,
      domain,
    );
  }

  /** The index terms a query term matches: itself then, as a prefix, the longer terms it starts, weighted down. */
  private expand(term: string, prefix: boolean): ReturnType<Scoring['expand']> {
    const found: Array<{ term: string; weight: number; at: ArrayLike<number> }> = [{ term, weight: 1, at: isSet(this.termBits, hashOf(term)) ? this.numbers(term) : [] }];
    const derived = new Map<string, number[]>();
    if (prefix) this.segments.forEach((segment, i) => {
      for (let t = lowerBound(segment, term); t < termCount(segment) && startsWith(segment, t, term); t++) {
        const longer = termAt(segment, t);
        if (longer.length === term.length) continue;
        let at = derived.get(longer);
        if (!at) derived.set(longer, (at = this.segments.map(() => -1)));
        at[i] = t;
      }
    });
    for (const longer of [...derived.keys()].sort()) {
      const distance = longer.length - term.length;
      found.push({ term: longer, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance), at: derived.get(longer)! });
    }
    return found.map(({ at, ...rest }) => ({ ...rest, postings: this.postingsAt(at) }));
  }

  /** A term's postings by field, from its number in each segment (-1: not there). */
  private postingsAt(at: ArrayLike<number>): Postings[] {
    const { segments } = this;
    const fields = this.options.fields.length;
    // Two walks over the term's blocks, counting then filling: one array per field, no object per part.
    const counts = new Int32Array(fields);
    const sizes = new Int32Array(fields);
    let i = 0;
    const tally = (field: number, _start: number, n: number): void => {
      counts[field] += 3;
      sizes[field] += n;
    };
    for (i = 0; i < at.length; i++) if (at[i] >= 0) eachField(segments[i], at[i], tally);
    const parts = Array.from(counts, (n) => new Int32Array(n));
    const filled = new Int32Array(fields);
    const put = (field: number, start: number, n: number): void => {
      const p = parts[field];
      p[filled[field]++] = i;
      p[filled[field]++] = start;
      p[filled[field]++] = n;
    };
    for (i = 0; i < at.length; i++) if (at[i] >= 0) eachField(segments[i], at[i], put);
    return parts.map((p, field) => ({ segments, parts: p, size: sizes[field] }));
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
    if (!this.markAlive(id)) return;
    const lengths = this.lengthsOf(id);
    for (let f = 0; f < this.totals.length; f++) this.totals[f] += lengths[f];
  }

  /** Marks a document live; false when it was. */
  private markAlive(id: number): boolean {
    if (id >= this.alive.length) this.alive = grown(this.alive, id + 1);
    if (this.alive[id]) return false;
    this.alive[id] = 1;
    this.allLive = undefined;
    this.count++;
    return true;
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
