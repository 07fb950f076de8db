/**
 * The search tokenizer: the only module that imports nodejieba. Index and query share it, so a
 * word is cut the same way on both sides.
 *
 * - Text is folded with NFKC and lower-cased: ＡＢＣ１２３ and abc123 are the same term.
 * - Figures stay whole and are also findable by their number: 60.67亿元 gives 60.67亿元, 60.67 and
 *   亿元; 1,375亿元 gives 1375亿元 and 1375.
 * - Other text goes through jieba's precise cut with HMM (digits stay whole); the index also gets
 *   jieba's search-mode sub-words of long words (综治中心 → 综治, 中心), so a part finds the whole.
 * - Stop words, punctuation and white space are dropped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { threadId } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import type { Logger } from '../model';
import { DOMAIN_WORDS } from './dict/domainWords';
import { fold } from './fold';
import { STOP_WORDS } from './stopWords';

/** Bump when the way text becomes terms changes: cached indexes built before are then rebuilt. */
const TOKENIZER_FORMAT = 1;

/** The most terms a query keeps: a pasted page must not turn into a thousand-term search. */
export const MAX_QUERY_TERMS = 32;

export interface TokenizerOptions {
  /** Path of the user's own jieba dictionary (setting statcite.search.userDictionary). */
  userDictionary?: string;
  /** Where the merged dictionary file is written (default: the OS temp folder). */
  tempDir?: string;
  log?: Logger;
}

export interface Tokenizer {
  /** Changes whenever the terms for a text could change (format, dictionary, stop words). */
  readonly version: string;
  /** Loads the jieba dictionary now rather than on the first text (idempotent). */
  load(): void;
  /** Terms to index for a text, in order, with repeats (term frequency counts). */
  indexTerms(text: string): string[];
  /** Terms of a query, in order, without repeats, at most MAX_QUERY_TERMS. */
  queryTerms(text: string): string[];
  /**
   * The two-character words inside a Chinese query word (电信诈骗 → 电信, 诈骗), for matching text
   * where jieba cut the word otherwise (电信|诈骗案); empty when there are fewer than two.
   */
  subWords(term: string): string[];
  /** Folds one string the way terms are folded (NFKC, lower case): for matching terms in text. */
  fold(text: string): string;
}

/** Units that stay glued to a figure. Longest first, so 万人次 wins over 万人. */
const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '人民币', '美元', '欧元', '公里', '千米', '公顷', '立方米',
  '千瓦时', '千瓦', '小时', '人次', '架次', '元', '件', '人', '个', '项', '家', '户', '次', '起',
  '名', '所', '条', '年', '月', '日', '天', '周', '米', '吨', '亩', '倍', '辆', '台', '座', '场', '批', '套',
  '艘', '列', '部', '份', '张', '篇', '册', '株', '头', '只', '栋', '间', '处', '类', '种', '位', '岁',
  'km', 'kg',
].sort((a, b) => b.length - a.length);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A figure: a number not glued to a Latin word (a320 is a name), an optional decimal part and a
 * unit: magnitude characters, an approximation (余, 多) and one of UNITS, or a percent/per-mille sign.
 */
const FIGURE = new RegExp(
  `(?<![a-z\\d.]|\\d,)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(%|‰|[万亿千百]*[余多]?(?:${UNITS.map(escape).join('|')})?)`,
  'gu',
);

const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\p{C}\s]*$/u;

/** nodejieba holds one dictionary per thread and loading costs most of a second: remember which. */
let loadedDictionary: string | undefined;

/**
 * The tokenizer for the shipped domain words plus the user's dictionary (merged into one file).
 * jieba itself loads on first use (most of a second), so a warm start from the cache, which needs
 * only the version, does not wait for it; load() does it ahead of time. jieba keeps one dictionary
 * per thread: asking for another one in the same thread is an error — restart the worker to
 * change the user dictionary.
 */
export function loadTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const dictionary = mergeDictionaries(options);
  const signature = hash(dictionary);
  if (loadedDictionary !== undefined && loadedDictionary !== signature) {
    throw new Error('search: jieba already holds another dictionary in this thread; restart to change it');
  }
  const load = (): void => {
    if (loadedDictionary === signature) return;
    if (loadedDictionary !== undefined) throw new Error('search: jieba already holds another dictionary in this thread; restart to change it');
    const folder = options.tempDir ?? tmpdir();
    // jieba also loads its keyword extractor's tables (18 MB resident), which cutting never reads:
    // one line stands in for them (an empty table fails jieba's own check).
    nodejieba.load({
      userDict: written(nodePath.join(folder, `statcite-dict-${signature}.utf8`), dictionary),
      idfDict: written(nodePath.join(folder, 'statcite-keywords-unused.utf8'), '的 1\n'),
      stopWordDict: written(nodePath.join(folder, 'statcite-stopwords-unused.utf8'), '的\n'),
    });
    loadedDictionary = signature;
  };
  return {
    version: `${TOKENIZER_FORMAT}-${hash(`${signature}\n${[...STOP_WORDS].join(' ')}\n${UNITS.join(' ')}`)}`,
    load,
    indexTerms: (text) => {
      load();
      return terms(text, (part) => nodejieba.cutForSearch(part, true));
    },
    queryTerms: (text) => {
      load();
      return queryTermsOf(text, (part) => nodejieba.cut(part, true));
    },
    subWords: (term) => {
      if (!/^\p{Script=Han}{3,}$/u.test(term)) return [];
      load();
      const parts = nodejieba.cutForSearch(term, true).filter((w) => w.length === 2 && w !== term && !STOP_WORDS.has(w));
      return parts.length >= 2 ? [...new Set(parts)] : [];
    },
    fold,
  };
}

/** A query's terms as Tokenizer.queryTerms gives them, the text between figures cut by `cut`. */
export function queryTermsOf(text: string, cut: (part: string) => string[]): string[] {
  return [...new Set(terms(text, cut, MAX_QUERY_TERMS))].slice(0, MAX_QUERY_TERMS);
}

/** The terms of a text, in order, with repeats; the text after `enough` different ones is not cut (a pasted page). */
function terms(text: string, cut: (part: string) => string[], enough = Infinity): string[] {
  const folded = fold(text);
  const out: string[] = [];
  // Kept only when there is a limit: indexing wants every term.
  const seen = enough === Infinity ? undefined : new Set<string>();
  const full = (): boolean => (seen?.size ?? 0) >= enough;
  const push = (term: string): void => {
    out.push(term);
    seen?.add(term);
  };
  const words = (part: string): void => {
    if (NOT_A_WORD.test(part)) return;
    for (const word of cut(part)) if (!NOT_A_WORD.test(word) && !STOP_WORDS.has(word)) push(word);
  };
  let last = 0;
  for (const m of folded.matchAll(FIGURE)) {
    if (full()) return out;
    words(folded.slice(last, m.index));
    last = m.index + m[0].length;
    const number = m[1].replace(/,/g, '') + (m[2] ?? '');
    const unit = m[3];
    if (unit) push(number + unit);
    push(number);
    if (unit && !NOT_A_WORD.test(unit) && !STOP_WORDS.has(unit)) push(unit);
  }
  if (!full()) words(folded.slice(last));
  return out;
}

/** A file of this content at `file`, written unless it is there; another window may write it too: written aside, then renamed. */
function written(file: string, content: string): string {
  if (!existsSync(file)) {
    const aside = `${file}.${process.pid}.${threadId}`;
    writeFileSync(aside, content);
    renameSync(aside, file);
  }
  return file;
}

/** Our domain words then the user's, normalised like the text; bad lines are skipped with a warning. */
function mergeDictionaries(options: TokenizerOptions): string {
  const lines = dictionaryLines(DOMAIN_WORDS, 'the shipped dictionary', options.log);
  if (options.userDictionary) {
    let text: string | undefined;
    try {
      text = readFileSync(options.userDictionary, 'utf8');
    } catch (err) {
      options.log?.warn(
        `search: user dictionary ${options.userDictionary} cannot be read (${err instanceof Error ? err.message : String(err)}); using the shipped words only`,
      );
    }
    if (text !== undefined) lines.push(...dictionaryLines(text, options.userDictionary, options.log));
  }
  return lines.join('\n') + '\n';
}

/** jieba's user dictionary line: a word, then an optional frequency and an optional part of speech. */
const DICT_LINE = /^(\S+)(?:\s+(\d+))?(?:\s+([a-z]+))?$/;

function dictionaryLines(text: string, name: string, log?: Logger): string[] {
  const lines: string[] = [];
  // Lines as lineColumn counts them (\r\n, \n or a lone \r), so that the numbers in messages match.
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const m = DICT_LINE.exec(line);
    if (!m || NOT_A_WORD.test(m[1])) {
      log?.warn(`search: ${name}:${i + 1}: skipped "${line.slice(0, 40)}": expected "word [frequency] [tag]"`);
      return;
    }
    lines.push([fold(m[1]), m[2], m[3]].filter(Boolean).join(' '));
  });
  return lines;
}

const hash = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 12);
