import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile, Metadata } from '../../../src/core/model';
import type { AnnotateOptions } from '../../../src/core/stats/annotate';
import { METRIC_ALIASES } from '../../../src/core/stats/metricAliases';
import { MetricKeys } from '../../../src/core/stats/metricKey';
import { repoRoot, sampleSeed, statisticsOf } from '../../../scripts/eval-stats.lib';

const seed = sampleSeed(repoRoot(__dirname))!;
const original = fs.readFileSync(seed.text, 'utf8');
const load = (text: string): CorpusFile => loadCorpusFile(new TextEncoder().encode(text), '/corpus/sample.txt');
const ids = (file: CorpusFile): Map<string, string> => new Map(statisticsOf(file).map((s) => [s.id, `${s.text} ${s.metric}`]));

describe('annotateStatistics', () => {
  it('fills sections and intros with statistics whose figures point into the file text', () => {
    const file = load(original);
    const stats = statisticsOf(file);
    expect(stats.length).toBeGreaterThan(50);
    for (const s of stats) expect(file.text.slice(s.range.start, s.range.end)).toBe(s.text.replace(/\n+/g, ''));
    const intro = file.articles.flatMap((a) => a.reports).find((r) => r.intro.statistics.some((s) => s.text === '21.5%'));
    expect(intro?.author).toBe('湖北省委政法委');
    expect(intro?.intro.statistics.find((s) => s.text === '21.5%')?.subject).toBe('湖北省');
  });

  it("takes a news item's subject from the body its lead names, never from its reporters", () => {
    const news = load(original).articles.flatMap((a) => a.reports).filter((r) => r.kind === 'news');
    const subjects = news.flatMap((r) => [r.intro, ...r.sections]).flatMap((s) => s.statistics).map((s) => s.subject);
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) expect(news.some((r) => r.author && subject?.includes(r.author.split('、')[0]))).toBe(false);
    const contest = news.find((r) => r.title.includes('短视频大赛'))!;
    expect(contest.intro.statistics.map((s) => s.subject)).toContain('安徽省东至县检察院');
  });

  it('gives distinct ids that stay the same when the file is read again', () => {
    const first = ids(load(original));
    expect(first.size).toBe(statisticsOf(load(original)).length);
    expect(ids(load(original))).toEqual(first);
  });

  it('keeps the other ids when one paragraph is edited', () => {
    const before = ids(load(original));
    const edited = ids(load(original.replace('社区戒毒人员复吸率下降6.8%', '社区戒毒人员复吸率下降7.1%').replace('二、持续筑牢', '二、继续筑牢')));
    const lost = [...before].filter(([id]) => !edited.has(id)).map(([, what]) => what);
    expect(lost).toEqual(['6.8% 社区戒毒人员复吸率']);
  });
});

describe('annotateStatistics: headlines, dates, issuers and metric keys', () => {
  const page = '要闻\n\n前两个月宁波舟山港集装箱吞吐量超600万标箱\n\n本报宁波3月17日电（记者 陈立新）1—2月份，宁波舟山港完成集装箱吞吐量612.4万标准箱，同比增长8.6%。\n';
  const read = (path: string, metadata?: Metadata, options?: AnnotateOptions): CorpusFile => loadCorpusFile(new TextEncoder().encode(page), path, metadata, options);

  it('reads the figure in a headline, with its range in the title line', () => {
    const file = read('/corpus/page.txt');
    const report = file.articles.flatMap((a) => a.reports).find((r) => r.title.startsWith('前两个月'))!;
    const headline = report.intro.statistics[0];
    expect(headline).toMatchObject({ text: '600万', value: 6e6, unit: '标箱', approx: true, metric: '集装箱吞吐量', subject: '宁波舟山港' });
    expect(file.text.slice(headline.range.start, headline.range.end)).toBe('600万');
    expect(headline.range.start).toBeGreaterThanOrEqual(report.titleRange.start);
    expect(headline.range.end).toBeLessThanOrEqual(report.titleRange.end);
    expect(report.intro.statistics.map((s) => s.text)).toEqual(['600万', '612.4万', '8.6%']);
  });

  it('dates 1—2月份 by the date in the file name when nothing else states one, and by the stated date first', () => {
    const period = (file: CorpusFile): string | undefined => statisticsOf(file).find((s) => s.text === '612.4万')?.period;
    expect(period(read('/corpus/page.txt'))).toBe('1—2月');
    expect(period(read('/corpus/20250318.txt'))).toBe('2025年1—2月');
    expect(period(read('/corpus/20250318.txt', { date: '2024-03-18' }))).toBe('2024年1—2月');
  });

  it("gives a news item's figures the publication as issuer, and a report's its issuing body", () => {
    expect(statisticsOf(read('/corpus/page.txt', { publication: '宁波日报' })).every((s) => s.issuer === '宁波日报')).toBe(true);
    expect(statisticsOf(read('/corpus/page.txt')).every((s) => s.issuer === undefined)).toBe(true);
    const hubei = statisticsOf(load(original)).find((s) => s.text === '21.5%')!;
    expect(hubei).toMatchObject({ issuer: '湖北省委政法委', subject: '湖北省', metricKey: '刑事发案' });
  });

  it('keys every statistic, with the aliases it is given', () => {
    const keys = new MetricKeys([...METRIC_ALIASES, ['港口箱量', '集装箱吞吐量']]);
    expect(statisticsOf(read('/corpus/page.txt', undefined, { metricKeys: keys })).map((s) => s.metricKey)).toEqual(['港口箱量', '港口箱量', '港口箱量']);
    expect(statisticsOf(load(original)).every((s) => s.metricKey !== '' || s.metric === '')).toBe(true);
  });
});
