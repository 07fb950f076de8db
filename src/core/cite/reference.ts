import { mergeMetadata } from '../corpus/metadata';
import type { Article, CorpusFile, DocType, Passage, Report, Section, Statistic } from '../model';
import { dateParts } from './styles/fields';

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

/** Builds a lookup by walking the outlined files once; it then follows the corpus file by file. */
export function corpusLookup(files: Iterable<CorpusFile>): CorpusLookup {
  const lookup = new CorpusLookup();
  for (const file of files) lookup.set(file);
  return lookup;
}

/**
 * Statistics, passages and reports by id. A changed file is put in again and a removed one taken
 * out, so that a corpus change costs its own files, not a walk over the whole corpus.
 */
export class CorpusLookup implements CiteLookup {
  private readonly statistics = new Map<string, StatisticLocation>();
  private readonly passages = new Map<string, PassageLocation>();
  private readonly reportsById = new Map<string, ReportLocation>();
  /** The ids each file put in, to take out when it changes or goes. */
  private readonly idsOf = new Map<string, string[]>();

  /** Puts a file in, in place of what it held before. */
  set(file: CorpusFile): void {
    this.remove(file.path);
    const ids: string[] = [];
    for (const article of file.articles) {
      for (const report of article.reports) {
        this.reportsById.set(report.id, { file, article, report });
        ids.push(report.id);
        for (const section of [report.intro, ...report.sections]) {
          for (const statistic of section.statistics) {
            this.statistics.set(statistic.id, { file, article, report, section, statistic });
            ids.push(statistic.id);
          }
          for (const passage of section.passages) {
            this.passages.set(passage.id, { file, article, report, section, passage });
            ids.push(passage.id);
          }
        }
      }
    }
    this.idsOf.set(file.path, ids);
  }

  remove(path: string): void {
    for (const id of this.idsOf.get(path) ?? []) {
      // An id another file holds too (see the ids' README note) stays with that file.
      if (this.statistics.get(id)?.file.path === path) this.statistics.delete(id);
      if (this.passages.get(id)?.file.path === path) this.passages.delete(id);
      if (this.reportsById.get(id)?.file.path === path) this.reportsById.delete(id);
    }
    this.idsOf.delete(path);
  }

  statistic(id: string): StatisticLocation | undefined {
    return this.statistics.get(id);
  }

  passage(id: string): PassageLocation | undefined {
    return this.passages.get(id);
  }

  report(id: string): ReportLocation | undefined {
    return this.reportsById.get(id);
  }

  reports(): ReportLocation[] {
    return [...this.reportsById.values()];
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
