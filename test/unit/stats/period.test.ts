import { describe, expect, it } from 'vitest';
import { extractStatistics } from '../../../src/core/stats/extract';
import type { Topic } from '../../../src/core/stats/topic';
import { figure, statisticsIn } from './helpers';

// When a figure is of, on report and news wording the first rules were not written for. Every
// sentence is written for this test in the manner of work reports and news.
const paragraphs = (text: string, date: string) => {
  const topic: Topic = {};
  return text.split('\n').flatMap((line) => {
    const start = text.indexOf(line);
    return extractStatistics(text, { passageId: line, ranges: [{ start, end: start + line.length }], date, topic, report: { place: '四川省', subject: '四川省' } });
  });
};

describe('period: days, spans over two months and event moments in news', () => {
  it('a day alone is of the article\'s month (截至18日, 16日，…); left as written without a date', () => {
    expect(figure('截至18日12时，地震已造成3人遇难。', '3', '2025-08-18').period).toBe('2025年8月18日');
    expect(figure('16日，中央财政下达救灾资金2.5亿元。', '2.5亿', '2025-08-18').period).toBe('2025年8月16日');
    expect(figure('截至18日12时，地震已造成3人遇难。', '3').period).toBe('18日');
  });

  it('a day after the article\'s day is of the month before (截至28日 on 2 March → 2月28日)', () => {
    expect(figure('截至28日，累计发送旅客5.2亿人次。', '5.2亿', '2025-03-02').period).toBe('2025年2月28日');
  });

  it('a span from one month\'s day to another\'s is one period (7月1日至8月17日)', () => {
    expect(figure('7月1日至8月17日，全国铁路累计发送旅客5.36亿人次。', '5.36亿', '2025-08-18').period).toBe('2025年7月1日—8月17日');
  });

  it('the moment of an event (8月17日22时14分) dates no figure after it; a running total does', () => {
    const stats = paragraphs('8月17日22时14分，会东县发生5.2级地震。截至18日12时，地震已造成3人遇难、27人受伤。\n地震发生后，消防救援总队调派412名指战员赶赴震区。', '2025-08-18');
    expect(stats.map((s) => [s.text, s.period])).toEqual([['3', '2025年8月18日'], ['27', '2025年8月18日'], ['412', '2025年8月18日']]);
  });

  it('the time a multiple is of (是去年全年的1.5倍) is its base, not its period', () => {
    const stats = paragraphs('上半年，公司交付新车18.2万辆，其中出口3.4万辆，是去年全年的1.5倍。', '2025-08-06');
    expect(stats.map((s) => [s.text, s.period])).toEqual([['18.2万', '2025年上半年'], ['3.4万', '2025年上半年'], ['1.5', '2025年上半年']]);
    // Stated for itself, the time is the figure's: 去年全年的出口为2.3万辆.
    expect(figure('去年全年的出口为2.3万辆。', '2.3万', '2025-08-06').period).toBe('2024年');
  });
});

describe('period: a report\'s opening time dates its sections', () => {
  const court = `四川省高级人民法院工作报告
四川省高级人民法院

2025年，全省法院受理案件186.4万件，审结172.9万件。

一、依法惩治犯罪

全省法院审结一审刑事案件6.8万件。

二、服务高质量发展

一项调查显示，近九成受访企业对司法服务表示满意。审结破产案件1320件。
`;

  it('the year set in the opening paragraph dates the sections that set none; a new source is not dated', () => {
    const stats = statisticsIn(court, '/corpus/court.txt', { date: '2026-01-27' });
    expect(stats.map((s) => [s.text, s.period])).toEqual([
      ['186.4万', '2025年'], ['172.9万', '2025年'], ['6.8万', '2025年'], ['九成', undefined], ['1320', '2025年'],
    ]);
  });

  it('a section heading with its own year still wins', () => {
    const report = `甘肃省政府工作报告
甘肃省人民政府

过去一年，全省地区生产总值增长5.8%。

二、2026年主要目标

地区生产总值增长5.5%左右。
`;
    expect(statisticsIn(report, '/corpus/gov.txt', { date: '2026-01-24' }).map((s) => [s.text, s.period])).toEqual([['5.8%', '2025年'], ['5.5%', '2026年']]);
  });
});
