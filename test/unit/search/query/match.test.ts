import { describe, expect, it } from 'vitest';
import type { Statistic } from '../../../../src/core/model';
import { matchesPassage, matchesStatistic, type MatchContext } from '../../../../src/core/search/query/match';
import { metricAffinity, NAMES_METRIC } from '../../../../src/core/search/query/metric';
import { parseQuery, type Query } from '../../../../src/core/search/query/parse';

function q(text: string): Query {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query;
}

function stat(fields: Partial<Statistic> & Pick<Statistic, 'text' | 'value' | 'unit' | 'metric' | 'sentence'>): Statistic {
  return {
    metricKey: fields.metric,
    id: `s-${fields.text}`,
    range: { start: 0, end: fields.text.length },
    kind: fields.unit === '%' ? 'percent' : fields.unit === '元' ? 'amount' : 'count',
    approx: false,
    sentenceRange: { start: 0, end: fields.sentence.length },
    passageId: 'p',
    ...fields,
  };
}

const HUBEI: MatchContext = { file: '/corpus/2026/hubei.txt', report: '着力加强政法基础设施建设', article: '夯实安全根基', date: '2026-01-21' };
const adsorption = stat({ text: '99.8%', value: 99.8, unit: '%', metric: '县以下矛盾纠纷吸附率', subject: '湖北省委政法委', sentence: '县以下矛盾纠纷吸附率达99.8%、化解率达98.6%。' });
const resolved = stat({ text: '98.6%', value: 98.6, unit: '%', metric: '化解率', subject: '湖北省委政法委', sentence: adsorption.sentence });
const fujian = stat({ text: '96.7%', value: 96.7, unit: '%', metric: '矛盾纠纷化解率', subject: '福建省委政法委', period: '2025年', sentence: '矛盾纠纷化解率达96.7%。' });
const crime = stat({ text: '21.5%', value: 21.5, unit: '%', kind: 'change', change: 'down', basis: '同比', metric: '刑事发案', subject: '湖北省', period: '2025年', sentence: '去年刑事发案同比下降21.5%，现发命案下降20.6%。' });
const revenue = stat({ text: '60.67亿', value: 6067000000, unit: '元', metric: '挽回损失', subject: '江苏', sentence: '挽回损失60.67亿元。' });
const gdp = stat({ text: '５．３％', value: 5.3, unit: '%', kind: 'change', change: 'up', metric: 'ＧＤＰ', sentence: 'ＧＤＰ同比增长５．３％。' });

const matches = (text: string, s: Statistic, context = HUBEI): boolean => matchesStatistic(s, q(text), context);

describe('matchesStatistic', () => {
  it('化解率 >98% holds for 98.6% and 99.8% of 化解率, not 96.7%', () => {
    const chongqing = stat({ ...resolved, text: '99.8%', value: 99.8, sentence: '排查矛盾纠纷134.6万件、化解率99.8%。' });
    expect(matches('化解率 >98%', resolved)).toBe(true);
    expect(matches('化解率 >98%', chongqing)).toBe(true);
    expect(matches('化解率 >98%', fujian)).toBe(false);
    expect(matches('化解率 <98%', fujian)).toBe(true);
    expect(matches('化解率 90..97%', fujian)).toBe(true);
    expect(matches('化解率 >=96.7%', fujian)).toBe(true);
    expect(matches('化解率 >96.7%', fujian)).toBe(false);
  });

  it('下降 >20% holds for a drop of 21.5%', () => {
    expect(matches('下降 >20%', crime)).toBe(true);
    expect(matches('下降 >25%', crime)).toBe(false);
  });

  it('compares amounts scaled as written, in their unit', () => {
    expect(matches('>=60亿元', revenue)).toBe(true);
    expect(matches('>5000万元', revenue)).toBe(true);
    expect(matches('>=100亿元', revenue)).toBe(false);
    expect(matches('>=60亿', revenue)).toBe(true);
    // A figure in another unit does not meet a condition in 元.
    expect(matches('>1元', resolved)).toBe(false);
    expect(matches('-<1元', resolved)).toBe(true);
  });

  it('words, phrases and exclusions are looked for in the metric, subject, period and sentence, folded', () => {
    expect(matches('gdp 增长', gdp)).toBe(true);
    expect(matches('"gdp同比增长5.3%"', gdp)).toBe(true);
    expect(matches('"同比增长 5.3%"', gdp)).toBe(false);
    expect(matches('刑事发案 2025年 湖北', crime)).toBe(true);
    expect(matches('刑事发案 -命案', crime)).toBe(false);
    expect(matches('刑事发案 -"现发 命案"', crime)).toBe(true);
    expect(matches('刑事案件', crime)).toBe(false);
    // The index matches words itself and asks only for the rest.
    expect(matchesStatistic(crime, q('刑事案件 >20%'), HUBEI, { words: false })).toBe(true);
  });

  it('metric: names the metric, elliptic or whole, never a neighbour’s', () => {
    expect(matches('metric:化解率', resolved)).toBe(true);
    expect(matches('metric:矛盾纠纷化解率', resolved)).toBe(true);
    expect(matches('metric:矛盾纠纷化解率', fujian)).toBe(true);
    expect(matches('metric:化解率', adsorption)).toBe(false);
    expect(matches('metric:吸附率,化解率', adsorption)).toBe(true);
    expect(matches('-metric:化解率', adsorption)).toBe(true);
  });

  it('subject:, period:, kind:, report:, file: and date: hold or exclude', () => {
    expect(matches('subject:湖北', crime)).toBe(true);
    expect(matches('subject:福建', crime)).toBe(false);
    expect(matches('period:2025', crime)).toBe(true);
    expect(matches('period:2024', crime)).toBe(false);
    expect(matches('period:2025', resolved)).toBe(false);
    expect(matches('-period:2025', resolved)).toBe(true);
    expect(matches('kind:change', crime)).toBe(true);
    expect(matches('kind:percent,amount', crime)).toBe(false);
    expect(matches('kind:金额', revenue)).toBe(true);
    expect(matches('report:政法', crime)).toBe(true);
    expect(matches('report:安全根基', crime)).toBe(true);
    expect(matches('report:江苏', crime)).toBe(false);
    expect(matches('file:HUBEI', crime)).toBe(true);
    expect(matches('date:2026', crime)).toBe(true);
    expect(matches('date:2025-01..2025-12', crime)).toBe(false);
    expect(matches('date:2026-01-21', crime)).toBe(true);
    expect(matches('date:2026', crime, { ...HUBEI, date: undefined })).toBe(false);
    expect(matches('-date:2026', crime, { ...HUBEI, date: undefined })).toBe(true);
    expect(matches('date:2025-06..2026-03', crime, { ...HUBEI, date: '2026' })).toBe(true);
  });
});

describe('matchesPassage', () => {
  const text = (): string => '紧扣打通信访工作法治化“路线图”，信访源头治理和实质解决成效明显。';

  it('phrases, exclusions and words in the passage text', () => {
    expect(matchesPassage(q('"信访工作法治化"'), HUBEI, text)).toBe(true);
    expect(matchesPassage(q('"法治化 信访"'), HUBEI, text)).toBe(false);
    expect(matchesPassage(q('信访 -源头'), HUBEI, text)).toBe(false);
    expect(matchesPassage(q('信访 report:政法 file:hubei date:2026'), HUBEI, text)).toBe(true);
  });

  it('a passage has no figure, metric, subject, period or kind to meet', () => {
    for (const condition of ['>1%', 'metric:信访', 'subject:湖北', 'period:2025', 'kind:count']) {
      expect(matchesPassage(q(`信访 ${condition}`), HUBEI, text), condition).toBe(false);
    }
    expect(matchesPassage(q('信访 -kind:count -<1%'), HUBEI, text)).toBe(true);
  });

  it('reads the passage text only when a condition needs it', () => {
    let read = 0;
    matchesPassage(q('信访 report:江苏'), HUBEI, () => (read++, text()));
    matchesPassage(q('信访'), HUBEI, () => (read++, text()), { words: false });
    expect(read).toBe(0);
  });
});

describe('metricAffinity', () => {
  it('grades how words name a metric key', () => {
    expect(metricAffinity('化解率', '矛盾纠纷化解率')).toBe(3);
    expect(metricAffinity('矛盾纠纷化解率', '化解率')).toBe(2);
    expect(metricAffinity('矛盾纠纷化解率', '矛盾纠纷')).toBe(1);
    expect(metricAffinity('矛盾纠纷化解率', '县以下矛盾纠纷吸附率')).toBe(0);
    expect(metricAffinity('ＧＤＰ', 'ＧＤＰ')).toBe(3);
    expect(metricAffinity('gdp', 'ＧＤＰ')).toBeGreaterThanOrEqual(NAMES_METRIC);
    // A one-character key names nothing.
    expect(metricAffinity('化解率', '率')).toBe(0);
  });

  it('a statistic is named by its metric key, which may say more than its metric', () => {
    const keyed = { ...resolved, metricKey: '矛盾纠纷化解率' };
    expect(matchesStatistic(keyed, q('metric:矛盾纠纷'), HUBEI)).toBe(true);
    expect(matchesStatistic(resolved, q('metric:矛盾纠纷'), HUBEI)).toBe(false);
  });

  it('words are keyed by the alias table: another wording of the same quantity names it', () => {
    expect(metricAffinity('刑事案件发案数', '刑事发案')).toBe(3);
    expect(metricAffinity('刑事案件发案数', '现发命案')).toBe(0);
  });
});
