/**
 * Query words cut against the index's own vocabulary, without jieba. The terms a query can match
 * are the terms the index holds, so the query is cut into those: the fewest known words, and of
 * cuts with as few, the most likely (each word as likely as the share of documents that hold it,
 * as jieba weighs its dictionary's words by their frequency). Fewest first: the index also holds
 * the single characters and parts of longer words (jieba's search mode), and the likelihood of
 * common characters alone would cut 碳中和 into 碳|中|和. Stop words count as known so that 我们 is
 * dropped whole, as jieba drops it. A run may end in the start of a known word (刑释 of 刑释人员):
 * while typing, that is the word being typed. A character no word covers stands alone (it
 * matches nothing, or, while typing, the words it starts).
 *
 * jieba's dictionary costs about 115 MB and 0.3 s (seconds on a busy machine) to load; a warm start,
 * a search and the CLI over a cached corpus then need neither.
 */
import { STOP_WORDS } from './stopWords';
import { queryTermsOf, type Tokenizer } from './tokenizer';

/** What the cut reads of the index: how many documents hold a term (0: none). */
export interface TermCounts {
  countOf(term: string): number;
  /** Whether some term starts with this (and is longer). */
  starts(prefix: string): boolean;
  /** Number of documents, for the words' likelihood. */
  readonly documentCount: number;
  /** Length (UTF-16 units) of the longest term worth looking up. */
  readonly longest: number;
}

/** The tokenizer with queries cut against the index's terms (indexing stays jieba's). */
export function vocabularyTokenizer(tokenizer: Tokenizer, counts: TermCounts): Tokenizer {
  return {
    ...tokenizer,
    queryTerms: (text) => {
      const remembered = remembering(counts);
      return queryTermsOf(text, (part) => cutByVocabulary(part, remembered));
    },
    subWords: (term) => subWordsByVocabulary(term, counts),
  };
}

/**
 * The counts, each asked of the index once: a pasted page asks about the same common characters
 * and words at thousands of places, and each asks every segment.
 */
function remembering(counts: TermCounts): TermCounts {
  const held = new Map<string, number>();
  const begun = new Map<string, boolean>();
  return {
    countOf: (term) => held.get(term) ?? (held.set(term, counts.countOf(term)), held.get(term)!),
    starts: (prefix) => begun.get(prefix) ?? (begun.set(prefix, counts.starts(prefix)), begun.get(prefix)!),
    documentCount: counts.documentCount,
    longest: counts.longest,
  };
}

/** Runs of Han (and other unspaced scripts) are cut by likelihood; Latin letters and digits stay whole. */
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}_]+/gu;
const HAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Words longer than this are not looked for (jieba's dictionary has few beyond it). */
const MAX_WORD = 16;
/** A stop word's weight: as common as the commonest term. */
const STOP_SHARE = 0.5;
/** The beginnings of stop words (they are not in the index: its terms do not lead to them). */
const STOP_PREFIXES = new Set([...STOP_WORDS].flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 1))));

/** The words of a query part (no figures in it: tokenizer.ts takes those out first). */
export function cutByVocabulary(part: string, counts: TermCounts): string[] {
  const out: string[] = [];
  for (const [run] of part.matchAll(RUN)) {
    if (HAN.test(run)) out.push(...cutRun(run, counts));
    else out.push(run);
  }
  return out;
}

/**
 * The best cut of one run: words[i] is the fewest words the first i characters make, likely[i] the
 * best log-likelihood of a cut with that many.
 */
function cutRun(run: string, counts: TermCounts): string[] {
  const chars = [...run];
  const n = chars.length;
  const total = Math.max(counts.documentCount, 1);
  // An unknown character: less likely than any known word (jieba gives it its smallest weight).
  const unknown = Math.log(0.5 / total) - Math.log(total);
  const rare = Math.log(1 / total);
  const longest = Math.min(MAX_WORD, Math.max(counts.longest, 1));
  const words = new Int32Array(n + 1).fill(n + 1);
  const likely = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1);
  words[0] = 0;
  likely[0] = 0;
  // From each start, the words it begins, as long as some term or stop word begins so: a pasted
  // page has thousands of starts, and most runs of two or three characters begin no word.
  for (let start = 0; start < n; start++) {
    let word = '';
    for (let end = start + 1; end <= Math.min(n, start + longest); end++) {
      word += chars[end - 1];
      const weight = wordWeight(word, counts, total) ?? (end - start === 1 ? unknown : end === n && counts.starts(word) ? rare : undefined);
      if (weight !== undefined) {
        const count = words[start] + 1;
        const score = likely[start] + weight;
        if (count < words[end] || (count === words[end] && score > likely[end])) {
          words[end] = count;
          likely[end] = score;
          from[end] = start;
        }
      }
      if (!counts.starts(word) && !STOP_PREFIXES.has(word)) break;
    }
  }
  const cut: string[] = [];
  for (let end = n; end > 0; end = from[end]) cut.push(chars.slice(from[end], end).join(''));
  return cut.reverse();
}

/** A known word's log-likelihood; undefined for a word the index does not hold. */
function wordWeight(word: string, counts: TermCounts, total: number): number | undefined {
  if (STOP_WORDS.has(word)) return Math.log(STOP_SHARE);
  const n = counts.countOf(word);
  return n > 0 ? Math.log(n / total) : undefined;
}

/**
 * The two-character words inside a Chinese query word that the index holds (电信诈骗 → 电信, 诈骗),
 * for matching text where jieba cut the word otherwise; empty when there are fewer than two. A
 * word of two characters has its characters as parts: the cut takes the longest words the index
 * holds, and the text it came from may have been cut into single characters (建强 in 建|强综治中心).
 */
export function subWordsByVocabulary(term: string, counts: TermCounts): string[] {
  if (!/^\p{Script=Han}{2,}$/u.test(term)) return [];
  const chars = [...term];
  if (chars.length === 2) return chars.every((c) => !STOP_WORDS.has(c) && counts.countOf(c) > 0) ? chars : [];
  const parts = new Set<string>();
  for (let i = 0; i + 2 <= chars.length; i++) {
    const part = chars[i] + chars[i + 1];
    if (!STOP_WORDS.has(part) && counts.countOf(part) > 0) parts.add(part);
  }
  return parts.size >= 2 ? [...parts] : [];
}
