import { describe, expect, it } from 'vitest';
import { compareChart, MAX_SERIES } from '../../../src/core/table/compare';
import { row } from './rows';

const minors = [
  row({ id: 'fj', figure: '35.4%', value: 35.4, unit: '%', kind: 'change', change: 'down', metricKey: '未成年人犯罪', subject: '福建省', period: '2025年' }),
  row({ id: 'hb', figure: '20.3%', value: 20.3, unit: '%', kind: 'change', change: 'down', metricKey: '未成年人犯罪', subject: '湖北省', period: '2025年' }),
  row({ id: 'cq', figure: '32.8%', value: 32.8, unit: '%', kind: 'change', change: 'down', metricKey: '未成年人犯罪', subject: '重庆', period: '2025年' }),
  row({ id: 'cq24', figure: '5%', value: 5, unit: '%', kind: 'change', change: 'up', metricKey: '未成年人犯罪', subject: '重庆', period: '2024年' }),
  row({ id: 'count', figure: '120人', value: 120, unit: '人', kind: 'count', metricKey: '未成年人犯罪', subject: '湖北省', period: '2025年' }),
];

describe('Compare chart', () => {
  it('across subjects: bars per subject, a series per period, falls negative, labelled as written, linked to the statistic', () => {
    const chart = compareChart(minors, 'subject');
    expect(chart.measures).toEqual(['Δ%', '人']);
    expect(chart.measure).toBe('Δ%');
    expect(chart.categories).toEqual(['重庆', '福建省', '湖北省']);
    expect(chart.series.map((s) => s.name)).toEqual(['2025年', '2024年']);
    expect(chart.series[0].points).toEqual([
      { value: -32.8, id: 'cq', label: '↓32.8%' },
      { value: -35.4, id: 'fj', label: '↓35.4%' },
      { value: -20.3, id: 'hb', label: '↓20.3%' },
    ]);
    expect(chart.series[1].points).toEqual([{ value: 5, id: 'cq24', label: '↑5%' }, null, null]);
  });

  it('across periods: lines per subject, periods in time order', () => {
    const chart = compareChart(minors, 'period');
    expect(chart.categories).toEqual(['2024年', '2025年']);
    expect(chart.series.find((s) => s.name === '重庆')!.points.map((p) => p?.id)).toEqual(['cq24', 'cq']);
    expect(chart.series.find((s) => s.name === '福建省')!.points.map((p) => p?.id)).toEqual([undefined, 'fj']);
  });

  it('another measure on request; a unit and a change are never mixed', () => {
    const chart = compareChart(minors, 'subject', '人');
    expect(chart.series).toEqual([{ name: '2025年', points: [{ value: 120, id: 'count', label: '120人' }] }]);
    expect(chart.categories).toEqual(['湖北省']);
  });

  it('periods: 2022年 < 2022年1—11月 < 2023年, then periods without a year', () => {
    const rows = ['去年', '2023年', '2022年1—11月', '2022年'].map((period, i) => row({ id: `p${i}`, period, subject: 'X', value: i }));
    expect(compareChart(rows, 'period').categories).toEqual(['2022年', '2022年1—11月', '2023年', '去年']);
  });

  it('several keys: the key names the series; two statistics in one place open a second series', () => {
    const rows = [
      row({ id: 'a', metricKey: 'A', subject: 'X', value: 1 }),
      row({ id: 'b', metricKey: 'B', subject: 'X', value: 2 }),
      row({ id: 'a2', metricKey: 'A', subject: 'X', value: 3 }),
    ];
    expect(compareChart(rows, 'subject').series.map((s) => s.name)).toEqual(['A', 'B', 'A (2)']);
  });

  it('at most MAX_SERIES series, the fullest kept; categories only left-out series had are dropped', () => {
    const rows = Array.from({ length: MAX_SERIES + 5 }, (_, i) => row({ subject: `S${i}`, period: '2024年', value: i }));
    rows.push(...Array.from({ length: MAX_SERIES }, (_, i) => row({ subject: `S${i}`, period: '2025年', value: i })));
    const chart = compareChart(rows, 'period');
    expect(chart.series).toHaveLength(MAX_SERIES);
    expect(chart.omitted).toBe(5);
    expect(chart.series.every((s) => s.points.filter(Boolean).length === 2)).toBe(true);
  });
});
