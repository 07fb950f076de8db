import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenizer, MAX_QUERY_TERMS, queryTermsOf } from '../../../src/core/search/tokenizer';

const dir = mkdtempSync(path.join(tmpdir(), 'statcite-tok-'));
const userDictionary = path.join(dir, 'mine.txt');
// Mixed line breaks, a lone \r among them: lines are counted as editors count them.
writeFileSync(userDictionary, '# my words\r蝇贪蚁腐 10 n\r\n\n!!!\n双随机一公开\n');
const warnings: string[] = [];
const tokenizer = loadTokenizer({
  userDictionary,
  tempDir: dir,
  log: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} },
});

describe('tokenizer', () => {
  it('keeps figures whole and findable by their number', () => {
    const terms = tokenizer.indexTerms('刑事发案同比下降21.5%，投资60.67亿元，受理134.6万件');
    expect(terms).toEqual(expect.arrayContaining(['21.5%', '21.5', '60.67亿元', '60.67', '亿元', '134.6万件', '134.6']));
    expect(tokenizer.queryTerms('1,375亿元')).toEqual(['1375亿元', '1375', '亿元']);
    expect(tokenizer.queryTerms('8400余家')).toEqual(['8400余家', '8400', '余家']);
  });

  it('keeps digits whole where no unit follows, and does not take a number out of a name', () => {
    expect(tokenizer.queryTerms('2025 A320')).toEqual(['2025', 'a320']);
  });

  it('folds full width and case', () => {
    expect(tokenizer.queryTerms('ＧＤＰ增长５．３％')).toEqual(tokenizer.queryTerms('gdp增长5.3%'));
    expect(tokenizer.queryTerms('GDP')).toEqual(['gdp']);
  });

  it('drops stop words and punctuation, keeps negations', () => {
    expect(tokenizer.queryTerms('的 了，。！？')).toEqual([]);
    expect(tokenizer.queryTerms('不合格')).not.toEqual([]);
  });

  it('knows the shipped domain words and the user dictionary', () => {
    expect(tokenizer.queryTerms('综治中心 法律明白人 扫黑除恶 矛盾纠纷')).toEqual(['综治中心', '法律明白人', '扫黑除恶', '矛盾纠纷']);
    expect(tokenizer.queryTerms('蝇贪蚁腐')).toEqual(['蝇贪蚁腐']);
    expect(tokenizer.queryTerms('双随机一公开')).toEqual(['双随机一公开']);
    expect(warnings.some((w) => w.includes('mine.txt:4'))).toBe(true);
  });

  it('indexes the parts of a long word so that a part finds the whole', () => {
    const terms = tokenizer.indexTerms('建设四级综治中心');
    expect(terms).toEqual(expect.arrayContaining(['综治', '中心', '综治中心']));
  });

  it('bounds a long query and survives odd input', () => {
    expect(tokenizer.queryTerms('矛盾纠纷化解'.repeat(400)).length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    const long = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    expect(tokenizer.queryTerms(long).length).toBe(MAX_QUERY_TERMS);
    for (const q of ['.*+?^${}()|[]\\', '😀🎉 平安', '\ud800 孤立代理', 'iPhone 15 Pro 发布会', '']) {
      expect(() => tokenizer.queryTerms(q)).not.toThrow();
    }
    expect(tokenizer.queryTerms('😀🎉 平安')).toContain('平安');
  });

  it('refuses a second, different dictionary in the same thread', () => {
    expect(loadTokenizer({ userDictionary, tempDir: dir }).version).toBe(tokenizer.version);
    expect(() => loadTokenizer({ tempDir: dir })).toThrow(/restart/);
  });

  it('cuts a pasted page no further than its first terms: the same terms, far fewer parts cut', () => {
    // 400 words, each followed by a figure: word i, then i% and i as terms.
    const word = (i: number): string => String.fromCharCode(0x4e00 + 2 * i, 0x4e01 + 2 * i);
    const page = Array.from({ length: 400 }, (_, i) => `${word(i)}${i}%`).join('');
    const parts: string[] = [];
    const terms = queryTermsOf(page, (part) => (parts.push(part), [part]));
    const all = Array.from({ length: 400 }, (_, i) => [word(i), `${i}%`, String(i)]).flat();
    expect(terms).toEqual(all.slice(0, MAX_QUERY_TERMS));
    expect(parts.length).toBeLessThan(MAX_QUERY_TERMS / 2);
  });
});
