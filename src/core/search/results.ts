/**
 * Which located documents a query keeps, and what a kept one looks like as a result: the model's
 * side of a search (the index's side, which documents match the words, is in index.ts).
 */
import type { SourceRange } from '../model';
import type { MetricKeys } from '../stats/metricKey';
import type { Entry } from './arrange';
import { sentenceRanges, type Hit } from './documents';
import { queryMatcher, type MatchContext } from './query/match';
import type { Query } from './query/parse';
import { makeSnippet } from './snippet';
import type { SearchOptions, SearchResult } from './types';

/**
 * Whether a document located in the model is a result: in the scope of the options and meeting
 * the query's conditions (its words the index has matched itself).
 */
export function admitter(query: Query, options: SearchOptions, statisticsOnly: boolean, metricKeys?: MetricKeys): (hit: Hit) => boolean {
  const { articleId, reportId } = options;
  const conditions = query.phrases.length + query.excluded.length + query.fields.length + query.dates.length + query.figures.length > 0;
  // Where a document stands matters to report:, file: and date: alone.
  const placed = query.dates.length > 0 || query.fields.some((f) => f.field === 'report' || f.field === 'file');
  const nowhere: MatchContext = { file: '', report: '' };
  const matcher = queryMatcher(query, { words: false, metricKeys });
  return (hit) => {
    if ((statisticsOnly && hit.kind !== 'statistic') || (articleId && hit.article.id !== articleId) || (reportId && hit.report.id !== reportId)) return false;
    if (!conditions) return true;
    const context: MatchContext = placed
      ? { file: hit.file.path, report: hit.report.title, article: hit.article.title, date: hit.article.metadata.date ?? hit.file.metadata.date }
      : nowhere;
    if (hit.statistic) return matcher.statistic(hit.statistic, context);
    const { text } = hit.file;
    return matcher.passage(context, () => hit.passage!.ranges.map((r) => text.slice(r.start, r.end)).join(''));
  };
}

/** A ranked document as the user sees it: where it stands, its snippet with the matches marked, and its score. */
export function searchResult({ hit, ranked }: Entry, terms: string[], fold: (s: string) => string): SearchResult {
  const { file, statistic, passage } = hit;
  const ranges = statistic ? sentenceRanges(hit.section, statistic) : passage!.ranges;
  const snippet = makeSnippet(file.text, ranges, terms, fold);
  const extent: SourceRange = statistic ? statistic.range : { start: ranges[0].start, end: ranges[ranges.length - 1].end };
  const page = (statistic ?? passage)!.page;
  return {
    id: statistic ? statistic.id : passage!.id,
    kind: hit.kind,
    file: file.path,
    start: extent.start,
    end: extent.end,
    ...(page === undefined ? {} : { page }),
    match: statistic ? statistic.range : (snippet.match ?? ranges[0]),
    article: hit.article.title,
    report: hit.report.title,
    section: hit.section === hit.report.intro ? '' : hit.section.title,
    snippet: snippet.text,
    highlights: snippet.highlights,
    score: ranked.score,
  };
}

/** What a query asks of a document's text: its phrases and exclusions. */
export function textual(query: Query): Query {
  return { ...query, words: [], fields: [], dates: [], figures: [] };
}
