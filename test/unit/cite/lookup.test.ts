import { describe, expect, it } from 'vitest';
import { corpusLookup } from '../../../src/core/cite/reference';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile } from '../../../src/core/model';

const page = (path: string, title: string, sentence: string): CorpusFile => loadCorpusFile(new TextEncoder().encode(`${title}\n\n${sentence}\n`), path);
const statistics = (file: CorpusFile) => file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.statistics)));

describe('corpusLookup follows the corpus file by file', () => {
  it('a changed file replaces what it held; a removed one leaves; the others stay', () => {
    const hubei = page('/c/hubei.txt', '湖北政法工作报告', '去年湖北刑事发案同比下降21.5%。');
    const fujian = page('/c/fujian.txt', '福建政法工作报告', '福建未成年人犯罪人数下降35.4%。');
    const lookup = corpusLookup([hubei, fujian]);
    const [old] = statistics(hubei);
    expect(lookup.statistic(old.id)?.statistic.value).toBe(21.5);

    const edited = page('/c/hubei.txt', '湖北政法工作报告', '去年湖北刑事发案同比下降23.5%。');
    lookup.set(edited);
    const [now] = statistics(edited);
    expect(now.id).not.toBe(old.id);
    expect(lookup.statistic(old.id)).toBeUndefined();
    expect(lookup.statistic(now.id)?.statistic.value).toBe(23.5);
    expect(lookup.reports()).toHaveLength(2);

    lookup.remove('/c/fujian.txt');
    expect(lookup.statistic(statistics(fujian)[0].id)).toBeUndefined();
    expect(lookup.reports().map((r) => r.file.path)).toEqual(['/c/hubei.txt']);
    expect(lookup.statistic(now.id)?.file).toBe(edited);
  });
});
