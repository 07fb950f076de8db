/**
 * Whether a statistic or a passage satisfies a parsed query: the predicate the search index applies
 * to its candidates and the Statistics view applies to its rows, so both read a query alike.
 *
 * - Words and phrases must occur, folded (width and case), in the statistic's text (metric,
 *   subject, period and sentence) or the passage's text. The index matches words through its own
 *   terms and asks only for the rest ({ words: false }).
 * - Excluded words and phrases must not occur there.
 * - metric: asks metricAffinity; subject:, period:, report: (the report's or the article's
 *   title) and file: (the path) hold a value, folded; kind: is one of the kinds; the values of one
 *   field are alternatives, and every field must hold.
 * - date: the article's date overlaps the range; a figure condition holds for the figure.
 * - Passages have no metric, subject, period, kind or figure: those conditions pass none.
 */
import type { Statistic } from '../../model';
import { fold } from '../fold';
import { dateInRange } from './date';
import { figureMeets } from './figure';
import { metricAffinity, NAMES_METRIC } from './metric';
import type { FieldCondition, Query } from './parse';

/** Where a statistic or passage stands. */
export interface MatchContext {
  /** The file's path (as the host names it). */
  file: string;
  report: string;
  article?: string;
  /** The article's date (ISO YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  date?: string;
}

export interface MatchOptions {
  /** Whether plain words must occur in the text (default true; the index matches them itself). */
  words?: boolean;
}

/** A query's texts folded once, not once per statistic. */
interface Folded {
  words: string[];
  phrases: string[];
  excluded: string[];
  fields: Array<FieldCondition & { folded: string[] }>;
}

const foldedQueries = new WeakMap<Query, Folded>();

function folded(query: Query): Folded {
  let f = foldedQueries.get(query);
  if (!f) {
    f = {
      words: query.words.map((w) => fold(w.text)),
      phrases: query.phrases.map((p) => fold(p.text)),
      excluded: query.excluded.map((e) => fold(e.text)),
      fields: query.fields.map((c) => ({ ...c, folded: c.values.map(fold) })),
    };
    foldedQueries.set(query, f);
  }
  return f;
}

/** The text a statistic's words, phrases and exclusions are looked for in. */
function statisticText(statistic: Statistic): string {
  return fold([statistic.metric, statistic.subject ?? '', statistic.period ?? '', statistic.sentence].join('\n'));
}

export function matchesStatistic(statistic: Statistic, query: Query, context: MatchContext, options: MatchOptions = {}): boolean {
  const f = folded(query);
  for (const condition of query.figures) if (figureMeets(condition, statistic) === condition.negated) return false;
  for (const field of f.fields) if (statisticField(field, statistic, context) === field.negated) return false;
  if (!datesHold(query, context)) return false;
  return textHolds(f, () => statisticText(statistic), options);
}

/** `text` gives the passage's text (its ranges joined), asked for only when needed. */
export function matchesPassage(query: Query, context: MatchContext, text: () => string, options: MatchOptions = {}): boolean {
  const f = folded(query);
  if (query.figures.some((c) => !c.negated)) return false;
  for (const field of f.fields) if (placeField(field, context) === field.negated) return false;
  if (!datesHold(query, context)) return false;
  return textHolds(f, () => fold(text()), options);
}

function statisticField(field: Folded['fields'][number], statistic: Statistic, context: MatchContext): boolean {
  const any = (value: string | undefined): boolean => value !== undefined && field.folded.some((v) => fold(value).includes(v));
  switch (field.field) {
    case 'metric':
      return field.values.some((v) => metricAffinity(v, statistic) >= NAMES_METRIC);
    case 'subject':
      return any(statistic.subject);
    case 'period':
      return any(statistic.period);
    case 'kind':
      return field.values.includes(statistic.kind);
    default:
      return placeField(field, context);
  }
}

/** report: and file:, the fields a passage has too (the others it has not). */
function placeField(field: Folded['fields'][number], context: MatchContext): boolean {
  const any = (value: string | undefined): boolean => value !== undefined && field.folded.some((v) => fold(value).includes(v));
  if (field.field === 'report') return any(context.report) || any(context.article);
  if (field.field === 'file') return any(context.file);
  return false;
}

function datesHold(query: Query, context: MatchContext): boolean {
  return query.dates.every((d) => dateInRange(context.date, d.from, d.to) !== d.negated);
}

function textHolds(f: Folded, text: () => string, options: MatchOptions): boolean {
  const words = options.words === false ? [] : f.words;
  if (!words.length && !f.phrases.length && !f.excluded.length) return true;
  const t = text();
  return words.every((w) => t.includes(w)) && f.phrases.every((p) => t.includes(p)) && !f.excluded.some((e) => t.includes(e));
}
