/**
 * One row of the statistics table: a statistic with where it stands, flattened to plain data so
 * that the CLI, the exports and the Statistics view (a browser bundle fed by messages) share it.
 */
import { mergeMetadata } from '../corpus/metadata';
import { figureText } from '../stats/label';
import type { CorpusFile, StatisticKind } from '../model';

export interface StatRow {
  id: string;
  /** The figure as written, with its unit or measure word: 60.67亿元, 8400余家. */
  figure: string;
  value: number;
  unit: string;
  kind: StatisticKind;
  approx: boolean;
  change?: 'up' | 'down';
  basis?: string;
  metric: string;
  /** The canonical name of the quantity (same key = same quantity across reports). */
  metricKey: string;
  subject?: string;
  period?: string;
  /** The report's title and its issuing body (a news item's reporters). */
  report: string;
  issuer?: string;
  /** The section title; empty for the text before a report's first section. */
  section: string;
  /** The file's path as the host names it. */
  file: string;
  /** The article's publication date (ISO, as precise as stated). */
  date?: string;
  /** The page of a paginated source (PDF), when known. */
  page?: number;
  start: number;
  end: number;
  /** The sentence holding the figure (exports and the CLI; left out of the view's messages). */
  sentence?: string;
  reportId: string;
  sectionId: string;
}

/** The rows of one file in reading order; `shownPath` names the file (the CLI shows relative paths). */
export function fileRows(file: CorpusFile, shownPath: string = file.path): StatRow[] {
  const rows: StatRow[] = [];
  for (const article of file.articles) {
    const date = mergeMetadata(file.metadata, article.metadata).date;
    for (const report of article.reports) {
      for (const section of [report.intro, ...report.sections]) {
        for (const s of section.statistics) {
          const row: StatRow = {
            id: s.id,
            figure: figureText(s),
            value: s.value,
            unit: s.unit,
            kind: s.kind,
            approx: s.approx,
            metric: s.metric,
            metricKey: s.metricKey,
            report: report.title,
            section: section === report.intro ? '' : section.title,
            file: shownPath,
            start: s.range.start,
            end: s.range.end,
            sentence: s.sentence,
            reportId: report.id,
            sectionId: section.id,
          };
          // Optional fields only where known, so that JSON and the view's messages stay small.
          if (s.change) row.change = s.change;
          if (s.basis) row.basis = s.basis;
          if (s.subject) row.subject = s.subject;
          if (s.period) row.period = s.period;
          if (s.issuer) row.issuer = s.issuer;
          if (date) row.date = date;
          if (s.page !== undefined) row.page = s.page;
          rows.push(row);
        }
      }
    }
  }
  return rows;
}
