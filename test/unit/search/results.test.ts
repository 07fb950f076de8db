/**
 * What a result points at and which results stand for a sentence, on the bundled sample: the match
 * (after a page break too), the figure a query is about among its neighbours, and a passage folded
 * into the statistic that says the same.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import { SearchIndex } from '../../../src/core/search/index';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import type { SearchResult } from '../../../src/core/search/types';

const SAMPLE = path.join(__dirname, '../../fixtures/workspace/corpus/000_fadfd726848b77a0.txt');
const file = loadCorpusFile(readFileSync(SAMPLE), SAMPLE);
const index = SearchIndex.create(loadTokenizer());
index.add(file);
const text = file.text;

/** The figure a statistic result stands for, with the words just before it. */
const figure = (r: SearchResult): string => text.slice(r.start - 4, r.end);

describe('a result points at the matched words', () => {
  it('a passage split by a page break: start/end span the passage, match is the words after the break', () => {
    const results = index.search('信访工作法治化');
    const jiangsu = results.find((r) => r.kind === 'passage' && r.report.includes('江苏'));
    expect(jiangsu, results.map((r) => r.report).join('\n')).toBeDefined();
    const { start, end, match } = jiangsu!;
    const passage = file.articles.flatMap((a) => a.reports).flatMap((r) => [r.intro, ...r.sections]).flatMap((s) => s.passages).find((p) => p.ranges[0].start === start)!;
    expect(passage.ranges.length).toBeGreaterThan(1);
    expect(end).toBe(passage.ranges[passage.ranges.length - 1].end);
    // The words stand 340 characters after the paragraph's start, split by the page break.
    expect(match.start - start).toBeGreaterThan(300);
    expect(text.slice(match.start, match.end).replace(/\s/g, '')).toBe('信访工作法治化');
  });

  it('the match is where the query words stand together, not the first word alone', () => {
    // 信访 comes first in the 江苏 paragraph's 信访工作法治化; the window holding both words is later.
    const [top] = index.search('信访 源头治理');
    expect(text.slice(top.match.start, top.match.end)).toBe('信访源头治理');
  });

  it('a phrase is the match, not a part of it found elsewhere in the passage', () => {
    const results = index.search('"信访工作法治化"');
    expect(results.length).toBeGreaterThanOrEqual(2);
    // 北京's paragraph also says 信访法治化 later on.
    for (const r of results) expect(text.slice(r.match.start, r.match.end).replace(/\s/g, ''), r.report).toBe('信访工作法治化');
  });

  it('a statistic points at its figure', () => {
    const [top] = index.search('复吸率', { statisticsOnly: true });
    expect(text.slice(top.match.start, top.match.end)).toBe('6.8%');
  });
});

describe('several figures in one sentence', () => {
  it('the figure whose metric the query names comes before its neighbours', () => {
    const figures = index.search('矛盾纠纷化解率', { statisticsOnly: true }).map(figure);
    // 湖北: 吸附率达99.8%、化解率达98.6%; 重庆: 排查矛盾纠纷134.6万件、化解率99.8%.
    expect(figures).toContain('化解率达98.6%');
    expect(figures).toContain('、化解率99.8%');
    expect(figures).not.toContain('吸附率达99.8%');
    expect(figures).not.toContain('矛盾纠纷134.6万');
  });

  it('both figures when the query names both metrics', () => {
    const figures = index.search('吸附率 化解率', { statisticsOnly: true }).map(figure);
    expect(figures).toEqual(expect.arrayContaining(['吸附率达99.8%', '化解率达98.6%']));
  });
});

describe('a statistic and its passage', () => {
  it('the passage is folded into the statistic when it matches nowhere else', () => {
    const results = index.search('复吸率');
    expect(results.filter((r) => r.kind === 'statistic').map(figure)).toContain('吸率下降6.8%');
    expect(results.filter((r) => r.kind === 'passage')).toEqual([]);
  });

  it('the passage stays when it matches elsewhere too', () => {
    const results = index.search('综治中心');
    const stat = results.find((r) => r.kind === 'statistic' && text.slice(r.start, r.end) === '1377');
    expect(stat).toBeDefined();
    // The same paragraph opens with 一、建强综治中心这个“基层平台”.
    expect(results.some((r) => r.kind === 'passage' && r.start <= stat!.start && stat!.end <= r.end)).toBe(true);
  });
});

describe('long queries', () => {
  const passages = file.articles.flatMap((a) => a.reports).flatMap((r) => [r.intro, ...r.sections]).flatMap((s) => s.passages);
  const textOf = (i: number): string => passages[i].ranges.map((r) => text.slice(r.start, r.end)).join('');

  it('a pasted paragraph finds where it comes from', () => {
    const longest = passages.map((_, i) => i).reduce((a, b) => (textOf(b).length > textOf(a).length ? b : a));
    const pasted = textOf(longest).replace(/["“”「」]/g, '');
    expect(pasted.length).toBeGreaterThan(300);
    const [top] = index.search(pasted, { prefixLast: true });
    expect(top.id).toBe(passages[longest].id);
  });

  it('200 words that no paragraph holds together still find the paragraphs with the rarest of them', () => {
    const words = Array.from({ length: 200 }, (_, i) => textOf(i % passages.length).slice(3, 7)).join(' ');
    const results = index.search(words);
    expect(results.length).toBeGreaterThan(0);
  });
});
