/**
 * Snippets: a short excerpt of a passage or sentence around its first matched term, with every
 * matched term in it marked, and where that first match stands in the source.
 */
import type { SourceRange } from '../model';

/** Characters of context in a snippet, and how many of them come before the first match. */
const SNIPPET_LENGTH = 120;
const LEAD = 24;
const ELLIPSIS = '…';

export interface Snippet {
  text: string;
  /** [start, end) of matched terms inside text. */
  highlights: Array<[number, number]>;
  /** The first matched term in the source text, if any term occurs literally. */
  match?: SourceRange;
}

/**
 * @param text the file's text
 * @param ranges the pieces of the passage (a page break splits a paragraph into several)
 * @param terms matched index terms (folded)
 * @param fold the tokenizer's folding, so ＧＤＰ in the text matches the term gdp
 */
export function makeSnippet(
  text: string,
  ranges: readonly SourceRange[],
  terms: readonly string[],
  fold: (s: string) => string,
): Snippet {
  const pieces = ranges.map((r) => text.slice(r.start, r.end));
  const whole = pieces.join('');
  const { folded, origin } = foldWithOffsets(whole, fold);
  const found = occurrences(folded, terms).map(([s, e]): [number, number] => [origin(s), origin(e)]);

  const first = found[0];
  let start = first ? Math.max(0, first[0] - LEAD) : 0;
  const end = Math.min(whole.length, start + SNIPPET_LENGTH);
  start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < whole.length ? ELLIPSIS : '';
  const shift = before.length - start;
  return {
    // Line breaks become spaces one for one, so highlight offsets stay right.
    text: before + whole.slice(start, end).replace(/[\r\n\t]/g, ' ') + after,
    highlights: found
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s + shift, e + shift]),
    ...(first ? { match: { start: toSource(ranges, first[0]), end: toSource(ranges, first[1] - 1) + 1 } } : {}),
  };
}

/** The folded text and a map from its offsets back to the original's. */
function foldWithOffsets(text: string, fold: (s: string) => string): { folded: string; origin: (i: number) => number } {
  const folded = fold(text);
  // Folding nearly always keeps the length (full-width → half-width is one to one).
  if (folded.length === text.length) return { folded, origin: (i) => i };
  let out = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    out += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded: out, origin: (j) => map[j] };
}

/** Non-overlapping occurrences of the terms, longer terms first, in text order. */
function occurrences(text: string, terms: readonly string[]): Array<[number, number]> {
  const taken: Array<[number, number]> = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    for (let at = text.indexOf(term); at !== -1 && taken.length < 200; at = text.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (!taken.some(([s, e]) => at < e && end > s)) taken.push([at, end]);
    }
  }
  return taken.sort((a, b) => a[0] - b[0]);
}

/** Offset in the joined passage → offset in the file. */
function toSource(ranges: readonly SourceRange[], offset: number): number {
  let rest = offset;
  for (const r of ranges) {
    const length = r.end - r.start;
    if (rest < length) return r.start + rest;
    rest -= length;
  }
  const last = ranges[ranges.length - 1];
  return last ? last.end : 0;
}
