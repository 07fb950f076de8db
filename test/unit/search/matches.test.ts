import { describe, expect, it } from 'vitest';
import { best, bestAccepted } from '../../../src/core/search/best';
import { candidatesOf } from '../../../src/core/search/candidates';
import type { Matches, Query, RawMatches } from '../../../src/core/search/matches';
import { SegmentBuilder } from '../../../src/core/search/segment';
import { TermIndex } from '../../../src/core/search/terms';
import { Oracle, type OracleDoc } from './scoringOracle';

/**
 * The typed-array scoring (matches.ts) against the scoring it replaced (scoringOracle.ts), on
 * random corpora in several segments with removed documents and many ties (documents repeated
 * word for word, as a corpus of yearly reports repeats its boilerplate): the same matches in the
 * same order with bit-identical scores and the same query and index terms, for the query shapes
 * SearchIndex builds (AND of words with the last as a prefix, a word or its parts, OR), with and
 * without candidates and conditions; and the best k as the old ranking chose them.
 */
const FIELDS = ['title', 'section', 'text', 'metric', 'subject'] as const;
const BOOSTS = [2, 1.5, 1, 3, 1.5];
const VOCABULARY = ['经济', '经济增长', '增长', '增长率', '增', '发展', '发展中', '国家', '国家安全', '安全', '综治', '中心', '综治中心', '20', '20.3', '20.3%', '2022', '下降', '犯罪'];

function random(seed: number): (k: number) => number {
  let state = seed;
  return (k) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % k;
  };
}

/** Documents from ids 0…n-1 (with gaps): every fourth one a copy of an earlier one. */
function corpus(n: number, pick: (k: number) => number): OracleDoc[] {
  const docs: OracleDoc[] = [];
  let id = 0;
  for (let i = 0; i < n; i++) {
    id += 1 + pick(3);
    if (docs.length && pick(4) === 0) {
      docs.push({ id, fields: docs[pick(docs.length)].fields });
      continue;
    }
    const words = (max: number): string[] => Array.from({ length: pick(max + 1) }, () => VOCABULARY[pick(VOCABULARY.length)]);
    docs.push({ id, fields: [words(2), words(2), words(10), words(2), words(1)] });
  }
  return docs;
}

/** The documents in segments built apart, then some added here; some of every segment removed. */
function indexOf(docs: OracleDoc[], size: number, pick: (k: number) => number): { index: TermIndex<OracleDoc>; alive: Set<number> } {
  const index = new TermIndex<OracleDoc>({ fields: FIELDS, boost: { title: 2, section: 1.5, text: 1, metric: 3, subject: 1.5 }, tokenize: (t) => t.split(' ').filter(Boolean), extract: (d) => ({ id: d.id, fields: d.fields.map((f) => f.join(' ')) }) });
  const apart = docs.slice(0, docs.length - size);
  for (let i = 0; i < apart.length; i += size) {
    const builder = new SegmentBuilder(FIELDS.length);
    for (const d of apart.slice(i, i + size)) builder.add(d.id, d.fields);
    const segment = builder.build();
    index.attach(segment, () => true);
  }
  index.addAll(docs.slice(apart.length));
  const removed = docs.filter(() => pick(6) === 0).map((d) => d.id);
  index.discardAll(removed);
  return { index, alive: new Set(docs.map((d) => d.id).filter((id) => !removed.includes(id))) };
}

/** A query SearchIndex could build: words (the last one maybe a prefix), each maybe with its parts, AND or OR. */
function queryOf(pick: (k: number) => number): { query: Query; words: Array<{ term: string; parts: string[] }>; and: boolean } {
  const terms = [...new Set(Array.from({ length: 1 + pick(3) }, () => (pick(12) === 0 ? '不在' : VOCABULARY[pick(VOCABULARY.length)])))];
  const typing = pick(2) === 0;
  const parts = pick(3) === 0;
  const and = pick(4) !== 0;
  const partsOf = (term: string): string[] => (parts && term === '综治中心' ? ['综治', '中心'] : parts && term === '经济增长' ? ['经济', '增长'] : []);
  const queries = terms.map((term, i): Query => {
    const exact: Query = { queries: [term], prefix: typing && i === terms.length - 1 };
    const sub = partsOf(term);
    return sub.length ? { combineWith: 'OR', queries: [exact, { combineWith: 'AND', queries: sub, prefix: false }] } : exact;
  });
  const words = terms.filter((_, i) => !(typing && i === terms.length - 1)).map((term) => ({ term, parts: partsOf(term) }));
  // Now and then a tree of another shape: an AND within an OR, first.
  if (pick(5) === 0) return { query: { combineWith: 'OR', queries: [{ combineWith: 'AND', queries: ['经济', '增长'] }, ...queries] }, words: [], and: false };
  return { query: { combineWith: and ? 'AND' : 'OR', queries }, words, and };
}

/** Matches as plain rows, in order, with the order of their index terms. */
const rows = (raw: RawMatches): unknown[] => [...raw].map(([id, r]) => [id, r.score, r.terms, Object.keys(r.match), Object.values(r.match)]);

/** The oracle's matches as Matches (MiniSearch's ranking weights, its order). */
function asMatches(raw: RawMatches): Matches {
  const entries = [...raw];
  return {
    ids: Int32Array.from(entries.map(([id]) => id)),
    weights: Float64Array.from(entries.map(([, r]) => r.score * (r.terms.length || 1))),
    details: (places) => new Map([...places].map((i) => entries[i])),
  };
}

describe('matches: the typed-array scoring against the scoring it replaced', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives the same matches, order, scores and terms (corpus %i)', (seed) => {
    const pick = random(seed);
    const docs = corpus(300 + pick(300), pick);
    const { index, alive } = indexOf(docs, 16 + pick(80), pick);
    const oracle = new Oracle(docs, FIELDS, BOOSTS, (id) => alive.has(id));
    for (let q = 0; q < 40; q++) {
      const { query, words, and } = queryOf(pick);
      const narrow = pick(3) === 0 ? ((m: number) => (id: number) => id % m !== 0)(2 + pick(4)) : undefined;
      const candidates = and && words.length > 1 && pick(3) !== 0 ? candidatesOf(index, words) : undefined;
      if (candidates) expect([...candidates]).toEqual(oracle.candidates(words));
      const within = candidates && new Set(candidates);
      const raw = oracle.raw(query, (id) => (!within || within.has(id)) && (!narrow || narrow(id)));
      const matches = index.matches(query, { within: candidates, keep: narrow });
      expect([...matches.ids]).toEqual([...raw.keys()]);
      expect([...matches.weights]).toEqual([...raw.values()].map((r) => r.score * r.terms.length));
      expect(rows(matches.details(matches.ids.keys()))).toEqual(rows(raw));
      // The best k, ties included, as the old ranking chose them (it ran on the old matches).
      const k = 1 + pick(12);
      expect(best(matches, k)).toEqual(best(asMatches(raw), k));
      const accept = (id: number): boolean => id % 3 !== 1;
      expect(bestAccepted(matches, accept, k)).toEqual(bestAccepted(asMatches(raw), accept, k));
    }
  });

  it('ranks equal scores in the order the matches came (the first wins, as MiniSearch kept them)', () => {
    const pick = random(11);
    const docs = corpus(400, pick);
    const { index } = indexOf(docs, 64, pick);
    const matches = index.matches({ combineWith: 'AND', queries: [{ queries: ['发展'], prefix: false }] });
    const ties = new Set(matches.weights).size < matches.weights.length;
    expect(ties).toBe(true);
    const places = [...matches.ids.keys()].sort((a, b) => matches.weights[b] - matches.weights[a] || a - b);
    // Every k, so that some cut through a run of equal scores.
    const cut = places.findIndex((place, i) => i > 0 && matches.weights[place] === matches.weights[places[i - 1]]);
    expect(cut).toBeGreaterThan(0);
    for (let k = 1; k <= Math.min(60, places.length); k++) {
      expect(best(matches, k).map((r) => r.id)).toEqual(places.slice(0, k).map((i) => matches.ids[i]));
    }
  });

  it('finds no candidates when a word is not held, and none when no word is complete', () => {
    const pick = random(5);
    const docs = corpus(200, pick);
    const { index } = indexOf(docs, 32, pick);
    expect([...candidatesOf(index, [{ term: '经济', parts: [] }, { term: '不在', parts: [] }])!]).toEqual([]);
    expect(candidatesOf(index, [])).toBeUndefined();
    expect(index.matches('').ids).toHaveLength(0);
    expect(index.matches({ queries: [] }).ids).toHaveLength(0);
  });

  it('leaves the index ready for the next query when a condition throws', () => {
    const pick = random(9);
    const docs = corpus(200, pick);
    const { index } = indexOf(docs, 32, pick);
    const query: Query = { combineWith: 'AND', queries: [{ queries: ['经济'] }] };
    const all = index.matches(query);
    expect(() =>
      index.matches(query, {
        keep: () => {
          throw new Error('condition failed');
        },
      }),
    ).toThrow('condition failed');
    const again = index.matches(query);
    expect([...again.ids]).toEqual([...all.ids]);
    expect([...again.weights]).toEqual([...all.weights]);
  });
});
