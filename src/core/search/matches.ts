/**
 * The matches of a query tree, scored as MiniSearch 7 scored them: BM25+ per index term and field,
 * the longer terms a prefix starts weighted down, AND and OR combining the scores of their parts.
 * Every score is the same sum of the same products in the same order as MiniSearch's (and the
 * matches come in its order), so that rankings and ties are its own. But the documents that can
 * match get numbers ("slots") and their scores live in typed arrays: MiniSearch kept a map of
 * objects per matched document and query term, and a common word of a large corpus matches
 * hundreds of thousands of documents of which a search shows fifty. Which query and index terms a
 * match holds is made only for the matches asked for (details), from a log of what scored.
 */
import { gallop, type Part } from './postings';
import type { Segment } from './segment';

/** A query tree, as MiniSearch takes it: a term, or queries combined. */
export type Query = string | { queries: Query[]; combineWith?: 'AND' | 'OR' | 'and' | 'or'; prefix?: boolean };

/** Matches by document id as MiniSearch gave them: score, the query terms and the index terms by field matched. */
export type RawMatches = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

/** What scoring reads of the index (terms.ts). */
export interface Scoring {
  readonly fields: readonly string[];
  readonly boosts: readonly number[];
  /** 1 for a live document, by id. */
  readonly alive: Uint8Array;
  /** Number of live documents. */
  readonly count: number;
  /** Sum of the live documents' lengths, by field. */
  readonly totals: Float64Array;
  /**
   * The index terms a query term matches, in the order they are scored: itself, then (as a
   * prefix) the longer terms it starts, sorted; with their weights and postings by field.
   */
  expand(term: string, prefix: boolean): Array<{ term: string; weight: number; postings: Part[][] }>;
  /** The segments, in the order of their ids. */
  readonly segments: readonly Segment[];
  /** Whether every document of a segment is live (its postings then need no walk to be counted). */
  allLive(segment: Segment): boolean;
  /** Scratch by document id, all 0 and left so, as long as alive: slots, and bits by id (see Slots). */
  readonly slots: Int32Array;
  readonly member: Int32Array;
  readonly seen: Int32Array;
}

/** Which documents may match: only those of `within` (ascending), and only those `keep` takes (asked once each). */
export interface Domain {
  within?: Int32Array;
  keep?: (id: number) => boolean;
}

/** The matches of a query, in MiniSearch's order of its results. */
export interface Matches {
  readonly ids: Int32Array;
  /** Score × number of query terms matched: MiniSearch's ranking. */
  readonly weights: Float64Array;
  /** The matches at these places of ids as MiniSearch gave them, in its order. */
  details(places: Iterable<number>): RawMatches;
}

/** MiniSearch's defaults: BM25+ parameters. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** BM25+'s inverse document frequency: of a term `matching` of `total` documents hold. */
const idfOf = (matching: number, total: number): number => Math.log(1 + (total - matching + 0.5) / (matching + 0.5));

function bm25(idf: number, termFreq: number, fieldLength: number, avgFieldLength: number): number {
  return idf * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
}

/** An index term's postings in a field that some live document has. */
interface List {
  term: number;
  field: number;
  weight: number;
  parts: Part[];
  /** Live documents in the list. */
  matching: number;
}

/** A query term, with what it scored (slot, index term × fields + field, score), for details. */
interface Leaf {
  source: string;
  bit: number;
  terms: string[];
  lists: List[];
  log: Log;
}

type Plan = { none: true } | { leaf: Leaf } | { and: boolean; children: Plan[] };

/** A node's matches: their slots in order, and by slot whether matched, score, and query terms (bits). */
interface Scores {
  n: number;
  order: Int32Array;
  matched: Uint8Array;
  score: Float64Array;
  sources: Uint32Array;
}

/** The matches of a query tree among the documents of the domain. */
export function matchesOf(index: Scoring, query: Query, domain: Domain = {}): Matches {
  const bits = new Map<string, number>();
  const plan = planOf(index, query, { prefix: false, and: false }, bits);
  const words = Math.max(1, Math.ceil(bits.size / 32));
  const slots = new Slots(index, domain.keep, domain.within?.length ?? 0);
  try {
    if (domain.within) slots.takeAll(domain.within);
    count(plan, index, domain.within ? undefined : slots);
    const final = scores(plan, index, slots, words);
    const order = final.order.subarray(0, final.n);
    const ids = new Int32Array(order.length);
    const weights = new Float64Array(order.length);
    order.forEach((slot, i) => {
      ids[i] = slots.ids[slot];
      weights[i] = final.score[slot] * termsIn(final.sources, slot, words);
    });
    return {
      ids,
      weights,
      details: (places) => {
        const chosen = new Uint8Array(slots.size);
        for (const place of places) chosen[order[place]] = 1;
        return detailsOf(plan, index.fields, slots.ids, chosen);
      },
    };
  } finally {
    slots.clear();
  }
}

/**
 * The documents that may match, numbered: by slot their id and place in their segment (where
 * their field lengths are); in the index's scratch arrays by id, a bit for those offered (taken
 * or refused), a bit and the slot for those taken: read for each posting. Cleared after the query.
 */
class Slots {
  size = 0;
  ids: Int32Array;
  places: Int32Array;
  /** The documents offered, taken or not (to clear the scratch arrays of). */
  private offeredIds = new Int32Array(64);
  private offers = 0;

  constructor(
    private readonly index: Scoring,
    private readonly keep: Domain['keep'],
    room: number,
  ) {
    this.ids = new Int32Array(Math.max(room, 64));
    this.places = new Int32Array(this.ids.length);
  }

  /** Offers a live document (once): its slot (its place is to be set), or -1 when `keep` refuses it. */
  take(id: number): number {
    const { slots, member, seen } = this.index;
    if (this.offers === this.offeredIds.length) this.offeredIds = grown(this.offeredIds);
    this.offeredIds[this.offers++] = id;
    seen[id >> 5] |= 1 << (id & 31);
    if (this.keep && !this.keep(id)) return -1;
    if (this.size === this.ids.length) {
      this.ids = grown(this.ids);
      this.places = grown(this.places);
    }
    this.ids[this.size++] = id;
    slots[id] = this.size;
    member[id >> 5] |= 1 << (id & 31);
    return this.size - 1;
  }

  /** Whether a document was offered. */
  offered(id: number): boolean {
    return ((this.index.seen[id >> 5] >> (id & 31)) & 1) === 1;
  }

  /** Offers the live ones of these ids (ascending), finding each one's place in the segments (in id order). */
  takeAll(within: Int32Array): void {
    const { segments, alive } = this.index;
    let s = 0;
    let d = 0;
    for (let i = 0; i < within.length; i++) {
      const id = within[i];
      if (alive[id] !== 1 || this.offered(id)) continue;
      const slot = this.take(id);
      if (slot < 0) continue;
      while (s < segments.length && !(segments[s].ids.length && segments[s].ids[segments[s].ids.length - 1] >= id)) {
        s++;
        d = 0;
      }
      const ids = s < segments.length ? segments[s].ids : new Int32Array(0);
      this.places[slot] = d = gallop(ids, 0, 1, d, ids.length, id);
    }
  }

  clear(): void {
    const { slots, member, seen } = this.index;
    for (let i = 0; i < this.offers; i++) {
      const id = this.offeredIds[i];
      slots[id] = 0;
      member[id >> 5] = 0;
      seen[id >> 5] = 0;
    }
  }
}

/** The array with twice the room, holding what it held. */
function grown<A extends Int32Array | Float64Array>(a: A): A {
  const bigger = new (a.constructor as new (n: number) => A)(2 * a.length);
  bigger.set(a);
  return bigger;
}

/** The plan of a query tree: its index terms' postings, looked up once. */
function planOf(index: Scoring, query: Query, inherited: { prefix: boolean; and: boolean }, bits: Map<string, number>): Plan {
  if (typeof query === 'string') {
    if (!query) return { none: true };
    if (!bits.has(query)) bits.set(query, bits.size);
    const expanded = index.expand(query, inherited.prefix);
    const lists: List[] = [];
    expanded.forEach(({ weight, postings }, term) => {
      postings.forEach((parts, field) => {
        if (parts.length) lists.push({ term, field, weight, parts, matching: 0 });
      });
    });
    return { leaf: { source: query, bit: bits.get(query)!, terms: expanded.map((e) => e.term), lists, log: new Log() } };
  }
  const options = { prefix: query.prefix ?? inherited.prefix, and: (query.combineWith ?? (inherited.and ? 'and' : 'or')).toLowerCase() === 'and' };
  if (query.queries.length === 0) return { none: true };
  return { and: options.and, children: query.queries.map((q) => planOf(index, q, options, bits)) };
}

/**
 * Counts each list's live documents (what idf needs) and, given slots, offers them each live
 * document: a walk over the postings only where some are not live, or when there are slots to fill.
 */
function count(plan: Plan, index: Scoring, slots: Slots | undefined): void {
  if ('none' in plan) return;
  if ('and' in plan) {
    for (const child of plan.children) count(child, index, slots);
    return;
  }
  const { alive } = index;
  for (const list of plan.leaf.lists) {
    let matching = 0;
    for (const { segment, data, at, n } of list.parts) {
      if (!slots && index.allLive(segment)) {
        matching += n;
        continue;
      }
      const { ids } = segment;
      let d = 0;
      for (let j = at; j < at + 2 * n; j += 2) {
        const id = data[j];
        const live = alive[id];
        matching += live;
        if (live !== 1 || !slots || slots.offered(id)) continue;
        const slot = slots.take(id);
        if (slot >= 0) slots.places[slot] = d = gallop(ids, 0, 1, d, ids.length, id);
      }
    }
    list.matching = matching;
  }
}

function emptyScores(size: number, words: number): Scores {
  return { n: 0, order: new Int32Array(size), matched: new Uint8Array(size), score: new Float64Array(size), sources: new Uint32Array(size * words) };
}

/** A plan's matches: MiniSearch's executeQuery on slots. */
function scores(plan: Plan, index: Scoring, slots: Slots, words: number): Scores {
  if ('none' in plan) return emptyScores(slots.size, words);
  if ('leaf' in plan) return leafScores(plan.leaf, index, slots, words);
  const [first, ...rest] = plan.children;
  const combined = scores(first, index, slots, words);
  for (const child of rest) (plan.and ? intersectScores : uniteScores)(combined, scores(child, index, slots, words), words);
  return combined;
}

/** One query term: each index term's postings in each field, in order, scored per slot. */
function leafScores(leaf: Leaf, index: Scoring, slots: Slots, words: number): Scores {
  const out = emptyScores(slots.size, words);
  const { fields, boosts, count, totals, member } = index;
  const { order, matched, score, sources } = out;
  const { places } = slots;
  const slotOf = index.slots;
  const word = leaf.bit >>> 5;
  const bit = 1 << (leaf.bit & 31);
  const log = leaf.log;
  for (const { term, field, weight, parts, matching } of leaf.lists) {
    if (matching === 0) continue;
    const average = totals[field] / count;
    const idf = idfOf(matching, count);
    const pair = term * fields.length + field;
    const boost = weight * boosts[field];
    for (const { segment, data, at, n } of parts) {
      const { ids, lengths } = segment;
      for (let j = at; j < at + 2 * n; j += 2) {
        const id = data[j];
        if (((member[id >> 5] >> (id & 31)) & 1) === 0) continue;
        const slot = slotOf[id] - 1;
        let d = places[slot];
        if (ids[d] !== id) {
          // A document the segment does not list (a damaged one): not scored, as MiniSearch never saw it.
          d = gallop(ids, 0, 1, 0, ids.length, id);
          if (ids[d] !== id) continue;
        }
        const s = boost * bm25(idf, data[j + 1], lengths[d * segment.fields + field], average);
        if (matched[slot]) score[slot] += s;
        else {
          matched[slot] = 1;
          score[slot] = s;
          order[out.n++] = slot;
          sources[slot * words + word] |= bit;
        }
        log.add(slot, pair, s);
      }
    }
  }
  return out;
}

/** MiniSearch's AND into a: the slots of both, in b's order, scores added (a's first). */
function intersectScores(a: Scores, b: Scores, words: number): void {
  for (let i = 0; i < a.n; i++) if (!b.matched[a.order[i]]) a.matched[a.order[i]] = 0;
  let n = 0;
  for (let i = 0; i < b.n; i++) {
    const slot = b.order[i];
    if (!a.matched[slot]) continue;
    a.score[slot] += b.score[slot];
    for (let w = 0; w < words; w++) a.sources[slot * words + w] |= b.sources[slot * words + w];
    a.order[n++] = slot;
  }
  a.n = n;
}

/** MiniSearch's OR into a: a's slots, then b's others in b's order; scores added (a's first). */
function uniteScores(a: Scores, b: Scores, words: number): void {
  for (let i = 0; i < b.n; i++) {
    const slot = b.order[i];
    const matched = a.matched[slot] === 1;
    if (matched) a.score[slot] += b.score[slot];
    else {
      a.matched[slot] = 1;
      a.score[slot] = b.score[slot];
      a.order[a.n++] = slot;
    }
    // A slot a does not match may hold the terms of a part of a that did not match as a whole.
    for (let w = 0; w < words; w++) a.sources[slot * words + w] = (matched ? a.sources[slot * words + w] : 0) | b.sources[slot * words + w];
  }
}

/** How many query terms a slot matched. */
function termsIn(sources: Uint32Array, slot: number, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) {
    let x = sources[slot * words + w];
    for (; x; x &= x - 1) n++;
  }
  return n;
}

/** The chosen slots' matches as MiniSearch made them (its executeQuery, on what the leaves logged). */
function detailsOf(plan: Plan, fields: readonly string[], ids: Int32Array, chosen: Uint8Array): RawMatches {
  if ('none' in plan) return new Map();
  if ('and' in plan) return plan.children.map((child) => detailsOf(child, fields, ids, chosen)).reduce(plan.and ? intersect : unite);
  const { source, terms, log } = plan.leaf;
  const results: RawMatches = new Map();
  for (let i = 0; i < log.size; i++) {
    const slot = log.slots[i];
    if (!chosen[slot]) continue;
    const term = terms[Math.floor(log.pairs[i] / fields.length)];
    const field = fields[log.pairs[i] % fields.length];
    const result = results.get(ids[slot]);
    if (!result) {
      results.set(ids[slot], { score: log.scores[i], terms: [source], match: { [term]: [field] } });
      continue;
    }
    result.score += log.scores[i];
    if (!result.terms.includes(source)) result.terms.push(source);
    (result.match[term] ??= []).push(field);
  }
  return results;
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

/** What a leaf scored, in order: slot, index term × fields + field, score. */
class Log {
  size = 0;
  slots = new Int32Array(256);
  pairs = new Int32Array(256);
  scores = new Float64Array(256);

  add(slot: number, pair: number, score: number): void {
    if (this.size === this.slots.length) {
      this.slots = grown(this.slots);
      this.pairs = grown(this.pairs);
      this.scores = grown(this.scores);
    }
    this.slots[this.size] = slot;
    this.pairs[this.size] = pair;
    this.scores[this.size++] = score;
  }
}
