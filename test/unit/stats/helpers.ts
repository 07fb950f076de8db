import { sectionsOf } from '../../../src/core/corpus/walk';
import { loadCorpusFile } from '../../../src/core/load';
import type { Metadata, Statistic } from '../../../src/core/model';
import { extractStatistics, type ExtractedStatistic } from '../../../src/core/stats/extract';

/** Extracts from one sentence standing alone as a passage. */
export function extract(text: string, date?: string): ExtractedStatistic[] {
  return extractStatistics(text, { passageId: 'p1', ranges: [{ start: 0, end: text.length }], report: { subject: '某省', place: '某省' }, date });
}

/** The one statistic whose figure text is `figure`. */
export function figure(text: string, figureText: string, date?: string): ExtractedStatistic {
  const found = extract(text, date).filter((s) => s.text === figureText);
  if (found.length !== 1) throw new Error(`expected one statistic '${figureText}' in ${text}, got ${found.length}: ${extract(text, date).map((s) => s.text).join(', ')}`);
  return found[0];
}

/** Every statistic of a whole corpus file read from `text` (title, issuing body, sections), in order. */
export function statisticsIn(text: string, path = '/corpus/report.txt', metadata?: Metadata): Statistic[] {
  const file = loadCorpusFile(new TextEncoder().encode(text), path, metadata);
  return [...sectionsOf(file)].flatMap(({ section }) => section.statistics);
}
