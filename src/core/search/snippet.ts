/**
 * Snippets: a short excerpt of a passage or sentence around its best match — the place where the
 * most of the matched terms stand together — with every matched term in it marked, and where that
 * best match stands in the source (what a result opens at, in the editor and on the command line).
 */
import type { SourceRange } from '../model';

/** Characters of context in a snippet, and how many of them come before the best match. */
const SNIPPET_LENGTH = 120;
const LEAD = 24;
const ELLIPSIS = '…';

export interface Snippet {
  text: string;
  /** [start, end) of matched terms inside text. */
  highlights: Array<[number, number]>;
  /**
   * The best match in the source text, if any term occurs literally: from its first matched term
   * to its last (across a page break when the passage runs over one).
   */
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
  const inFolded = occurrences(folded, terms);
  const found = inFolded.map(([s, e]): [number, number] => [origin(s), origin(e)]);
  const best = bestWindow(inFolded.map(([s, e]) => wholeTerm(folded.slice(s, e), terms)), found);

  let start = best ? Math.max(0, best[0] - LEAD) : 0;
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
    ...(best ? { match: { start: toSource(ranges, best[0]), end: toSource(ranges, best[1] - 1) + 1 } } : {}),
  };
}

/** The longest term holding a term: a part (信访) counts as its whole (信访工作) in a best match. */
function wholeTerm(term: string, terms: readonly string[]): string {
  return terms.reduce((best, t) => (t.length > best.length && t.includes(term) ? t : best), term);
}

/** The longest a best match may be: about a snippet, so that it shows whole. */
const WINDOW = SNIPPET_LENGTH;

/**
 * [start, end) of the window holding the most different terms within WINDOW characters; of
 * those, the one where they cover the most text (a phrase over a part of it), then the shortest,
 * then the first. `keys` names the term of each occurrence.
 */
function bestWindow(keys: string[], found: Array<[number, number]>): [number, number] | undefined {
  let best: { distinct: number; covered: number; length: number; at: [number, number] } | undefined;
  for (let i = 0; i < found.length; i++) {
    const longest = new Map<string, number>();
    for (let j = i; j < found.length && found[j][1] - found[i][0] <= WINDOW; j++) {
      longest.set(keys[j], Math.max(longest.get(keys[j]) ?? 0, found[j][1] - found[j][0]));
      const distinct = longest.size;
      let covered = 0;
      for (const n of longest.values()) covered += n;
      const length = found[j][1] - found[i][0];
      const better =
        !best ||
        distinct > best.distinct ||
        (distinct === best.distinct && (covered > best.covered || (covered === best.covered && length < best.length)));
      if (better) best = { distinct, covered, length, at: [found[i][0], found[j][1]] };
    }
  }
  return best?.at ?? found[0];
}

/** Where the terms occur in a passage or sentence given as pieces: ranges of the file's text. */
export function termOccurrences(
  text: string,
  ranges: readonly SourceRange[],
  terms: readonly string[],
  fold: (s: string) => string,
): SourceRange[] {
  const { folded, origin } = foldWithOffsets(ranges.map((r) => text.slice(r.start, r.end)).join(''), fold);
  return occurrences(folded, terms).map(([s, e]) => ({ start: toSource(ranges, origin(s)), end: toSource(ranges, origin(e) - 1) + 1 }));
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
