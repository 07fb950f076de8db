import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { passageText } from '../../../src/core/corpus/walk';
import { fixtures, join, slice } from './helpers';

const read = (text: string, name = 'a.md') => readCorpusFile(Buffer.from(text), name);

const ARTICLE = `---
title: front title
publication: 检察日报
date: 2026年1月21日
authors: [张三, 李四]
page: "3"
---
# 政法工作报告

导语段落，说明本文内容。

## 北京工作情况

北京市委政法委

<p>2025年，<strong>刑事发案</strong>同比下降21.5%&nbsp;，成效明显。</p><p><strong>一、加强组织领导</strong></p><p>正文第一段。</p>

[查看原文](https://example.com/a)

## 江苏工作情况

本报讯(记者 王五) 江苏省**全面推进**法治建设，详见[报告全文](https://example.com/b)。

### 一、第一部分

内容 &amp; 细节。
`;

describe('Markdown articles', () => {
  const file = read(ARTICLE);
  const [article] = file.articles;
  const [beijing, jiangsu] = article.reports;

  it('takes metadata from the front matter and the title from the # heading', () => {
    expect(file.problems).toEqual([]);
    expect(file.metadata).toEqual({ publication: '检察日报', date: '2026-01-21', authors: ['张三', '李四'], page: '3' });
    expect(article.title).toBe('政法工作报告');
    expect(slice(file, article.titleRange)).toBe('政法工作报告');
    expect(slice(file, article.note!)).toBe('导语段落，说明本文内容。');
  });

  it('makes ## headings reports, with the issuing body or the news lead as author', () => {
    expect(article.reports.map((r) => [r.kind, r.title, r.author])).toEqual([
      ['report', '北京工作情况', '北京市委政法委'],
      ['news', '江苏工作情况', '王五'],
    ]);
    expect(slice(file, beijing.authorRange!)).toBe('北京市委政法委');
    expect(slice(file, jiangsu.authorRange!)).toBe('记者 王五');
  });

  it('reads inline HTML as text, with ranges into the raw file that leave the markup out', () => {
    expect(beijing.intro.passages.map((p) => passageText(file, p))).toEqual(['2025年，刑事发案同比下降21.5%，成效明显。']);
    const [first] = beijing.intro.passages;
    expect(first.ranges.length).toBeGreaterThan(1);
    for (const r of first.ranges) expect(slice(file, r)).not.toMatch(/[<>&]/);
    expect(file.text.slice(first.ranges[0].start - 3, first.ranges[0].start)).toBe('<p>');
  });

  it('makes a bold paragraph a section heading, and skips link-only lines', () => {
    expect(beijing.sections.map((s) => s.title)).toEqual(['一、加强组织领导']);
    const [s] = beijing.sections;
    expect(join(file, s.titleRanges)).toBe('一、加强组织领导');
    expect(s.passages.map((p) => passageText(file, p))).toEqual(['正文第一段。']);
    expect(file.text.includes('查看原文')).toBe(true);
    const all = file.articles.flatMap((a) => a.reports).flatMap((r) => [r.intro, ...r.sections]).flatMap((x) => x.passages);
    expect(all.map((p) => passageText(file, p)).join('')).not.toContain('查看原文');
  });

  it('keeps link text, drops emphasis markers and entities, and makes deeper headings sections', () => {
    expect(passageText(file, jiangsu.intro.passages[0])).toBe('本报讯(记者 王五) 江苏省全面推进法治建设，详见报告全文。');
    expect(jiangsu.sections.map((s) => s.title)).toEqual(['一、第一部分']);
    // An entity cannot be a range of the file: it is left out (the spaces around it stay).
    expect(passageText(file, jiangsu.sections[0].passages[0])).toBe('内容  细节。');
  });

  it('reads the benchmark file 20251210.md: 13 items under 详细新闻, the summary list is not a report', () => {
    const bench = readCorpusFile(readFileSync(path.join(fixtures, '20251210.md')), '20251210.md');
    expect(bench.problems).toEqual([]);
    expect(bench.articles).toHaveLength(1);
    const [a] = bench.articles;
    expect(a.title).toBe('《新闻联播》 (20251210)');
    expect(a.metadata.date).toBe('2025-12-10');
    expect(a.reports).toHaveLength(13);
    expect(a.reports[0].title).toBe('【践行新发展理念 中国经济行稳致远】书写温暖的民生答卷');
    expect(a.reports[12].title).toBe('国际联播快讯');
    expect(a.reports.every((r) => r.kind === 'news')).toBe(true);
    // 国内联播快讯 is a bundle of short items, each a bold line: they become its sections.
    const brief = a.reports.find((r) => r.title === '国内联播快讯')!;
    expect(brief.sections).toHaveLength(12);
    expect(brief.sections[1].title).toBe('财政部在香港成功发行今年第六期70亿元人民币国债');
    const text = a.reports
      .flatMap((r) => [r.intro, ...r.sections])
      .flatMap((s) => s.passages)
      .map((p) => passageText(bench, p))
      .join('\n');
    expect(text).not.toMatch(/<|查看原文|更新时间戳|本期节目主要内容/);
    expect(text).toContain('11月份，我国居民消费价格指数CPI同比上涨0.7%');
  });

  it('reports broken front matter and still reads the rest', () => {
    const broken = read('---\ntitle: x\ndate: 2025-13-40\nthis line is not yaml\n---\n# 标题\n\n正文，一段。\n');
    expect(broken.problems.map((p) => p.message)).toEqual([
      'front matter line 4 not understood: "this line is not yaml"',
      'front matter: date "2025-13-40" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
    expect(broken.articles.map((a) => a.title)).toEqual(['标题']);
    expect(passageText(broken, broken.articles[0].reports[0].intro.passages[0])).toBe('正文，一段。');

    const unclosed = read('---\ntitle: x\n\n# 标题\n\n正文。\n');
    expect(unclosed.problems).toHaveLength(1);
    expect(unclosed.problems[0].message).toMatch(/front matter not closed/);
    expect(unclosed.articles.map((a) => a.title)).toEqual(['标题']);
  });

  it('leaves quote and bullet markers out of passages, keeps numbers, and skips code blocks', () => {
    const f = read('# 题\n\n> 引用的话，\n> 第二行。\n\n- 要点一\n- 要点二\n\n1. 第一条\n\n```\n# 不是标题\n```\n');
    const [a] = f.articles;
    expect(a.reports).toHaveLength(1);
    expect(a.reports[0].sections).toEqual([]);
    expect(a.reports[0].intro.passages.map((p) => passageText(f, p))).toEqual(['引用的话，第二行。', '要点一', '要点二', '1. 第一条']);
  });

  it('titles a file without a # heading from its front matter, else its name', () => {
    expect(read('---\ntitle: 我的标题\n---\n正文。\n').articles[0].title).toBe('我的标题');
    expect(read('正文。\n', 'notes/会议纪要.md').articles[0].title).toBe('会议纪要');
  });
});
