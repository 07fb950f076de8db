import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/cli/corpus';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { annotateStatistics } from '../../../src/core/stats/annotate';
import { TraceIndex } from '../../../src/core/trace/index';
import { traceDraft, type TracedFigure } from '../../../src/core/trace/trace';
import { draftFigures } from '../../../src/core/trace/figures';
import { SAME_METRIC, contextOf, metricSimilarity } from '../../../src/core/trace/match';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';

let index: TraceIndex;
beforeAll(async () => {
  index = TraceIndex.of(await loadCorpus(['sample/corpus']));
});

function trace(text: string, format: DraftFormat = 'plain'): TracedFigure[] {
  return traceDraft(text, format, index);
}

/** The one traced figure of a one-figure draft. */
function one(text: string, format: DraftFormat = 'plain'): TracedFigure {
  const found = trace(text, format);
  expect(found, text).toHaveLength(1);
  return found[0];
}

describe('tracing a typed figure to the corpus', () => {
  it('finds the statistic a figure states, with its report, and says so', () => {
    const t = one('湖北去年刑事发案下降21.5%。');
    expect(t.status).toBe('found');
    expect(t.candidates[0]).toMatchObject({ value: 21.5, unit: '%', metric: expect.stringContaining('刑事发案'), subject: '湖北省', agreement: 'exact' });
    expect(t.candidates[0].report).toMatch(/^湖北省委政法委《/);
    expect(t.message?.message).toMatch(/^Matches 21\.5% in 湖北省委政法委《.+》\.$/);
  });

  it('allows for the writer’s rounding and says it did: 60.7亿 for 60.67亿', () => {
    const t = one('江苏为群众讨回欠款60.7亿元。');
    expect(t.status).toBe('found');
    expect(t.candidates[0]).toMatchObject({ text: '60.67亿', agreement: 'rounded' });
    expect(t.message?.message).toContain('allowing for rounding');
  });

  it('does NOT match the same value of another metric, subject or year', () => {
    // 现发命案 fell 20.6%, not 21.5%: a warning about its own figure, never a match with 刑事发案's.
    const murder = one('现发命案下降21.5%。');
    expect(murder.status).toBe('differs');
    expect(murder.candidates.map((c) => c.text)).toEqual(['20.6%']);
    expect(one('北京市刑事发案下降21.5%。').status).toBe('unsourced');
    expect(one('湖北去年刑事发案上升21.5%。').status).not.toBe('found');
    // A bare figure says nothing of what it measures: never traced by its value alone.
    expect(one('这一数字是21.5%。').candidates).toEqual([]);
  });

  it('does NOT take a figure of one year for the same metric’s figure of another', () => {
    const [figure] = draftFigures('2019年湖北刑事发案下降21.5%。', 'plain');
    const stat = { ...figure, id: 's', passageId: 'p', period: '2025年' };
    expect(contextOf(figure, stat)).toBeUndefined();
    expect(contextOf(figure, { ...stat, period: '2019年1—11月' })).toMatchObject({ metric: 1, subject: 1 });
    expect(contextOf(figure, { ...stat, subject: '北京市' })).toBeUndefined();
    expect(contextOf(figure, { ...stat, period: '2019年', subject: '湖北' })).toEqual({ metric: 1, subject: 1, period: 1 });
  });

  it('keeps metrics of other quantities apart and worded variants together', () => {
    expect(metricSimilarity('刑事发案', '现发命案')).toBe(0);
    expect(metricSimilarity('刑事发案', '刑事案件')).toBeLessThan(SAME_METRIC);
    expect(metricSimilarity('化解率', '矛盾纠纷化解率')).toBeGreaterThanOrEqual(SAME_METRIC);
  });

  it('warns of a figure the source gives otherwise, with the edit that writes the source’s figure', () => {
    const text = '湖北去年刑事发案下降23.5%。';
    const t = one(text);
    expect(t.status).toBe('differs');
    expect(t.candidates[0]).toMatchObject({ text: '21.5%', agreement: 'differs' });
    expect(t.fix).toEqual({ start: text.indexOf('23.5%'), end: text.indexOf('23.5%') + 5, text: '21.5%' });
    // 21.5 rounds to 22: 21% misstates it.
    expect(one('湖北去年刑事发案下降21%。').status).toBe('differs');
    // A value far off is another fact, not a slip.
    expect(one('湖北去年刑事发案下降3%。').status).toBe('unsourced');
  });

  it('with two years of a metric, matches and corrects by the year the draft names, and says nothing when it names none', () => {
    const file = readCorpusFile(new TextEncoder().encode('湖北平安建设报告\n\n湖北省委政法委\n\n2024年，全省刑事发案下降21.5%。\n\n2025年，全省刑事发案下降18%。\n'), '/c/hubei.txt');
    annotateStatistics(file);
    const years = TraceIndex.of([file]);
    const status = (text: string) => traceDraft(text, 'plain', years).map((t) => [t.status, t.candidates.map((c) => c.text)]);
    expect(status('2024年湖北刑事发案下降21.5%。')).toEqual([['found', ['21.5%']]]);
    expect(status('2025年湖北刑事发案下降21.5%。')).toEqual([['differs', ['18%']]]);
    expect(status('2025年湖北刑事发案下降19%。')).toEqual([['differs', ['18%']]]);
    expect(status('湖北刑事发案下降19%。')).toEqual([['unsourced', []]]);
  });

  it('writes the fix for the draft’s format (LaTeX escapes %)', () => {
    const text = '湖北去年刑事发案下降23.5\\%。\n';
    const t = one(text, 'latex');
    expect(t.fix).toEqual({ start: text.indexOf('23.5'), end: text.indexOf('。'), text: '21.5\\%' });
  });

  it('reports a cited figure as cited, still with its sources', () => {
    const t = one('湖北去年刑事发案下降21.5%[^1]。\n\n[^1]: 我的注释\n', 'markdown');
    expect(t.status).toBe('cited');
    expect(t.message).toBeUndefined();
    expect(t.candidates[0].value).toBe(21.5);
  });
});
