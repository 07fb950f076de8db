import { isoText, nameDate } from '../corpus/dates';
import { baseName } from '../corpus/text';
import { passageText } from '../corpus/walk';
import { OccurrenceCounter, stableId } from '../ids';
import type { Article, CorpusFile, Report, Section, SourceRange, Statistic } from '../model';
import { extractStatistics, type ExtractedStatistic } from './extract';
import { SHIPPED_METRIC_KEYS, type MetricKeys } from './metricKey';
import { timesIn } from './period';
import { reportSubject, type ReportSubject } from './subject';
import { openingOf, type Topic } from './topic';

export interface AnnotateOptions {
  /** Metric keys with the user's aliases; the shipped table when not given. */
  metricKeys?: MetricKeys;
}

/**
 * Fills the `statistics` of every section (and of each report's intro) from its passages and from
 * the headings above them (a headline such as …吞吐量超600万标箱 is a statistic of its report). Ids
 * hash the section id, the figure, the metric and the occurrence among equal ones in the section —
 * never offsets — so they survive re-reading and edits elsewhere in the file.
 */
export function annotateStatistics(file: CorpusFile, options: AnnotateOptions = {}): void {
  const keys = options.metricKeys ?? SHIPPED_METRIC_KEYS;
  for (const article of file.articles) {
    // The date resolves 去年 and 1—11月份; a date in the file name does when nothing states one.
    const named = nameDate(baseName(file.path));
    const date = article.metadata.date ?? file.metadata.date ?? (named && isoText(named));
    for (const report of article.reports) {
      const issuer = issuerOf(article, report);
      // Found when a statistic first needs it: most news items of a transcript have none.
      let found: ReportSubject | undefined;
      const subject = (): ReportSubject => (found ??= reportSubject(report.kind === 'report' ? issuer : undefined, leadOf(file, report)));
      const about: ReportSubject = { get place() { return subject().place; }, get subject() { return subject().subject; }, get body() { return subject().body; } };
      // The headline's time (2024年…统计公报, 前两个月…) dates what its sections do not date themselves.
      const period = timesIn(report.title, date, []).find((t) => t.partOf === undefined)?.period;
      const context: SectionContext = { text: file.text, report: about, date, issuer, keys, period };
      // A time an opening paragraph starts with (2025年，全省法院…) dates the sections that set none.
      const opening = annotateSection(context, report.intro, { id: report.id, ranges: [report.titleRange], headline: true });
      const sections: SectionContext = { ...context, period: report.sections.length ? openingOf(opening) ?? period : period };
      for (const section of report.sections) annotateSection(sections, section, { id: section.id, ranges: section.titleRanges, headline: false });
    }
  }
}

/** The opening of a report's text: its first two passages, up to 400 characters of each. */
function leadOf(file: CorpusFile, report: Report): string {
  const passages: string[] = [];
  for (const section of [report.intro, ...report.sections]) {
    for (const passage of section.passages) {
      passages.push(passageText(file, passage).slice(0, 400));
      if (passages.length === 2) return passages.join('\n');
    }
  }
  return passages.join('\n');
}

/**
 * Who issued a report: its issuing body (the line under its title, else the one corporate author
 * the metadata states); for a news item, the publication it appeared in.
 */
function issuerOf(article: Article, report: Report): string | undefined {
  if (report.kind === 'news') return article.metadata.publication;
  const authors = article.metadata.authors;
  return report.author ?? (authors?.length === 1 ? authors[0] : undefined);
}

interface SectionContext {
  text: string;
  report: ReportSubject;
  date?: string;
  issuer?: string;
  keys: MetricKeys;
  /** The time of the report's headline, in force until a section sets its own. */
  period?: string;
}

/** Digits, or Chinese numerals as figures use them (三成, 两倍, 四分之三, 六百万): the rest of a heading holds none. */
const MAY_HOLD_FIGURE = /[0-9０-９]|[一二两三四五六七八九十][成倍]|分之|[一二两三四五六七八九十百千][万亿]|百分之|第一|首位/;

/** The heading above a section's passages: a report's headline, or a section's heading. */
interface Heading {
  id: string;
  ranges: SourceRange[];
  headline: boolean;
}

/** Fills the section's statistics; returns what its passages leave in force. */
function annotateSection(context: SectionContext, section: Section, heading: Heading): Topic {
  const counter = new OccurrenceCounter();
  // A report's opening paragraphs, up to its first figures, may set the time of its sections.
  const topic: Topic = { period: context.period, readsOpening: heading.headline };
  section.statistics = [];
  const add = (stats: ExtractedStatistic[]): void => {
    for (const stat of stats) {
      const key = `${stat.text}\u0000${stat.metric}`;
      const full: Statistic = { id: stableId('stat', section.id, stat.text, stat.metric, counter.next(key)), ...stat };
      if (context.issuer) full.issuer = context.issuer;
      section.statistics.push(full);
    }
  };
  // A heading's time dates its section (一、2024年工作回顾); a report's headline dates nothing after it.
  // A heading written into its first paragraph (一、…。body) is read with the paragraph.
  const ranges = heading.ranges.filter((r) => r.end > r.start && !section.passages.some((p) => p.ranges.some((q) => q.start < r.end && r.start < q.end)));
  // Most headings hold no figure at all: leave them unread.
  if (ranges.length && ranges.some((r) => MAY_HOLD_FIGURE.test(context.text.slice(r.start, r.end)))) {
    const passageId = `${heading.id}#heading`;
    add(extractStatistics(context.text, { passageId, ranges, report: context.report, date: context.date, topic: heading.headline ? {} : topic, keys: context.keys }));
  }
  for (const passage of section.passages) {
    if (passage.ranges.length === 0) continue;
    add(extractStatistics(context.text, { passageId: passage.id, ranges: passage.ranges, report: context.report, date: context.date, topic, keys: context.keys }));
  }
  return topic;
}
