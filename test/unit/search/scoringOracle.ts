/**
 * The scoring as it was before matches.ts, written plainly as a test oracle: every document of
 * every index term walked, a map of objects per match (MiniSearch 7's executeQuery, on our
 * segments' semantics: BM25+ over the live documents, prefix terms sorted by code units, fields in
 * order), and SearchIndex's AND candidates found by asking each document. matches.test.ts holds
 * the typed-array scoring to it bit for bit: same matches in the same order, same scores, same
 * query and index terms.
 */
import type { Query, RawMatches } from '../../../src/core/search/matches';

export interface OracleDoc {
  id: number;
  /** Terms of each field, with repeats. */
  fields: string[][];
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;

export class Oracle {
  private readonly docs: OracleDoc[];

  constructor(
    docs: readonly OracleDoc[],
    private readonly fieldNames: readonly string[],
    private readonly boosts: readonly number[],
    alive: (id: number) => boolean,
  ) {
    this.docs = docs.filter((d) => alive(d.id)).sort((a, b) => a.id - b.id);
  }

  /** The matches of a query tree among the documents `keep` takes (all when not given). */
  raw(query: Query, keep?: (id: number) => boolean): RawMatches {
    return this.run(query, false, false, keep);
  }

  /** The live documents that hold every word: itself in some field, or (given parts) every part. */
  candidates(words: Array<{ term: string; parts: string[] }>): number[] {
    const has = (doc: OracleDoc, term: string): boolean => doc.fields.some((terms) => terms.includes(term));
    return this.docs.filter((doc) => words.every((w) => has(doc, w.term) || (w.parts.length > 0 && w.parts.every((p) => has(doc, p))))).map((d) => d.id);
  }

  private run(query: Query, prefix: boolean, and: boolean, keep?: (id: number) => boolean): RawMatches {
    if (typeof query === 'string') return query ? this.term(query, prefix, keep) : new Map();
    const p = query.prefix ?? prefix;
    const a = query.combineWith ? query.combineWith.toLowerCase() === 'and' : and;
    const results = query.queries.map((q) => this.run(q, p, a, keep));
    if (results.length === 0) return new Map();
    return results.reduce((x, y) => (a ? intersect(x, y) : unite(x, y)));
  }

  private term(term: string, prefix: boolean, keep?: (id: number) => boolean): RawMatches {
    const results: RawMatches = new Map();
    const vocabulary = new Set(this.docs.flatMap((d) => d.fields.flat()));
    const derived = prefix ? [...vocabulary].filter((t) => t.startsWith(term) && t.length > term.length).sort() : [];
    const weighted = [{ found: term, weight: 1 }, ...derived.map((found) => ({ found, weight: (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * (found.length - term.length)) }))];
    const count = this.docs.length;
    for (const { found, weight } of weighted) {
      this.fieldNames.forEach((field, f) => {
        const holding = this.docs.filter((d) => d.fields[f].includes(found));
        if (holding.length === 0) return;
        const total = this.docs.reduce((n, d) => n + new Set(d.fields[f]).size, 0);
        const average = total / count;
        for (const doc of holding) {
          if (keep && !keep(doc.id)) continue;
          const frequency = doc.fields[f].filter((t) => t === found).length;
          const length = new Set(doc.fields[f]).size;
          const score = weight * this.boosts[f] * 1 * bm25(frequency, holding.length, count, length, average);
          const result = results.get(doc.id);
          if (!result) results.set(doc.id, { score, terms: [term], match: { [found]: [field] } });
          else {
            result.score += score;
            if (!result.terms.includes(term)) result.terms.push(term);
            (result.match[found] ??= []).push(field);
          }
        }
      });
    }
    return results;
  }
}

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
}

function unite(a: RawMatches, b: RawMatches): RawMatches {
  for (const [id, other] of b) {
    const existing = a.get(id);
    if (!existing) a.set(id, other);
    else {
      existing.score += other.score;
      existing.match = Object.assign(existing.match, other.match);
      for (const t of other.terms) if (!existing.terms.includes(t)) existing.terms.push(t);
    }
  }
  return a;
}

function intersect(a: RawMatches, b: RawMatches): RawMatches {
  const out: RawMatches = new Map();
  for (const [id, other] of b) {
    const existing = a.get(id);
    if (!existing) continue;
    for (const t of other.terms) if (!existing.terms.includes(t)) existing.terms.push(t);
    out.set(id, { score: existing.score + other.score, terms: existing.terms, match: Object.assign(existing.match, other.match) });
  }
  return out;
}
