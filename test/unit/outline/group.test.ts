import { describe, expect, it } from 'vitest';
import { nameDate } from '../../../src/core/corpus/dates';
import { fileDate } from '../../../src/core/outline/dates';
import { FLAT_LIMIT, groupFiles, type GroupEntry, type OutlineEntry } from '../../../src/core/outline/group';
import { article, daily, file } from './fixture';

/** The tree as "label (count)" lines, files by name: what the outline would show, fully expanded. */
function shape(entries: OutlineEntry[], depth = 0): string[] {
  return entries.flatMap((e) => {
    const pad = '  '.repeat(depth);
    if (e.kind === 'file') return [`${pad}${e.file.path.split('/').pop()}`];
    const label = e.kind === 'folder' ? e.name : e.kind === 'year' ? String(e.year) : e.kind === 'month' ? `${e.year}-${e.month}` : 'undated';
    return [`${pad}${label} (${e.files.length})`, ...shape(e.children, depth + 1)];
  });
}
const groups = (entries: OutlineEntry[]): GroupEntry[] => entries.filter((e): e is GroupEntry => e.kind !== 'file');
const labelsOf = (entries: OutlineEntry[]): string[] => shape(entries).filter((l) => !l.startsWith(' '));

describe('the date a file is about', () => {
  it('is read from names written in the usual ways', () => {
    expect(nameDate('20221115')).toEqual({ year: 2022, month: 11, day: 15 });
    expect(nameDate('news_20221115')).toEqual({ year: 2022, month: 11, day: 15 });
    expect(nameDate('rmrb20221115')).toEqual({ year: 2022, month: 11, day: 15 });
    expect(nameDate('2022-11-15-政法工作')).toEqual({ year: 2022, month: 11, day: 15 });
    expect(nameDate('2022.1.5')).toEqual({ year: 2022, month: 1, day: 5 });
    expect(nameDate('2022年11月15日 交流发言')).toEqual({ year: 2022, month: 11, day: 15 });
    expect(nameDate('2022年11月 月报')).toEqual({ year: 2022, month: 11 });
    expect(nameDate('report_2022-11')).toEqual({ year: 2022, month: 11 });
  });

  it('is not read from numbers that are no date', () => {
    for (const name of ['000_fadfd726848b77a0', '3f20221115a9', '20221131', '2022-13-01', 'report-001', '120221115', '18991231', 'v2']) {
      expect(nameDate(name), name).toBeUndefined();
    }
  });

  it('comes from the metadata first, then the name', () => {
    expect(fileDate(file('/c/20221115.md', { date: '2023-05-02' }))).toEqual({ year: 2023, month: 5, day: 2 });
    expect(fileDate(file('/c/a.md', { date: '2023' }))).toEqual({ year: 2023 });
    expect(fileDate(file('/c/a.md', {}, [article('题', [], { date: '2021-07' })]))).toEqual({ year: 2021, month: 7 });
    expect(fileDate(file('/c/20221115.md'))).toEqual({ year: 2022, month: 11, day: 15 });
    expect(fileDate(file('/c/notes.md'))).toBeUndefined();
  });
});

describe('grouping the outline', () => {
  it('leaves a handful of files flat, in natural order', () => {
    const files = [file('/c/a/note-10.md'), file('/c/b/note-2.md'), file('/c/a/note-1.md')];
    expect(shape(groupFiles(files, 'auto'))).toEqual(['note-1.md', 'note-10.md', 'note-2.md']);
    expect(groupFiles(daily('/c', '2022-01-01', FLAT_LIMIT), 'auto').every((e) => e.kind === 'file')).toBe(true);
  });

  it('splits a folder of dated files by year, and a big year by month', () => {
    // 2021: 10 days (stays a flat year), 2022: 40 days over two months.
    const files = [...daily('/c/news', '2021-12-22', 10), ...daily('/c/news', '2022-01-01', 40)];
    expect(shape(groupFiles(files, 'auto')).filter((l) => !l.endsWith('.md'))).toEqual(['2021 (10)', '2022 (40)', '  2022-1 (31)', '  2022-2 (9)']);
    const [y2021] = groups(groupFiles(files, 'auto'));
    expect(y2021.children.map((c) => c.kind)).toEqual(Array(10).fill('file'));
  });

  it('leaves out a level that would hold one group', () => {
    // All in 2022: its months stand at the top.
    expect(labelsOf(groupFiles(daily('/c/news', '2022-03-01', 45), 'auto'))).toEqual(['2022-3 (31)', '2022-4 (14)']);
  });

  it('groups by folder, folders holding only a folder as one row, each with its count', () => {
    const files = [
      ...daily('/data/archive/xwlb', '2022-01-20', 30),
      file('/data/archive/reports/gov/2023/work.md'),
      file('/data/archive/reports/gov/2023/budget.md'),
      file('/data/archive/readme.md'),
    ];
    expect(shape(groupFiles(files, 'auto')).filter((l) => !/\d{8}\.md$/.test(l))).toEqual([
      'reports/gov/2023 (2)',
      '  budget.md',
      '  work.md',
      'xwlb (30)',
      '  2022-1 (12)',
      '  2022-2 (18)',
      'readme.md',
    ]);
  });

  it('puts the undated last where most files carry a date', () => {
    const files = [...daily('/c', '2022-01-01', 25), ...Array.from({ length: 5 }, (_, i) => file(`/c/note-${i}.md`))];
    const top = groupFiles(files, 'auto');
    // One month in the year: no month level under it.
    expect(labelsOf(top)).toEqual(['2022 (25)', 'undated (5)']);
    expect(groups(top)[0].children.every((c) => c.kind === 'file')).toBe(true);
    // Mostly undated: no dates at all.
    const undated = [...daily('/d', '2022-01-01', 5), ...Array.from({ length: 25 }, (_, i) => file(`/d/note-${i}.md`))];
    expect(groupFiles(undated, 'auto').every((e) => e.kind === 'file')).toBe(true);
  });

  it('follows the setting: folders only, dates only (both levels always), or none', () => {
    const files = [...daily('/c/a', '2021-12-30', 4), file('/c/b/x.md', { date: '2022-02-01' }), file('/c/b/y.md')];
    expect(shape(groupFiles(files, 'folder')).filter((l) => !l.startsWith('  '))).toEqual(['a (4)', 'b (2)']);
    expect(shape(groupFiles(files, 'date')).filter((l) => !l.endsWith('.md'))).toEqual([
      '2021 (2)',
      '  2021-12 (2)',
      '2022 (3)',
      '  2022-1 (2)',
      '  2022-2 (1)',
      'undated (1)',
    ]);
    expect(groupFiles(files, 'none').map((e) => e.kind)).toEqual(Array(6).fill('file'));
  });

  it('counts every file under a group, and keys every group once', () => {
    const files = [...daily('/c/news', '2019-01-01', 800), ...daily('/c/other', '2019-01-01', 30)];
    const all: GroupEntry[] = [];
    const walk = (entries: OutlineEntry[]): void => groups(entries).forEach((g) => (all.push(g), walk(g.children)));
    walk(groupFiles(files, 'auto'));
    for (const g of all) {
      const below = (e: OutlineEntry): number => (e.kind === 'file' ? 1 : e.children.reduce((n, c) => n + below(c), 0));
      expect(g.files.length).toBe(below(g));
    }
    expect(new Set(all.map((g) => g.key)).size).toBe(all.length);
    const news = all.find((g) => g.name === 'news')!;
    expect(groups(news.children).map((g) => `${g.year}:${g.files.length}`)).toEqual(['2019:365', '2020:366', '2021:69']);
  });
});
