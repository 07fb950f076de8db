import { mergeMetadata } from '../corpus/metadata';
import type { Article, CorpusFile, DocType, Passage, Report, Section, Statistic } from '../model';
import { dateParts } from './styles/fields';
import { IdIndex } from '../corpus/idIndex';
import { summaryOf } from '../corpus/packed';

export type { DocType } from '../model';

/**
 * One citable work: a report or news item in the corpus, with the facts a style may need. Fields
 * stay undefined when neither the metadata nor the text states them; styles show them as missing.
 */
export interface Reference {
  /** The report id: stable, so a key written into a draft resolves back to the corpus. */
  key: string;
  type: DocType;
  /** Read online (the carrier code /OL). */
  online: boolean;
  authors: string[];
  title: string;
  publication?: string;
  date?: string;
  /** 版次 of a newspaper; the page cited (引文页码) of other works. */
  page?: string;
  url?: string;
  accessed?: string;
  publisher?: string;
  place?: string;
  volume?: string;
  issue?: string;
  /** Standard, patent or report number. */
  number?: string;
  /** BCP 47 tag; "zh" when not stated. */
  language: string;
  /** "a", "b" … after the year, set by disambiguate() for works of the same authors and year. */
  yearSuffix?: string;
}

/** Where a report stands in the corpus. */
export interface ReportLocation {
  file: CorpusFile;
  article: Article;
  report: Report;
}

/** Where a statistic stands (the same shape as the VS Code service's StatisticLocation). */
export interface StatisticLocation extends ReportLocation {
  section: Section;
  statistic: Statistic;
}

export interface PassageLocation extends ReportLocation {
  section: Section;
  passage: Passage;
}

/** What the citation core needs to resolve ids written in a draft. */
export interface CiteLookup {
  statistic(id: string): StatisticLocation | undefined;
  passage(id: string): PassageLocation | undefined;
  report(id: string): ReportLocation | undefined;
}

/** A lookup over the outlined files; it then follows the corpus file by file. */
export function corpusLookup(files: Iterable<CorpusFile>): CorpusLookup {
  const lookup = new CorpusLookup();
  for (const file of files) lookup.set(file);
  return lookup;
}

/**
 * Statistics, passages and reports by id. The files are found by their summaries' ids (see
 * IdIndex: hashed as each file comes in, a few microseconds a file, where building it at the first
 * lookup would block the thread for a tenth of a second at ten thousand files) and only the file
 * holding an id is decoded, so that a corpus of ten thousand files costs its summaries, not its
 * models. A changed file is put in again and a removed one taken out: a change costs its own files.
 */
export class CorpusLookup implements CiteLookup {
  private readonly byPath = new Map<string, CorpusFile>();
  private readonly ids = new IdIndex();

  /** Puts a file in, in place of what it held before; nothing of it is decoded. */
  set(file: CorpusFile): void {
    this.byPath.set(file.path, file);
    this.ids.add(file.path, summaryOf(file).ids);
  }

  remove(path: string): void {
    this.byPath.delete(path);
    this.ids.remove(path);
  }

  file(path: string): CorpusFile | undefined {
    return this.byPath.get(path);
  }

  get size(): number {
    return this.byPath.size;
  }

  /** The files in the order they were first put in (a changed file keeps its place). */
  files(): IterableIterator<CorpusFile> {
    return this.byPath.values();
  }

  statistic(id: string): StatisticLocation | undefined {
    return this.find(id, (at) => {
      const statistic = at.section.statistics.find((s) => s.id === id);
      return statistic && { ...at, statistic };
    });
  }

  passage(id: string): PassageLocation | undefined {
    return this.find(id, (at) => {
      const passage = at.section.passages.find((p) => p.id === id);
      return passage && { ...at, passage };
    });
  }

  report(id: string): ReportLocation | undefined {
    return this.find(id, ({ file, article, report }) => (report.id === id ? { file, article, report } : undefined));
  }

  /** Every report: this decodes every file (an export of the whole corpus asks for it). */
  reports(): ReportLocation[] {
    return [...this.byPath.values()].flatMap((file) => file.articles.flatMap((article) => article.reports.map((report) => ({ file, article, report }))));
  }

  /** The first section of the files that may hold `id` (the file set last first) where `match` finds it. */
  private find<T>(id: string, match: (at: ReportLocation & { section: Section }) => T | undefined): T | undefined {
    for (const path of this.ids.candidates(id)) {
      const file = this.byPath.get(path)!;
      for (const article of file.articles)
        for (const report of article.reports)
          for (const section of [report.intro, ...report.sections]) {
            const found = match({ file, article, report, section });
            if (found) return found;
          }
    }
    return undefined;
  }
}

// Role words of a byline (本报讯(全媒体记者 闫晶晶 通讯员 …)): they name a role, not a person.
const ROLE_WORDS = /^(?:□|本报讯|本报|全媒体记者|特约记者|见习记者|记者|通讯员|实习生|文\/|图\/)+/;

/** The people or bodies a byline names, in order: "全媒体记者 陈浩培 潘志凡" → [陈浩培, 潘志凡]. */
export function parseAuthors(byline: string | undefined): string[] {
  if (!byline) return [];
  const cleaned = byline.replace(/[()（）]/g, ' ').trim();
  const names: string[] = [];
  for (const raw of cleaned.split(/[\s、,，;；]+/)) {
    const name = raw.replace(ROLE_WORDS, '').trim();
    if (name) names.push(name);
  }
  return names;
}

/**
 * The reference for a report: the file's and article's metadata (sidecar, front matter, what the
 * text states), with the report's own byline or issuing body as its authors when it has one (a page
 * holds reports by different bodies; a file-wide author list applies to reports that name none).
 * The type, when not stated, follows from the facts: a news item is a newspaper article, anything
 * else a report. A URL makes the work online (/OL) unless the metadata says it was read in print.
 * The page cited is the metadata's, else that of the statistic or passage cited (not for a
 * newspaper, whose page is its 版次).
 */
export function referenceFor(location: ReportLocation | StatisticLocation | PassageLocation): Reference {
  const { file, article, report } = location;
  const meta = mergeMetadata(file.metadata, article.metadata);
  const type: DocType = meta.type ?? (report.kind === 'news' ? 'N' : 'R');
  const online = type === 'EB' || (meta.medium ? meta.medium === 'online' : !!meta.url);
  const cited = 'statistic' in location ? location.statistic.page : 'passage' in location ? location.passage.page : undefined;
  return {
    key: report.id,
    type,
    online,
    authors: report.author ? parseAuthors(report.author) : (meta.authors ?? []),
    title: report.title,
    publication: meta.publication,
    date: meta.date,
    page: meta.page ?? (cited !== undefined && type !== 'N' ? String(cited) : undefined),
    url: meta.url,
    accessed: meta.accessed,
    publisher: meta.publisher,
    place: meta.place,
    volume: meta.volume,
    issue: meta.issue,
    number: meta.number,
    language: meta.language ?? 'zh',
  };
}

/** a … z, aa, ab …: the letter after the year of the i-th work (0-based). */
function letters(i: number): string {
  let out = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * Works of the same authors in the same year, cited in one list, are told apart by a letter after
 * the year (1997a, 1997b), assigned in order of date, then title. Returns the references with
 * `yearSuffix` set where needed, in the order given.
 */
export function disambiguate(refs: Reference[]): Reference[] {
  const groups = new Map<string, Map<string, Reference>>();
  for (const ref of refs) {
    const year = dateParts(ref.date)?.year;
    if (!year) continue;
    const id = `${ref.authors.join('\u0000')}\u0001${year}`;
    const group = groups.get(id) ?? new Map<string, Reference>();
    if (!group.has(ref.key)) group.set(ref.key, ref);
    groups.set(id, group);
  }
  const suffix = new Map<string, string>();
  for (const works of groups.values()) {
    if (works.size < 2) continue;
    const group = [...works.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title));
    group.forEach((r, i) => suffix.set(r.key, letters(i)));
  }
  return refs.map((r) => (suffix.has(r.key) ? { ...r, yearSuffix: suffix.get(r.key) } : r));
}

/** The passage of a file holding `offset` (for quotations selected in a corpus file). */
export function passageAt(file: CorpusFile, offset: number): PassageLocation | undefined {
  for (const article of file.articles) {
    for (const report of article.reports) {
      for (const section of [report.intro, ...report.sections]) {
        const passage = section.passages.find((p) => p.ranges.some((r) => r.start <= offset && offset < r.end));
        if (passage) return { file, article, report, section, passage };
      }
    }
  }
  return undefined;
}

/** The statistic whose figure covers `offset` in a corpus file. */
export function statisticAt(file: CorpusFile, offset: number): StatisticLocation | undefined {
  for (const article of file.articles) {
    for (const report of article.reports) {
      for (const section of [report.intro, ...report.sections]) {
        const statistic = section.statistics.find((s) => s.range.start <= offset && offset <= s.range.end);
        if (statistic) return { file, article, report, section, statistic };
      }
    }
  }
  return undefined;
}
