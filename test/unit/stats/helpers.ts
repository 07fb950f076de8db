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
