import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStatistics } from '../../../src/core/stats/extract';

// A work-report passage written for this test in the manner of provincial government work
// reports (results, then targets, then slogans and list markers). Every figure a reader would
// quote is listed; nothing else may come out.
const text = fs.readFileSync(path.join(__dirname, '../../fixtures/stats/work-report.txt'), 'utf8');
const passages = text.split('\n').filter((line) => line.trim() !== '');

const expected: Array<[text: string, value: number, unit: string, kind: string, change: string, metric: string]> = [
  ['5.9万亿', 5.9e12, '元', 'amount', '', '地区生产总值'],
  ['5.6%', 5.6, '%', 'change', 'up', '地区生产总值'],
  ['0.6个百分点', 0.6, '百分点', 'change', 'up', '地区生产总值'],
  ['4012.3亿', 4.0123e11, '元', 'amount', '', '一般公共预算收入'],
  ['3.1%', 3.1, '%', 'change', 'up', '一般公共预算收入'],
  ['71.2%', 71.2, '%', 'percent', '', '税收收入占比'],
  ['86.4万', 864_000, '人', 'count', '', '城镇新增就业'],
  ['5.1%', 5.1, '%', 'percent', '', '城镇调查失业率'],
  ['5.8%', 5.8, '%', 'change', 'up', '居民人均可支配收入'],
  ['12', 12, '年', 'streak', '', '农村居民收入'],
  ['1402.3亿', 1.4023e11, '斤', 'count', '', '粮食总产量'],
  ['7.2%', 7.2, '%', 'change', 'up', '规模以上工业增加值'],
  ['26.5%', 26.5, '%', 'percent', 'up', '高技术制造业增加值占规上工业比重'],
  ['187', 187, '家', 'count', '', '专精特新“小巨人”企业'],
  ['1053', 1053, '家', 'count', '', '总数'],
  ['3', 3, '位', 'rank', '', '总数'],
  ['2.58%', 2.58, '%', 'change', 'up', '研发经费投入强度'],
  ['百亿', 1e10, '美元', 'amount', '', '实际使用外资'],
  ['1.2万亿', 1.2e12, '元', 'amount', '', '外贸进出口总额'],
  ['2380', 2380, '个', 'count', '', '老旧小区'],
  ['41万', 410_000, '户', 'count', '', '居民'],
  ['29', 29, '微克/立方米', 'count', 'down', 'PM2.5平均浓度'],
  ['87.6%', 87.6, '%', 'percent', '', '空气质量优良天数比率'],
  ['5.5%', 5.5, '%', 'change', 'up', '地区生产总值'],
  ['80万', 800_000, '人', 'count', '', '城镇新增就业'],
  ['5.5%', 5.5, '%', 'percent', '', '城镇调查失业率'],
  ['3%', 3, '%', 'change', 'up', '居民消费价格'],
  ['1400亿', 1.4e11, '斤', 'count', '', '粮食产量'],
  ['2.5%', 2.5, '%', 'change', 'down', '单位地区生产总值能耗'],
];

describe('a work report the rules were not written on', () => {
  const stats = passages.flatMap((passage, i) => {
    const start = text.indexOf(passage);
    return extractStatistics(text, { passageId: `p${i}`, ranges: [{ start, end: start + passage.length }], report: { subject: '某省', place: '某省' }, date: '2025-01-15' });
  });

  it('finds exactly the statistics a reader would quote, with value, unit, kind and direction', () => {
    expect(stats.map((s) => [s.text, s.value, s.unit, s.kind, s.change ?? ''])).toEqual(expected.map(([t, v, u, k, c]) => [t, v, u, k, c]));
  });

  it('names what each measures (the expected phrase, or one containing it, or contained in it)', () => {
    const wrong = stats.filter((s, i) => !(s.metric.includes(expected[i][5]) || expected[i][5].includes(s.metric)) || s.metric === '');
    expect(wrong.map((s) => `${s.text}: ${s.metric}`)).toEqual([]);
  });

  it('marks targets and estimates with 左右 and 以上 as approximate, and dates the targets to this year', () => {
    const targets = stats.filter((s) => s.sentence.includes('预期目标') || s.passageId === 'p1');
    expect(targets.every((s) => s.approx)).toBe(true);
    expect(targets.every((s) => s.period === '2025年')).toBe(true);
  });
});
