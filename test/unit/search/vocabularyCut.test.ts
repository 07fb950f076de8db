import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import { SearchIndex } from '../../../src/core/search/index';
import { loadTokenizer, type Tokenizer } from '../../../src/core/search/tokenizer';
import { cutByVocabulary, subWordsByVocabulary, vocabularyTokenizer, type TermCounts } from '../../../src/core/search/vocabularyCut';

/** An index's vocabulary as the cut reads it: documents per term. */
function counts(terms: Record<string, number>, documentCount = 1000): TermCounts {
  const known = Object.keys(terms);
  return {
    countOf: (term) => terms[term] ?? 0,
    starts: (prefix) => known.some((t) => t.length > prefix.length && t.startsWith(prefix)),
    documentCount,
    longest: Math.max(...known.map((t) => t.length)),
  };
}

describe('query words cut against the index vocabulary', () => {
  it('takes the fewest words the index holds, not the single characters it also holds', () => {
    const v = counts({ 碳中和: 3, 碳: 40, 中: 900, 和: 950, 目标: 60, 目: 70, 标: 80 });
    expect(cutByVocabulary('碳中和目标', v)).toEqual(['碳中和', '目标']);
  });

  it('of cuts with as few words, takes the likelier (words more documents hold)', () => {
    const v = counts({ 研究: 120, 研究生: 4, 生命: 50, 命: 6, 起源: 9 });
    expect(cutByVocabulary('研究生命起源', v)).toEqual(['研究', '生命', '起源']);
    // The same characters, with the vocabulary of another corpus.
    const other = counts({ 研究: 3, 研究生: 200, 生命: 2, 命: 90, 起源: 9 });
    expect(cutByVocabulary('研究生命起源', other)).toEqual(['研究生', '命', '起源']);
  });

  it('keeps the start of a known word whole (the word being typed) and lets an unknown character stand alone', () => {
    const v = counts({ 刑释人员: 5, 刑: 20, 释: 10, 人员: 300 });
    expect(cutByVocabulary('刑释', v)).toEqual(['刑释']);
    expect(cutByVocabulary('刑释人员犇', v)).toEqual(['刑释人员', '犇']);
  });

  it('leaves Latin words and figures whole and drops stop words, as the jieba cut does', () => {
    const tokenizer = vocabularyTokenizer(loadTokenizer(), counts({ 经济: 80, 增长: 90, 我们: 500, 的: 999 }));
    expect(tokenizer.queryTerms('我们的经济增长5.2% GDP')).toEqual(['经济', '增长', '5.2%', '5.2', 'gdp']);
  });

  it('gives the parts a word may be found by where the text was cut otherwise', () => {
    const v = counts({ 电信诈骗: 2, 电信: 30, 诈骗: 40, 建强: 3, 建: 50, 强: 60 });
    expect(subWordsByVocabulary('电信诈骗', v)).toEqual(['电信', '诈骗']);
    expect(subWordsByVocabulary('建强', v)).toEqual(['建', '强']);
    expect(subWordsByVocabulary('犇犇', v)).toEqual([]);
  });
});

describe('searching without jieba', () => {
  const SAMPLE = path.join(__dirname, '../../fixtures/workspace/corpus/000_fadfd726848b77a0.txt');
  const file = loadCorpusFile(readFileSync(SAMPLE), SAMPLE);
  const jieba = loadTokenizer();
  const built = SearchIndex.create(jieba);
  built.add(file);

  it('an index loaded from its segments answers with a tokenizer whose dictionary never loads, as the index built with it does', () => {
    const refuse = (): never => {
      throw new Error('jieba asked for');
    };
    const noDictionary: Tokenizer = { ...jieba, load: refuse, indexTerms: refuse, queryTerms: refuse, subWords: refuse };
    const loaded = SearchIndex.create(noDictionary, built.nextDocument);
    for (const segment of built.segments()) loaded.loadSegment(built.serialize(segment), new Map([[file.path, file]]));
    const queries = ['综治中心', '未成年人犯罪 下降', '信访工作法治化', '刑释人', '"同比下降" >20%', '电信诈骗'];
    for (const q of queries) {
      const answer = loaded.search(q, { prefixLast: true });
      expect(answer.length, q).toBeGreaterThan(0);
      expect(answer.map((r) => r.id), q).toEqual(built.search(q, { prefixLast: true }).map((r) => r.id));
    }
  });
});
