import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { SegmentBuilder } from '../../../src/core/search/segment';
import type { Query, RawMatches } from '../../../src/core/search/matches';
import type { Postings } from '../../../src/core/search/postings';
import { TermIndex } from '../../../src/core/search/terms';

/**
 * The index scores as MiniSearch 7 did, whichever segments hold the documents: the same documents
 * in MiniSearch and in a TermIndex of several segments give the same matches, scores, terms and
 * matched fields for the query shapes SearchIndex builds.
 */
const FIELDS = ['title', 'section', 'text', 'metric', 'subject'] as const;
const BOOST = { metric: 3, title: 2, section: 1.5, subject: 1.5, text: 1 };
type Doc = { id: number } & Record<(typeof FIELDS)[number], string>;

/** A deterministic corpus over a small vocabulary (so that terms share prefixes and documents). */
function corpus(n: number, seed = 7): Doc[] {
  let state = seed;
  const random = (k: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state >>> 12) % k;
  };
  const words = ['经济', '经济增长', '增长', '增长率', '发展', '发展中', '国家', '国家安全', '安全', '犯罪', '未成年人', '下降', '20.3%', '20.3', '综治中心', '综治'];
  const text = (max: number): string => Array.from({ length: random(max + 1) }, () => words[random(words.length)]).join(' ');
  return Array.from({ length: n }, (_, id) => ({ id, title: text(2), section: text(2), text: text(12), metric: text(2), subject: text(1) }));
}

const tokenize = (text: string): string[] => text.split(' ').filter(Boolean);

function miniSearch(docs: Doc[]): MiniSearch<Doc> {
  const m = new MiniSearch<Doc>({ fields: [...FIELDS], storeFields: [], tokenize, processTerm: (t) => t, searchOptions: { tokenize: (t) => [t], processTerm: (t) => t, boost: BOOST } });
  m.addAll(docs);
  return m;
}

/** A TermIndex holding the documents in segments of `size` built apart (as another thread does) plus some added here. */
function termIndex(docs: Doc[], size: number): TermIndex<Doc> {
  const index = new TermIndex<Doc>({ fields: FIELDS, boost: BOOST, tokenize, extract: (d) => ({ id: d.id, fields: FIELDS.map((f) => d[f]) }) });
  const apart = docs.slice(0, docs.length - size);
  for (let i = 0; i < apart.length; i += size) {
    const builder = new SegmentBuilder(FIELDS.length);
    for (const d of apart.slice(i, i + size)) builder.add(d.id, FIELDS.map((f) => tokenize(d[f])));
    const segment = builder.build();
    index.attach(segment, () => true);
  }
  index.addAll(docs.slice(apart.length));
  return index;
}

type Internals = { executeQuery(q: Query, o: { boostDocument?: (id: number) => number }): RawMatches; _documentIds: Map<number, number> };

/** A term's postings in a field as (id, frequency) pairs, in order. */
function pairsOf({ segments, parts }: Postings): number[][] {
  const pairs: number[][] = [];
  for (let k = 0; k < parts.length; k += 3) {
    const data = segments[parts[k]].postings;
    for (let j = 0; j < parts[k + 2]; j++) pairs.push([data[parts[k + 1] + 2 * j], data[parts[k + 1] + 2 * j + 1]]);
  }
  return pairs;
}

/** All the matches of a query, as MiniSearch's executeQuery gave them. */
function executeQuery(index: TermIndex<Doc>, query: Query, keep?: (id: number) => boolean): RawMatches {
  const matches = index.matches(query, { keep });
  return matches.details(matches.ids.keys());
}

/** MiniSearch's raw matches keyed by document id (it keys them by its own short ids). */
function expected(m: MiniSearch<Doc>, query: Query, boostDocument?: (id: number) => number): RawMatches {
  const internals = m as unknown as Internals;
  const raw = internals.executeQuery(query, { boostDocument });
  return new Map([...raw].map(([short, r]) => [internals._documentIds.get(short)!, r]));
}

function same(actual: RawMatches, wanted: RawMatches): void {
  expect([...actual.keys()].sort((a, b) => a - b)).toEqual([...wanted.keys()].sort((a, b) => a - b));
  for (const [id, w] of wanted) {
    const a = actual.get(id)!;
    expect(a.score).toBeCloseTo(w.score, 9);
    expect([...a.terms].sort()).toEqual([...w.terms].sort());
    expect(Object.fromEntries(Object.entries(a.match).map(([t, f]) => [t, [...f].sort()]))).toEqual(
      Object.fromEntries(Object.entries(w.match).map(([t, f]) => [t, [...(f as string[])].sort()])),
    );
  }
}

const QUERIES: Query[] = [
  { combineWith: 'AND', queries: [{ queries: ['经济'], prefix: false }] },
  { combineWith: 'AND', queries: [{ queries: ['经济'], prefix: false }, { queries: ['增长'], prefix: true }] },
  { combineWith: 'AND', queries: [{ queries: ['国家'], prefix: false }, { queries: ['安全'], prefix: false }, { queries: ['发'], prefix: true }] },
  { combineWith: 'OR', queries: [{ queries: ['犯罪'], prefix: false }, { queries: ['未成年人'], prefix: false }] },
  // A word or all of its parts (SearchIndex's termQuery with parts).
  {
    combineWith: 'AND',
    queries: [
      { combineWith: 'OR', queries: [{ queries: ['综治中心'], prefix: false }, { combineWith: 'AND', queries: ['综治', '中心'], prefix: false }] },
      { queries: ['20.3'], prefix: true },
    ],
  },
  { combineWith: 'AND', queries: [{ queries: ['不在'], prefix: false }, { queries: ['经济'], prefix: false }] },
];

describe('TermIndex', () => {
  const docs = corpus(600);
  const m = miniSearch(docs);

  it.each([1000, 97, 13])('scores as MiniSearch with segments of %i documents', (size) => {
    const index = termIndex(docs, size);
    for (const query of QUERIES) same(executeQuery(index, query), expected(m, query));
  });

  it('skips the documents a condition refuses, as MiniSearch does those boostDocument refuses', () => {
    const index = termIndex(docs, 50);
    const even = (id: number): number => (id % 2 === 0 ? 1 : 0);
    for (const query of QUERIES) same(executeQuery(index, query, (id) => even(id) === 1), expected(m, query, even));
  });

  it('forgets discarded documents and scores the rest as a clean MiniSearch, also once merged', async () => {
    const index = termIndex(docs, 40);
    const gone = docs.filter((d) => d.id % 3 === 0).map((d) => d.id);
    index.discardAll(gone);
    const clean = miniSearch(docs);
    clean.discardAll(gone);
    await clean.vacuum();
    for (const query of QUERIES) same(executeQuery(index, query), expected(clean, query));
    index.merge(index.packed());
    expect(index.packed()).toHaveLength(1);
    for (const query of QUERIES) same(executeQuery(index, query), expected(clean, query));
    expect(index.documentCount).toBe(docs.length - gone.length);
  });

  it('answers what candidates and the query cut ask: postings by field, counts, known terms', () => {
    const index = termIndex(docs, 64);
    const internals = m as unknown as { _index: { get(t: string): Map<number, Map<number, number>> }; _documentIds: Map<number, number> };
    for (const term of ['经济', '综治中心', '20.3%']) {
      const wanted = internals._index.get(term);
      const actual = index.postings(term);
      expect(actual.flatMap((postings, field) => (postings.size ? [field] : []))).toEqual([...wanted.keys()].sort());
      for (const [field, freqs] of wanted) {
        const pairs = pairsOf(actual[field]);
        const ids = [...freqs].map(([short, freq]) => [internals._documentIds.get(short)!, freq]);
        expect(pairs).toEqual(ids.sort((a, b) => a[0] - b[0]));
      }
    }
    expect(index.postings('不在').every((postings) => postings.size === 0)).toBe(true);
    expect(index.has('经济增长')).toBe(true);
    expect(index.has('经济增')).toBe(false);
    expect(index.countOf('经济')).toBe([...internals._index.get('经济').values()].reduce((n, f) => n + f.size, 0));
  });

  it('looks terms up afresh when its segments change (added, merged, dropped)', () => {
    const index = termIndex(docs.slice(0, 300), 50);
    const wanted = (from: Doc[]): number => from.reduce((n, d) => n + FIELDS.filter((f) => tokenize(d[f]).includes('经济')).length, 0);
    expect(index.countOf('经济')).toBe(wanted(docs.slice(0, 300)));
    expect(index.postings('综治中心').some((postings) => postings.size > 0)).toBe(true);
    index.addAll(docs.slice(300));
    expect(index.countOf('经济')).toBe(wanted(docs));
    index.discardAll(docs.slice(0, 100).map((d) => d.id));
    index.merge(index.packed());
    expect(index.countOf('经济')).toBe(wanted(docs.slice(100)));
    index.drop(index.packed()[0]);
    expect(index.countOf('经济')).toBe(0);
    expect(index.has('经济')).toBe(false);
    expect(index.postings('综治中心').every((postings) => postings.size === 0 && postings.parts.length === 0)).toBe(true);
  });

  it('knows each term it holds and each beginning of one, in whichever segment (its filters never say no wrongly)', () => {
    const index = termIndex(docs, 16);
    const terms = [...new Set(docs.flatMap((d) => FIELDS.flatMap((f) => tokenize(d[f]))))];
    for (const term of terms) {
      expect(index.has(term), term).toBe(true);
      expect(index.countOf(term), term).toBeGreaterThan(0);
      for (let i = 1; i < term.length; i++) expect(index.starts(term.slice(0, i)), term.slice(0, i)).toBe(true);
    }
    expect(index.starts('经济增长')).toBe(false);
    expect(index.starts('国家安全')).toBe(false);
    expect(index.countOf('增长经济')).toBe(0);
    expect(index.has('未成年')).toBe(false);
  });
});
