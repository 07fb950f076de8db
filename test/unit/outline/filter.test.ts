import { describe, expect, it } from 'vitest';
import { filterFiles, filterWords } from '../../../src/core/outline/filter';
import type { CorpusFile } from '../../../src/core/model';
import { article, file, report } from './fixture';

const corpus: CorpusFile[] = [
  file('/data/news/20221115.md', {}, [article('《新闻联播》', [report('粮食丰收', '本台记者'), report('外贸保稳提质')])]),
  file('/data/reports/hubei.txt', { publication: '检察日报' }, [
    article('交流发言摘要', [report('建强综治中心', '湖北省委政法委'), report('推进平安建设', '北京市委政法委')]),
  ]),
  file('/data/reports/ABC-notes.md', { date: '2023-05-02' }, [article('Working Notes')]),
];

/** What stays: "file › article › report" rows (an article without reports ends its row). */
function shown(files: CorpusFile[]): string[] {
  return files.flatMap((f) =>
    f.articles.flatMap((a) => {
      const row = `${f.path.split('/').pop()} › ${a.title}`;
      return a.reports.length ? a.reports.map((r) => `${row} › ${r.title}`) : [row];
    }),
  );
}

describe('the outline filter', () => {
  it('shows everything for a blank query', () => {
    expect(filterWords('  ')).toEqual([]);
    expect(filterFiles(corpus, ' ')).toEqual(corpus);
  });

  it('keeps a whole file when its name, folder, date or publication matches', () => {
    expect(filterFiles(corpus, '20221115')).toEqual([corpus[0]]);
    expect(filterFiles(corpus, '检察日报')).toEqual([corpus[1]]);
    expect(filterFiles(corpus, 'reports').map((f) => f.path)).toEqual(['/data/reports/hubei.txt', '/data/reports/ABC-notes.md']);
    // The date in metadata counts, written as ISO.
    expect(filterFiles(corpus, '2023-05').map((f) => f.path)).toEqual(['/data/reports/ABC-notes.md']);
  });

  it('keeps only the reports that match, under their article', () => {
    expect(shown(filterFiles(corpus, '湖北'))).toEqual(['hubei.txt › 交流发言摘要 › 建强综治中心']);
    expect(shown(filterFiles(corpus, '外贸'))).toEqual(['20221115.md › 《新闻联播》 › 外贸保稳提质']);
    // The corpus itself is untouched.
    expect(corpus[1].articles[0].reports).toHaveLength(2);
  });

  it('needs every word, wherever along the way it stands', () => {
    expect(shown(filterFiles(corpus, 'reports 北京'))).toEqual(['hubei.txt › 交流发言摘要 › 推进平安建设']);
    expect(shown(filterFiles(corpus, '交流发言 政法委'))).toEqual(['hubei.txt › 交流发言摘要 › 建强综治中心', 'hubei.txt › 交流发言摘要 › 推进平安建设']);
    expect(filterFiles(corpus, '湖北 粮食')).toEqual([]);
  });

  it('ignores case and full-width forms', () => {
    expect(filterFiles(corpus, 'ａｂｃ').map((f) => f.path)).toEqual(['/data/reports/ABC-notes.md']);
    expect(shown(filterFiles(corpus, 'working'))).toEqual(['ABC-notes.md › Working Notes']);
  });
});
