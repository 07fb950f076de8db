import { describe, expect, it } from 'vitest';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';
import { extractStatistics } from '../../../src/core/stats/extract';
import { draftFigures } from '../../../src/core/trace/figures';
import { agreement, figureStep } from '../../../src/core/trace/precision';

/** [figure as written, value, unit, metric, cited] of each figure the draft holds. */
function read(text: string, format: DraftFormat) {
  return draftFigures(text, format).map((f) => [text.slice(f.range.start, f.range.end), f.value, f.unit, f.metricKey, f.cited]);
}

describe('figures typed in a draft', () => {
  it('are read as the extractor reads them: percent, 亿元, 成, fractions, counts', () => {
    const figures = read('湖北去年刑事发案下降21.5%，江苏为群众讨回欠款60.67亿元。近两成群众参与，三分之一的案件在线审理。建成综治中心1377个。', 'plain');
    expect(figures.map((f) => f.slice(0, 3))).toEqual([
      ['21.5%', 21.5, '%'],
      ['60.67亿', 6067000000, '元'],
      ['两成', 20, '%'],
      ['三分之一', 33.3333333333, '%'],
      ['1377', 1377, '个'],
    ]);
    expect(figures[0][3]).toBe('刑事发案');
  });

  it('get the same value, unit, metric and subject as the corpus extractor gives the same text', () => {
    const text = '2025年，全省建成四级综治中心1377个，刑事发案同比下降21.5%，矛盾纠纷化解率达98.3%。';
    const strip = (s: { value: number; unit: string; metric: string; metricKey: string; subject?: string; period?: string }) =>
      [s.value, s.unit, s.metric, s.metricKey, s.subject, s.period];
    const corpus = extractStatistics(text, { passageId: 'p', ranges: [{ start: 0, end: text.length }] });
    expect(draftFigures(text, 'markdown').map(strip)).toEqual(corpus.map(strip));
    expect(corpus).toHaveLength(3);
  });

  it('leave out Markdown markup, code, comments and the reference list, keeping the words around the figure', () => {
    const draft = '# 2025年回顾\n\n湖北刑事发案下降**21.5%**。`下降30%`\n\n<!-- 下降40% -->\n\n```\n下降50%\n```\n\n- 现发命案下降20.6%\n\n<!-- statcite: references -->\n[^1]: 某报告. 2024年增长12%. <!-- statcite rep: stat-x -->\n';
    expect(read(draft, 'markdown')).toEqual([
      ['21.5%', 21.5, '%', '刑事发案', false],
      ['20.6%', 20.6, '%', '现发命案', false],
    ]);
  });

  it('read a Markdown table cell with its row’s first cell and its column’s time heading', () => {
    const draft = '| 指标 | 2024年 | 2025年 |\n| --- | ---: | --- |\n| 刑事发案 | 下降**21.5%** | 下降10% |\n| 现发命案 | 下降20.6% | |\n';
    const figures = draftFigures(draft, 'markdown');
    expect(figures.map((f) => [draft.slice(f.range.start, f.range.end), f.metricKey, f.period])).toEqual([
      ['21.5%', '刑事发案', '2024年'],
      ['10%', '刑事发案', '2025年'],
      ['20.6%', '现发命案', '2024年'],
    ]);
  });

  it('read LaTeX’s \\% as a percent sign and skip commands, math and comments', () => {
    const draft = '湖北省刑事发案下降\\textbf{21.5\\%}，$x = 30\\%$。% 下降40\\%\n现发命案下降20.6\\%\\cite{rep-hb}。\n';
    const figures = draftFigures(draft, 'latex');
    expect(figures.map((f) => [draft.slice(f.range.start, f.range.end), f.value, f.metricKey, f.cited])).toEqual([
      ['21.5\\%', 21.5, '刑事发案', false],
      ['20.6\\%', 20.6, '现发命案', true],
    ]);
  });

  it('are cited when a marker closes their sentence, not when it stands in a later one', () => {
    expect(read('刑事发案下降21.5%[^1]。命案下降20.6%。另见[^2]。', 'markdown').map((f) => f[4])).toEqual([true, false]);
    expect(read('刑事发案下降21.5%，命案下降20.6%[1]。', 'plain').map((f) => f[4])).toEqual([true, true]);
    expect(read('刑事发案下降21.5%。[1]', 'plain').map((f) => f[4])).toEqual([true]);
  });

  it('join a Chinese line wrapped inside a paragraph, and keep Latin words apart', () => {
    expect(read('湖北省刑事发案下降\n21.5%。', 'plain')).toEqual([['21.5%', 21.5, '%', '刑事发案', false]]);
    expect(draftFigures('Crime fell\n21.5% in 2025.', 'plain').map((f) => f.value)).toEqual([21.5]);
  });
});

describe('rounding', () => {
  it('measures the last written place in the scaled value', () => {
    expect(figureStep('21.48%', 21.48)).toBe(0.01);
    expect(figureStep('60.7亿', 6070000000)).toBe(10000000);
    expect(figureStep('两成', 20)).toBe(10);
    expect(figureStep('三分之一', 33.3333333333)).toBe(0);
    expect(figureStep('1,377', 1377)).toBe(1);
  });

  it('accepts the coarser figure rounded half up from the finer one, and nothing else', () => {
    expect(agreement(21.5, 0.1, 21.48, 0.01)).toBe('rounded');
    expect(agreement(6070000000, 1e7, 6067000000, 1e6)).toBe('rounded');
    expect(agreement(20, 10, 19.8, 0.1)).toBe('rounded');
    expect(agreement(33.3, 0.1, 33.3333333333, 0)).toBe('rounded');
    expect(agreement(21.5, 0.1, 21.5, 0.1)).toBe('exact');
    // 21.5 rounds to 22, not 21; 21.55 to 21.6.
    expect(agreement(21, 1, 21.5, 0.1)).toBeUndefined();
    expect(agreement(21.5, 0.1, 21.55, 0.01)).toBeUndefined();
    expect(agreement(23.5, 0.1, 21.5, 0.1)).toBeUndefined();
  });
});
