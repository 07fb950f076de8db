import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile } from '../../../src/core/model';
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

  it("takes a news item's subject from the organ its lead names, never from its reporters", () => {
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
