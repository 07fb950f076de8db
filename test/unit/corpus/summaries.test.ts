/**
 * The extension host holds every file as a lazy shell (packed.ts): what runs without the user
 * asking for a file's content (the outline's first level and its counts, the lookup by id being
 * filled) must read the shells' summaries, never decode them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusLookup, CorpusLookup } from '../../../src/core/cite/reference';
import { lazyFile, pack, summaryOf } from '../../../src/core/corpus/packed';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile, Passage, Statistic } from '../../../src/core/model';
import { fileDate } from '../../../src/core/outline/dates';
import { filterFiles } from '../../../src/core/outline/filter';
import { groupFiles, type GroupEntry, type OutlineEntry } from '../../../src/core/outline/group';
import { childrenOf, topEntries } from '../../../src/vscode/outline/children';
import { fileStatistics } from '../../../src/vscode/outline/nodes';

const SEED = path.resolve(__dirname, '../../../../shared/corpus/seed/000_fadfd726848b77a0.txt');
const bytes = readFileSync(SEED);

/** The seed file as the corpus file at `at`, its articles dated `date` (ids follow the path). */
function seedAt(at: string, date?: string): CorpusFile {
  const file = loadCorpusFile(bytes, at);
  if (date) file.articles.forEach((a) => (a.metadata = { ...a.metadata, date }));
  return file;
}

const page = (at: string, title: string, sentence: string): CorpusFile => loadCorpusFile(new TextEncoder().encode(`${title}\n\n${sentence}\n`), at);

/** A shell whose bytes are no deflated stream (block type 3 is reserved): any decode of it throws. */
function unreadable(file: CorpusFile): CorpusFile {
  const packed = pack(file);
  return lazyFile({ ...packed, bytes: new Uint8Array(packed.bytes.length).fill(0xff) });
}

/** A corpus of dated and undated files in two folders, with and without statistics. */
function corpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (let day = 1; day <= 12; day++) files.push(seedAt(`/c/corpus/news/2022-03-${String(day).padStart(2, '0')}.txt`));
  for (let n = 0; n < 6; n++) files.push(seedAt(`/c/corpus/reports/r${n}.txt`, n < 4 ? `2021-0${n + 1}-15` : undefined));
  files.push(page('/c/corpus/reports/empty.txt', '说明', '本文不含数字。'));
  return files;
}

const statisticsOf = (file: CorpusFile): Statistic[] => file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.statistics)));
const passagesOf = (file: CorpusFile): Passage[] => file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.passages)));
const groupsIn = (entries: OutlineEntry[]): GroupEntry[] => entries.flatMap((e) => (e.kind === 'file' ? [] : [e, ...groupsIn(e.children)]));

describe('the outline and the lookup by id read summaries, not models', () => {
  it('group, date, count and take in files none of which can be decoded', () => {
    const models = corpus();
    const shells = models.map(unreadable);
    expect(() => shells[0].articles).toThrow(/invalid block type/);

    expect(shells.map((f) => fileDate(f))).toEqual(models.map((f) => fileDate(f)));
    expect(fileDate(shells[12])).toEqual({ year: 2021, month: 1, day: 15 });
    expect(shells.map(fileStatistics)).toEqual(models.map((f) => statisticsOf(f).length));
    expect(shells.map((f) => summaryOf(f).articles.length)).toEqual(models.map((f) => f.articles.length));

    for (const by of ['auto', 'date', 'folder'] as const) {
      const top = topEntries(shells, '', true, by, fileStatistics);
      const expected = groupFiles(filterFiles(models, '').filter((f) => statisticsOf(f).length > 0), by);
      expect(childrenOf(undefined, top, true).map((n) => n.key)).toEqual(childrenOf(undefined, expected, true).map((n) => n.key));
      const counts = (entries: OutlineEntry[]): number[] => groupsIn(entries).map((g) => g.files.reduce((n, f) => n + fileStatistics(f), 0));
      expect(counts(top)).toEqual(counts(expected));
    }

    const lookup = corpusLookup(shells);
    lookup.set(unreadable(seedAt('/c/corpus/news/2022-03-01.txt')));
    lookup.remove('/c/corpus/reports/r0.txt');
    expect(lookup.size).toBe(models.length - 1);
  });

  it('still resolve every statistic, passage and report to where it stands', () => {
    const models = corpus();
    const shells = models.map((f) => lazyFile(pack(f)));
    const lookup = corpusLookup(shells);
    models.forEach((model, i) => {
      for (const statistic of statisticsOf(model)) {
        const found = lookup.statistic(statistic.id);
        expect(found?.file).toBe(shells[i]);
        expect(found?.statistic).toEqual(statistic);
        expect(found?.section.statistics).toContain(found?.statistic);
      }
      for (const passage of passagesOf(model)) expect(lookup.passage(passage.id)?.passage).toEqual(passage);
      for (const report of model.articles.flatMap((a) => a.reports)) {
        const found = lookup.report(report.id);
        expect(found?.file).toBe(shells[i]);
        expect(found?.report.title).toBe(report.title);
        expect(found?.article.reports.map((r) => r.id)).toContain(report.id);
      }
    });
    expect(lookup.statistic('stat-0')).toBeUndefined();
    expect(lookup.report(statisticsOf(models[0])[0].id)).toBeUndefined();
  });

  it('follow the corpus file by file once built: changed, removed and added files', () => {
    const lookup = new CorpusLookup();
    const hubei = page('/c/hubei.txt', '湖北政法工作报告', '去年湖北刑事发案同比下降21.5%。');
    lookup.set(lazyFile(pack(hubei)));
    const [old] = statisticsOf(hubei);
    expect(lookup.statistic(old.id)?.statistic.value).toBe(21.5);

    const edited = lazyFile(pack(page('/c/hubei.txt', '湖北政法工作报告', '去年湖北刑事发案同比下降23.5%。')));
    lookup.set(edited);
    const added = Array.from({ length: 200 }, (_, i) => lazyFile(pack(seedAt(`/c/corpus/more/${i}.txt`))));
    added.forEach((f) => lookup.set(f));
    expect(lookup.statistic(old.id)).toBeUndefined();
    expect(lookup.statistic(statisticsOf(edited)[0].id)?.statistic.value).toBe(23.5);
    for (const f of [added[0], added[199]]) expect(lookup.statistic(statisticsOf(f).at(-1)!.id)?.file).toBe(f);

    lookup.remove('/c/corpus/more/0.txt');
    expect(lookup.statistic(statisticsOf(added[0])[0].id)).toBeUndefined();
    expect(lookup.reports()).toHaveLength(1 + 199 * added[1].articles.flatMap((a) => a.reports).length);
  });

  it('give an id two files hold to the one put in last, and to the other once that one is gone', () => {
    // The same name outside any corpus folder: the same ids (the engine warns of such pairs).
    const a = lazyFile(pack(page('/a/same.txt', '报告', '发案下降21.5%。')));
    const b = lazyFile(pack(page('/b/same.txt', '报告', '发案下降21.5%。')));
    const [id] = statisticsOf(a).map((s) => s.id);
    expect(statisticsOf(b)[0].id).toBe(id);
    const lookup = corpusLookup([a, b]);
    expect(lookup.statistic(id)?.file).toBe(b);
    lookup.remove('/b/same.txt');
    expect(lookup.statistic(id)?.file).toBe(a);
  });
});
