import { describe, expect, it } from 'vitest';
import { matchMetricKeys, StatTable, type TableQuery } from '../../../src/core/table/query';
import { row } from './rows';
import { metricKeysWith, parseMetricAliases } from '../../../src/core/stats/metricKey';

const rows = [
  row({ id: 'hb-crime', figure: '21.5%', value: 21.5, unit: '%', kind: 'change', change: 'down', metric: '刑事发案', subject: '湖北省', period: '2025年', report: '着力加强政法基础设施建设', issuer: '湖北省委政法委', date: '2026-01-21', file: '/c/page.txt', reportId: 'rep-hb', sectionId: 'sec-hb2', section: '二、服务管理' }),
  row({ id: 'hb-centres', figure: '1377个', value: 1377, unit: '个', metric: '四级综治中心', subject: '湖北省', report: '着力加强政法基础设施建设', issuer: '湖北省委政法委', date: '2026-01-21', file: '/c/page.txt', reportId: 'rep-hb', sectionId: 'sec-hb1', section: '一、建强综治中心' }),
  row({ id: 'fj-minor', figure: '35.4%', value: 35.4, unit: '%', kind: 'change', change: 'down', metric: '未成年人犯罪人数', metricKey: '未成年人犯罪', subject: '福建省', report: '平安福建', issuer: '福建省委政法委', date: '2026-01-21', file: '/c/page.txt', reportId: 'rep-fj', sectionId: 'sec-fj' }),
  row({ id: 'cq-minor', figure: '32.8%', value: 32.8, unit: '%', kind: 'change', change: 'down', metric: '未成年人犯罪', metricKey: '未成年人犯罪', subject: '重庆', period: '2024年', report: '重庆报告', issuer: '重庆市委政法委', file: '/c/other.md', reportId: 'rep-cq', sectionId: 'sec-cq' }),
  row({ id: 'cq-harm', figure: '28.2%', value: 28.2, unit: '%', kind: 'change', change: 'down', metric: '侵害未成年人犯罪', subject: '重庆', report: '重庆报告', issuer: '重庆市委政法委', file: '/c/other.md', reportId: 'rep-cq', sectionId: 'sec-cq' }),
  row({ id: 'gdp', figure: '60.67亿元', value: 6067000000, unit: '元', kind: 'amount', metric: 'ＧＤＰ总量', subject: 'Jiangsu', period: '2023年', report: '江苏报告', date: '2024-03', file: '/c/jiangsu.md', reportId: 'rep-js', sectionId: 'sec-js' }),
];
const table = new StatTable(rows);
const ids = (q: TableQuery): string[] => table.query(q).rows.map((i) => rows[i].id);

describe('table filters', () => {
  it('no filter: every row in corpus order', () => {
    expect(ids({})).toEqual(rows.map((r) => r.id));
  });

  it('free text reads the query language of Search: phrases, exclusions, fields, dates and figure conditions', () => {
    expect(ids({ text: '未成年人 -重庆' })).toEqual(['fj-minor']);
    expect(ids({ text: '"侵害未成年人"' })).toEqual(['cq-harm']);
    expect(ids({ text: 'kind:change >30%' })).toEqual(['fj-minor', 'cq-minor']);
    expect(ids({ text: '未成年人 20..30%' })).toEqual(['cq-harm']);
    expect(ids({ text: '>=60亿元' })).toEqual(['gdp']);
    expect(ids({ text: 'metric:未成年人犯罪' })).toEqual(['fj-minor', 'cq-minor', 'cq-harm']);
    expect(ids({ text: 'date:2026 subject:湖北' })).toEqual(['hb-crime', 'hb-centres']);
    expect(ids({ text: 'period:2025 -kind:count' })).toEqual(['hb-crime']);
  });

  it('metric: in the free text keys its words with the user’s aliases, as the metric filter does', () => {
    const keys = metricKeysWith(parseMetricAliases('四级综治中心 综治平台\n', 'aliases.txt').groups);
    const aliased = new StatTable(rows, new Map(), keys);
    expect(aliased.query({ text: 'metric:综治平台' }).rows.map((i) => rows[i].id)).toEqual(['hb-centres']);
    expect(ids({ text: 'metric:综治平台' })).toEqual([]);
  });

  it('free text that does not read as a query says why, and filters by its words', () => {
    const result = table.query({ text: '刑事 kind:ratio' });
    expect(result.textError?.message).toMatch(/kind:ratio is not a kind of statistic/);
    expect(result.rows.map((i) => rows[i].id)).toEqual([]);
    expect(table.query({ text: '湖北 刑事' }).textError).toBeUndefined();
  });

  it('free text: every word somewhere in the row, case and width folded', () => {
    expect(ids({ text: '湖北 下降' })).toEqual([]); // 下降 is not written in any shown text
    expect(ids({ text: '湖北 刑事' })).toEqual(['hb-crime']);
    expect(ids({ text: 'gdp' })).toEqual(['gdp']); // ＧＤＰ folds to gdp
    expect(ids({ text: 'ＪＩＡＮＧＳＵ' })).toEqual(['gdp']);
    expect(ids({ text: '  ' })).toEqual(rows.map((r) => r.id));
  });

  it('metric: the key equal to the words, else every key containing them', () => {
    expect(ids({ metric: '未成年人犯罪' })).toEqual(['fj-minor', 'cq-minor']);
    expect(table.query({ metric: '未成年人犯罪' }).metric).toEqual({ keys: ['未成年人犯罪'], exact: true });
    expect(ids({ metric: '未成年人' })).toEqual(['fj-minor', 'cq-minor', 'cq-harm']);
    expect(table.query({ metric: '未成年人' }).metric?.exact).toBe(false);
    expect(ids({ metric: 'gdp 总量' })).toEqual(['gdp']);
    expect(ids({ metric: '房价' })).toEqual([]);
  });

  it('subject, period, report (title or issuer), file: contained', () => {
    expect(ids({ subject: '湖北' })).toEqual(['hb-crime', 'hb-centres']);
    expect(ids({ period: '2024' })).toEqual(['cq-minor']);
    expect(ids({ report: '重庆市委' })).toEqual(['cq-minor', 'cq-harm']);
    expect(ids({ report: '平安福建' })).toEqual(['fj-minor']);
    expect(ids({ file: 'other' })).toEqual(['cq-minor', 'cq-harm']);
  });

  it('kinds, value range, date range (ISO prefixes, ends included; undated rows drop out)', () => {
    expect(ids({ kinds: ['amount', 'count'] })).toEqual(['hb-centres', 'gdp']);
    expect(ids({ valueMin: 30, valueMax: 1377 })).toEqual(['hb-centres', 'fj-minor', 'cq-minor']);
    expect(ids({ dateFrom: '2026' })).toEqual(['hb-crime', 'hb-centres', 'fj-minor']);
    expect(ids({ dateTo: '2024-03' })).toEqual(['gdp']);
    expect(ids({ dateFrom: '2024-01', dateTo: '2024-12-31' })).toEqual(['gdp']);
  });

  it('scope: one report, or one section of it', () => {
    expect(ids({ scope: { reportId: 'rep-hb' } })).toEqual(['hb-crime', 'hb-centres']);
    expect(ids({ scope: { reportId: 'rep-hb', sectionId: 'sec-hb1' } })).toEqual(['hb-centres']);
  });

  it('filters combine', () => {
    expect(ids({ subject: '重庆', metric: '未成年人', valueMin: 30 })).toEqual(['cq-minor']);
  });
});

describe('table sorting', () => {
  it('by a number, both ways', () => {
    expect(ids({ sort: { column: 'value' } })).toEqual(['hb-crime', 'cq-harm', 'cq-minor', 'fj-minor', 'hb-centres', 'gdp']);
    expect(ids({ sort: { column: 'value', descending: true } })).toEqual(['gdp', 'hb-centres', 'fj-minor', 'cq-minor', 'cq-harm', 'hb-crime']);
  });

  it('by a text in Chinese collation order (pinyin), rows without a value last either way, ties in corpus order', () => {
    // 重庆 (chóng) < 福建 (fú) < 湖北 (hú); Han before Latin.
    expect(ids({ sort: { column: 'subject' } })).toEqual(['cq-minor', 'cq-harm', 'fj-minor', 'hb-crime', 'hb-centres', 'gdp']);
    expect(ids({ sort: { column: 'subject', descending: true } })).toEqual(['gdp', 'hb-crime', 'hb-centres', 'fj-minor', 'cq-minor', 'cq-harm']);
    expect(ids({ sort: { column: 'period' } }).slice(-3)).toEqual(['hb-centres', 'fj-minor', 'cq-harm']);
    expect(ids({ sort: { column: 'period', descending: true } }).slice(-3)).toEqual(['hb-centres', 'fj-minor', 'cq-harm']);
  });

  it('a large table sorts the same whether the result is large or small', () => {
    const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
    const compare = (a: number | string, b: number | string): number => (typeof a === 'number' ? a - (b as number) : collator.compare(a, b as string));
    const many = Array.from({ length: 400 }, (_, i) => row({ value: (i * 7919) % 101, subject: i % 3 ? `S${i % 17}` : undefined }));
    const big = new StatTable(many);
    for (const descending of [false, true]) {
      for (const column of ['value', 'subject'] as const) {
        const all = big.query({ sort: { column, descending } }).rows;
        const few = big.query({ sort: { column, descending }, valueMax: 5 }).rows;
        expect(few).toEqual(all.filter((i) => many[i].value <= 5));
        const key = (i: number): number | string | undefined => (column === 'value' ? many[i].value : many[i].subject);
        for (let k = 1; k < all.length; k++) {
          const [a, b] = [key(all[k - 1]), key(all[k])];
          if (a === undefined) expect(b).toBeUndefined();
          else if (b !== undefined && a !== b) expect(Math.sign(compare(a, b)), `${a} before ${b}`).toBe(descending ? 1 : -1);
          else if (a === b) expect(all[k - 1]).toBeLessThan(all[k]);
        }
      }
    }
  });
});

describe('grouping by metric key', () => {
  it('the largest group first, rows in the sorted order, folded groups show their header only', () => {
    const result = table.query({ groupByMetric: true, sort: { column: 'value', descending: true } });
    expect(result.groups.map((g) => g.count)).toEqual([2, 1, 1, 1, 1]);
    expect(result.groups[0]).toEqual({ key: '未成年人犯罪', count: 2, collapsed: false });
    const drawn = [...result.lines].map((l) => (l < 0 ? `#${result.groups[-l - 1].key}` : rows[l].id));
    expect(drawn.slice(0, 3)).toEqual(['#未成年人犯罪', 'fj-minor', 'cq-minor']);
    expect(drawn).toHaveLength(rows.length + result.groups.length);

    const folded = table.query({ groupByMetric: true, collapsed: ['未成年人犯罪'] });
    const lines = [...folded.lines].map((l) => (l < 0 ? `#${folded.groups[-l - 1].key}` : rows[l].id));
    expect(lines.slice(0, 2)).toEqual(['#未成年人犯罪', `#${folded.groups[1].key}`]);
    expect(folded.groups[0].collapsed).toBe(true);
    expect(folded.rows).toHaveLength(rows.length); // the folded rows still count (export, select all)
  });

  it('groups of equal size in collation order of their keys', () => {
    const result = table.query({ groupByMetric: true });
    const singles = result.groups.filter((g) => g.count === 1).map((g) => g.key);
    expect(singles).toEqual([...singles].sort(new Intl.Collator('zh-Hans-CN', { numeric: true }).compare));
  });
});

describe('matchMetricKeys', () => {
  it('exact before contains, folded, without spaces', () => {
    const keys = ['矛盾纠纷化解率', '化解率', '刑事发案', 'ＧＤＰ'];
    expect(matchMetricKeys('化解率', keys)).toEqual({ keys: ['化解率'], exact: true });
    expect(matchMetricKeys('纠纷 化解', keys)).toEqual({ keys: ['矛盾纠纷化解率'], exact: false });
    expect(matchMetricKeys('gdp', keys)).toEqual({ keys: ['ＧＤＰ'], exact: true });
    expect(matchMetricKeys('', keys)).toEqual({ keys: [], exact: false });
  });
});
