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
import { gallop, type Postings } from './postings';
import type { Segment } from './segment';
import { Log, Slots, type SlotScratch } from './slots';

/** A query tree, as MiniSearch takes it: a term, or queries combined. */
export type Query = string | { queries: Query[]; combineWith?: 'AND' | 'OR' | 'and' | 'or'; prefix?: boolean };

/** Matches by document id as MiniSearch gave them: score, the query terms and the index terms by field matched. */
export type RawMatches = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

/** What scoring reads of the index (terms.ts). */
export interface Scoring extends SlotScratch {
  readonly fields: readonly string[];
  readonly boosts: readonly number[];
  /** Number of live documents. */
  readonly count: number;
  /** Sum of the live documents' lengths, by field. */
  readonly totals: Float64Array;
  /**
   * The index terms a query term matches, in the order they are scored: itself, then (as a
   * prefix) the longer terms it starts, sorted; with their weights and postings by field.
   */
  expand(term: string, prefix: boolean): Array<{ term: string; weight: number; postings: Postings[] }>;
  /** Whether every document of a segment is live (its postings then need no walk to be counted). */
  allLive(segment: Segment): boolean;
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

/** An index term's postings in a field that some live document has: its BM25+ figures once counted. */
interface List {
  /** Index term × fields + field: the order in which MiniSearch scored them. */
  pair: number;
  field: number;
  weight: number;
  postings: Postings;
  /** Live documents in the list. */
  matching: number;
  idf: number;
}

/**
 * A query term: its lists, and their parts segment by segment (`steps`: list and part numbers,
 * segment by segment from `bounds[segment]`, each segment's in the lists' order); with what it
 * scored (slot, pair, score), for details.
 */
interface Leaf {
  source: string;
  bit: number;
  terms: string[];
  lists: List[];
  steps: Int32Array;
  bounds: Int32Array;
  log: Log;
}

type Plan = { none: true } | { leaf: Leaf } | { and: boolean; children: Plan[] };

/** The matches of a query tree among the documents of the domain. */
export function matchesOf(index: Scoring, query: Query, domain: Domain = {}): Matches {
  const bits = new Map<string, number>();
  const plan = planOf(index, query, { prefix: false, and: false }, bits);
  const words = Math.max(1, Math.ceil(bits.size / 32));
  const slots = new Slots(index, domain.keep, domain.within?.length ?? 0);
  try {
    if (domain.within) slots.takeAll(domain.within);
    forEachLeaf(plan, (leaf) => {
      count(leaf, index);
      if (!domain.within) offer(leaf, index, slots);
    });
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
        const asked = [...places].sort((a, b) => a - b);
        const chosen = new Uint8Array(slots.size);
        for (const place of asked) chosen[order[place]] = 1;
        const raw = detailsOf(plan, index.fields, slots.ids, chosen);
        // In MiniSearch's order (the leaves logged segment by segment).
        return new Map(asked.map((place) => [ids[place], raw.get(ids[place])!]));
      },
    };
  } finally {
    slots.clear();
  }
}

/** The plan of a query tree: its index terms' postings, looked up once. */
function planOf(index: Scoring, query: Query, inherited: { prefix: boolean; and: boolean }, bits: Map<string, number>): Plan {
  if (typeof query === 'string') {
    if (!query) return { none: true };
    if (!bits.has(query)) bits.set(query, bits.size);
    const expanded = index.expand(query, inherited.prefix);
    const lists: List[] = [];
    expanded.forEach(({ weight, postings }, term) => {
      postings.forEach((field, f) => {
        if (field.size) lists.push({ pair: term * index.fields.length + f, field: f, weight, postings: field, matching: 0, idf: 0 });
      });
    });
    const { steps, bounds } = bySegment(lists, index.segments.length);
    const size = lists.reduce((n, list) => n + list.postings.size, 0);
    return { leaf: { source: query, bit: bits.get(query)!, terms: expanded.map((e) => e.term), lists, steps, bounds, log: new Log(size) } };
  }
  const options = { prefix: query.prefix ?? inherited.prefix, and: (query.combineWith ?? (inherited.and ? 'and' : 'or')).toLowerCase() === 'and' };
  if (query.queries.length === 0) return { none: true };
  return { and: options.and, children: query.queries.map((q) => planOf(index, q, options, bits)) };
}

/** The lists' parts segment by segment, each segment's in the lists' order (a counting sort by segment). */
function bySegment(lists: List[], segments: number): { steps: Int32Array; bounds: Int32Array } {
  const bounds = new Int32Array(segments + 1);
  for (const { postings } of lists) for (let k = 0; k < postings.parts.length; k += 3) bounds[postings.parts[k] + 1]++;
  for (let s = 0; s < segments; s++) bounds[s + 1] += bounds[s];
  const next = bounds.slice(0, segments);
  const steps = new Int32Array(2 * bounds[segments]);
  lists.forEach(({ postings }, i) => {
    for (let k = 0; k < postings.parts.length; k += 3) {
      const at = next[postings.parts[k]]++;
      steps[2 * at] = i;
      steps[2 * at + 1] = k;
    }
  });
  return { steps, bounds };
}

function forEachLeaf(plan: Plan, visit: (leaf: Leaf) => void): void {
  if ('leaf' in plan) visit(plan.leaf);
  else if ('and' in plan) for (const child of plan.children) forEachLeaf(child, visit);
}

/** Counts each list's live documents, what idf needs: a walk over its postings only where some are not live. */
function count(leaf: Leaf, index: Scoring): void {
  const { alive } = index;
  for (const list of leaf.lists) {
    const { segments, parts } = list.postings;
    let matching = 0;
    for (let k = 0; k < parts.length; k += 3) {
      const segment = segments[parts[k]];
      const end = parts[k + 1] + 2 * parts[k + 2];
      if (index.allLive(segment)) matching += parts[k + 2];
      else for (let j = parts[k + 1]; j < end; j += 2) matching += alive[segment.postings[j]];
    }
    list.matching = matching;
    list.idf = idfOf(matching, index.count);
  }
}

/**
 * Offers the slots each live document of the leaf's postings, segment by segment: the arrays by
 * id are then read within one segment's ids at a time, which stay in the processor's cache.
 */
function offer(leaf: Leaf, index: Scoring, slots: Slots): void {
  const { alive, segments } = index;
  const { lists, steps, bounds } = leaf;
  for (let g = 0; g < segments.length; g++) {
    if (bounds[g] === bounds[g + 1]) continue;
    const { ids, postings: data } = segments[g];
    const live = index.allLive(segments[g]);
    for (let e = bounds[g]; e < bounds[g + 1]; e++) {
      const { parts } = lists[steps[2 * e]].postings;
      const k = steps[2 * e + 1];
      const end = parts[k + 1] + 2 * parts[k + 2];
      let d = 0;
      for (let j = parts[k + 1]; j < end; j += 2) {
        const id = data[j];
        if (slots.offered(id) || (!live && alive[id] !== 1)) continue;
        const slot = slots.take(id);
        if (slot >= 0) slots.places[slot] = d = gallop(ids, 0, 1, d, ids.length, id);
      }
    }
  }
}

/** A node's matches: their slots in order, and by slot whether matched, score, and query terms (bits). */
interface Scores {
  n: number;
  order: Int32Array;
  matched: Uint8Array;
  score: Float64Array;
  sources: Uint32Array;
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
  for (const child of rest) {
    const other = scores(child, index, slots, words);
    combined.n = (plan.and ? intersected : united)(combined, other, words, combined.n, other.n);
  }
  return combined;
}

/**
 * One query term: each index term's postings in each field, scored per slot segment by segment
 * (see offer). A document is in one segment, so its scores still add up in MiniSearch's order
 * (index term by index term, field by field); the order MiniSearch met the documents in (by the
 * first index term and field each has, then by id) is made after.
 */
function leafScores(leaf: Leaf, index: Scoring, slots: Slots, words: number): Scores {
  const out = emptyScores(slots.size, words);
  // Slots as first met, and the pair each was first met in.
  const met = new Int32Array(slots.size);
  const firstPair = new Int32Array(slots.size);
  const n = scoreLeaf(leaf, index, slots, words, out, met, firstPair);
  inOrder(met, firstPair, n, leaf.terms.length * index.fields.length, out.order);
  out.n = n;
  return out;
}

/**
 * leafScores' walk: how many slots it met. Nothing follows its loops (what did would be run for
 * the first time once the loops, compiled while they ran, are done: V8 then drops the compiled
 * loops at each query).
 */
function scoreLeaf(leaf: Leaf, index: Scoring, slots: Slots, words: number, out: Scores, met: Int32Array, firstPair: Int32Array): number {
  const { boosts, count, totals, member, segments } = index;
  const { matched, score, sources } = out;
  const slotOf = index.slots;
  const word = leaf.bit >>> 5;
  const bit = 1 << (leaf.bit & 31);
  const { log, lists, steps, bounds } = leaf;
  let n = 0;
  for (let g = 0; g < segments.length; g++) {
    if (bounds[g] === bounds[g + 1]) continue;
    const { ids, lengths, postings: data, fields: stride } = segments[g];
    for (let e = bounds[g]; e < bounds[g + 1]; e++) {
      const { pair, field, weight, matching, idf, postings } = lists[steps[2 * e]];
      if (matching === 0) continue;
      const k = steps[2 * e + 1];
      const end = postings.parts[k + 1] + 2 * postings.parts[k + 2];
      const average = totals[field] / count;
      const boost = weight * boosts[field];
      for (let j = postings.parts[k + 1]; j < end; j += 2) {
        const id = data[j];
        if (((member[id >> 5] >> (id & 31)) & 1) === 0) continue;
        const slot = slotOf[id] - 1;
        let d = slots.places[slot];
        if (ids[d] !== id) {
          // A document the segment does not list (a damaged one): not scored, as MiniSearch never saw it.
          d = gallop(ids, 0, 1, 0, ids.length, id);
          if (ids[d] !== id) continue;
        }
        const s = boost * bm25(idf, data[j + 1], lengths[d * stride + field], average);
        if (matched[slot]) score[slot] += s;
        else {
          matched[slot] = 1;
          score[slot] = s;
          met[n] = slot;
          firstPair[n++] = pair;
          sources[slot * words + word] |= bit;
        }
        log.add(slot, pair, s);
      }
    }
  }
  return n;
}

/**
 * Slots met segment by segment in MiniSearch's order: by the pair each was first met in, then as
 * met (a counting sort, stable: within a pair, segment by segment and by id, as MiniSearch met them).
 */
function inOrder(met: Int32Array, firstPair: Int32Array, n: number, pairs: number, into: Int32Array): void {
  const starts = new Int32Array(pairs + 1);
  for (let i = 0; i < n; i++) starts[firstPair[i] + 1]++;
  for (let p = 0; p < pairs; p++) starts[p + 1] += starts[p];
  for (let i = 0; i < n; i++) into[starts[firstPair[i]]++] = met[i];
}

/**
 * MiniSearch's AND into a: the slots of both, in b's order, scores added (a's first); how many
 * (nothing after its loops, see scoreLeaf).
 */
function intersected(a: Scores, b: Scores, words: number, an: number, bn: number): number {
  for (let i = 0; i < an; i++) if (!b.matched[a.order[i]]) a.matched[a.order[i]] = 0;
  let n = 0;
  for (let i = 0; i < bn; i++) {
    const slot = b.order[i];
    if (!a.matched[slot]) continue;
    a.score[slot] += b.score[slot];
    for (let w = 0; w < words; w++) a.sources[slot * words + w] |= b.sources[slot * words + w];
    a.order[n++] = slot;
  }
  return n;
}

/**
 * MiniSearch's OR into a: a's slots, then b's others in b's order; scores added (a's first); how
 * many (nothing after its loop, see scoreLeaf).
 */
function united(a: Scores, b: Scores, words: number, an: number, bn: number): number {
  let n = an;
  for (let i = 0; i < bn; i++) {
    const slot = b.order[i];
    const matched = a.matched[slot] === 1;
    if (matched) a.score[slot] += b.score[slot];
    else {
      a.matched[slot] = 1;
      a.score[slot] = b.score[slot];
      a.order[n++] = slot;
    }
    // A slot a does not match may hold the terms of a part of a that did not match as a whole.
    for (let w = 0; w < words; w++) a.sources[slot * words + w] = (matched ? a.sources[slot * words + w] : 0) | b.sources[slot * words + w];
  }
  return n;
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

