/**
 * A hostile corpus file cited into drafts of every format: its sentence, title, section title
 * (the locator) and metadata must land as literal text, and the draft must still hold exactly
 * StatCite's own markers and notes.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation, updateReferences, type CiteRequest } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';
import { listEntries } from '../../../src/core/cite/list';
import { prepareQuotation, prepareStatistic } from '../../../src/core/cite/prepare';
import { corpusLookup, passageAt, type StatisticLocation } from '../../../src/core/cite/reference';
import { statisticSentence } from '../../../src/core/cite/sentence';
import { styleFor } from '../../../src/core/cite/styles';
import { readCorpusFile } from '../../../src/core/corpus/read';
import type { Metadata } from '../../../src/core/model';
import { annotateStatistics } from '../../../src/core/stats/annotate';
import { latexPrinted, md, renderedText } from './render';

const SOURCE = [
  '# 标题[^1]与&lt;!-- 注 --&gt;\\*星\\*\\`码\\`$x$%&#\\_{}\\\\input{/etc/passwd}^~',
  '',
  '## 一、发案下降21.5% & \\[100\\]%; @rep-fake 完成',
  '',
  '据\\[点我\\](command:workbench.action.quit)统计，$x$与\\[^1\\]和\\*强调\\*及\\`代码\\`、\\\\input{/etc/passwd}、{}%#&\\_^~、\\[@rep-fake\\]、\\[2\\]全年增长15%。',
  '',
].join('\n');

const META: Metadata = {
  publication: '[报](command:x)<!--',
  page: '3$x$',
  url: 'https://x.org/a_b?q=1&c=2#f}<!--',
  publisher: 'A}, note = {\\input{/etc/passwd}}',
  place: '北京\\\\',
  date: '2024-01-02',
};

const file = readCorpusFile(new TextEncoder().encode(SOURCE), '/corpus/hostile.md', META);
annotateStatistics(file);
const lookup = corpusLookup([file]);
const location = lookup.reports().flatMap((r) => r.report.sections.flatMap((section) => section.statistics.map((statistic) => ({ ...r, section, statistic })))).find((l) => l.statistic.text === '15%') as StatisticLocation;
const sentence = location.statistic.sentence;

function cite(draft: string, format: DraftFormat, request: CiteRequest, at = draft.indexOf('。')): string {
  const result = insertCitation(parseDraft(draft, format), at, request);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(draft, result.edits);
}

describe('a hostile corpus file', () => {
  it('is read with its markup characters in the sentence, title and section title', () => {
    expect(sentence).toBe('据[点我](command:workbench.action.quit)统计，$x$与[^1]和*强调*及`代码`、\\input{/etc/passwd}、{}%#&_^~、[@rep-fake]、[2]全年增长15%。');
    expect(location.report.title).toBe('标题[^1]与<!-- 注 -->*星*`码`$x$%&#_{}\\input{/etc/passwd}^~');
    expect(location.section.title).toBe('一、发案下降21.5% & [100]%; @rep-fake 完成');
  });
});

describe('Markdown draft', () => {
  const options = { style: styleFor('gbt7714-numeric'), format: 'markdown' as const, template: '{sentence}' };

  it('the cited sentence and the entry render as literal text: one footnote, no link, math, comment or emphasis', () => {
    const prepared = prepareStatistic(location, options);
    const draft = cite('# 草稿\n\n正文。\n', 'markdown', prepared.request);
    const parsed = parseDraft(draft, 'markdown');
    expect(parsed.markers.map((m) => m.number)).toEqual([1]);
    expect(parsed.entries.map((e) => [e.key, e.ids])).toEqual([[location.report.id, [location.statistic.id]]]);
    const html = md.render(draft).replace(/<!-- statcite[^>]*-->/g, '');
    expect(html.match(/class="footnote-ref"/g)).toHaveLength(1);
    expect(html).not.toMatch(/href="(?!#fn|https:\/\/x\.org\/)/);
    expect(html).not.toMatch(/<(em|strong|code|script)\b|class="katex|<!--/);
    // Line by line, the visible text is the corpus text: sentence, then title and metadata in the entry.
    const body = draft.split('\n')[2];
    expect(renderedText(body.slice('正文'.length, body.indexOf('[^1]')))).toBe(sentence);
    const entry = draft.split('\n').find((l) => l.startsWith('[^1]: '))!;
    const entryText = renderedText(entry.slice(6, entry.indexOf(' <!-- statcite')));
    expect(entryText).toContain(location.report.title);
    expect(entryText).toContain(META.url);
    // A newspaper names its publication (报纸名); without a stated type the page is an online report [R/OL].
    const newspaper = { ...location, file: { ...location.file, metadata: { ...location.file.metadata, type: 'N' as const } } };
    expect(renderedText(prepareStatistic(newspaper, options).request.entry)).toContain(META.publication);
    expect(renderedText(prepareStatistic(newspaper, { ...options, style: styleFor('apa') }).request.entry)).toContain(META.publication);
  });

  it('Update References writes the same escaped entry, and a second update changes nothing', () => {
    const draft = cite('正文。\n', 'markdown', prepareStatistic(location, options).request);
    const update = (text: string): string => {
      const parsed = parseDraft(text, 'markdown');
      const result = updateReferences(parsed, listEntries(parsed, lookup, options.style), '参考文献');
      if ('error' in result) throw new Error(result.error);
      return applyEdits(text, result.edits);
    };
    expect(update(draft)).toBe(draft);
    expect(update(update(draft))).toBe(draft);
  });

  it('Cite Selection: the quotation renders as literal text', () => {
    const passage = passageAt(file, file.text.indexOf('据'))!;
    const quote = sentence.slice(0, sentence.indexOf('全年'));
    const draft = cite('引文。\n', 'markdown', prepareQuotation(passage, quote, options).request);
    const line = draft.split('\n')[0];
    expect(renderedText(line.slice('引文'.length, line.indexOf('[^1]')))).toBe(`“${quote}”`);
    expect(parseDraft(draft, 'markdown').markers).toHaveLength(1);
  });

  it('a template with {constructor} or {__proto__} keeps them as written', () => {
    expect(statisticSentence(location.statistic, '{constructor}{__proto__}{toString}{figure}')).toBe('{constructor}{__proto__}{toString}15%');
  });
});

describe('Pandoc draft', () => {
  it('the locator (section title with ; @ [ ]) stays inside one citation of one key', () => {
    const passage = passageAt(file, file.text.indexOf('据'))!;
    const prepared = prepareQuotation(passage, '全年增长15%', { style: styleFor('apa'), format: 'pandoc', template: '{sentence}' });
    const draft = cite('引文。\n', 'pandoc', prepared.request);
    expect(parseDraft(draft, 'pandoc').markers.map((m) => m.keys)).toEqual([[location.report.id]]);
    expect(draft).not.toContain('[@rep-fake');
  });
});

describe('LaTeX draft', () => {
  it('the sentence and the locator print as written: no \\input, no comment from %, one \\cite', () => {
    const passage = passageAt(file, file.text.indexOf('据'))!;
    const options = { style: styleFor('gbt7714-numeric'), format: 'latex' as const, template: '{sentence}' };
    const statistic = cite('正文。\n', 'latex', prepareStatistic(location, options).request);
    expect(latexPrinted(statistic.slice('正文'.length, statistic.indexOf('\\cite{')))).toBe(sentence);
    const quoted = cite('正文。\n', 'latex', prepareQuotation(passage, '全年增长15%', options).request);
    const locator = quoted.slice(quoted.indexOf('\\cite[') + 6, quoted.indexOf(']{'));
    expect(latexPrinted(locator)).toBe('一、发案下降21.5% & ［100］%; @rep-fake 完成');
    expect(parseDraft(quoted, 'latex').markers.map((m) => m.keys)).toEqual([[location.report.id]]);
  });
});

describe('plain-text draft', () => {
  it('the [2] of the corpus sentence is not read as citation [2]', () => {
    const options = { style: styleFor('gbt7714-numeric'), format: 'plain' as const, template: '{sentence}' };
    const base = '甲。\n\n参考文献\n[1] 条目一 {{statcite rep-a: stat-a}}\n[2] 条目二 {{statcite rep-b: stat-b}}\n';
    const draft = cite(base, 'plain', prepareStatistic(location, options).request);
    expect(parseDraft(draft, 'plain').markers).toHaveLength(1);
    expect(draft.split('\n')[0]).toMatch(/［2］全年增长15%。\[\d\]。$/);
  });
});
