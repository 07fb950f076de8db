/**
 * Whether a statistic or a passage satisfies a parsed query: the predicate the search index applies
 * to its candidates and the Statistics view applies to its rows, so both read a query alike.
 *
 * - Words and phrases must occur, folded (width and case), in the statistic's text (metric,
 *   subject, period and sentence) or the passage's text. The index matches words through its own
 *   terms and asks only for the rest ({ words: false }).
 * - Excluded words and phrases must not occur there.
 * - metric: asks metricAffinity of the metric key; subject:, period:, report: (the report's or the
 *   article's title) and file: (the path) hold a value, folded; kind: is one of the kinds; the
 *   values of one field are alternatives, and every field must hold.
 * - date: the article's date overlaps the range; a figure condition holds for the figure.
 * - Passages have no metric, subject, period, kind or figure: those conditions pass none.
 */
import type { Statistic, StatisticKind } from '../../model';
import { fold, foldName } from '../fold';
import { dateInRange } from './date';
import { figureMeets } from './figure';
import { metricAffinity, NAMES_METRIC } from './metric';
import type { FieldCondition, Query } from './parse';
import type { MetricKeys } from '../../stats/metricKey';

/** Where a statistic or passage stands. */
export interface MatchContext {
  /** The file's path (as the host names it). */
  file: string;
  report: string;
  article?: string;
  /** The article's date (ISO YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  date?: string;
}

/** What a statistic's conditions read of it. */
export interface StatisticFacts {
  value: number;
  unit: string;
  kind: StatisticKind;
  metricKey: string;
  subject?: string;
  period?: string;
}

/** What a query's conditions read of a document: where it stands, and a statistic's facts. */
export interface Facts extends MatchContext {
  /** Undefined for a passage. */
  statistic?: StatisticFacts;
}

export interface MatchOptions {
  /** Whether plain words must occur in the text (default true; the index matches them itself). */
  words?: boolean;
  /** How metric: words are keyed (default: the shipped alias table). */
  metricKeys?: MetricKeys;
}

/** A query compiled into its tests: built once, asked of many statistics or passages. */
export interface Matcher {
  /** The conditions alone (fields, dates, figures). */
  facts(facts: Facts): boolean;
  statistic(statistic: Statistic, context: MatchContext): boolean;
  /** `text` gives the passage's text (its ranges joined), asked for only when needed. */
  passage(context: MatchContext, text: () => string): boolean;
}

type Check = (facts: Facts) => boolean;

/** The tests of a query: only those it asks for. */
export function queryMatcher(query: Query, options: MatchOptions = {}): Matcher {
  const words = options.words === false ? [] : query.words.map((w) => fold(w.text));
  const phrases = query.phrases.map((p) => fold(p.text));
  const excluded = query.excluded.map((e) => fold(e.text));
  const checks: Check[] = [
    ...query.figures.map((condition): Check => (f) => (f.statistic !== undefined && figureMeets(condition, f.statistic)) !== condition.negated),
    ...query.fields.map((field): Check => {
      const test = fieldTest(field, options.metricKeys);
      return (f) => test(f) !== field.negated;
    }),
    ...query.dates.map((d): Check => (f) => dateInRange(f.date, d.from, d.to) !== d.negated),
  ];
  const conditions = (f: Facts): boolean => {
    for (const check of checks) if (!check(f)) return false;
    return true;
  };
  const textual = words.length + phrases.length + excluded.length > 0;
  const textHolds = (text: string): boolean => {
    // Most text folds to itself: it is folded only when a needle is not found as it stands.
    let folded: string | undefined;
    const has = (needle: string): boolean => text.includes(needle) || (folded ??= fold(text)).includes(needle);
    return words.every(has) && phrases.every(has) && !excluded.some(has);
  };
  return {
    facts: conditions,
    statistic: (s, context) => conditions({ ...context, statistic: statisticFacts(s) }) && (!textual || textHolds(statisticText(s))),
    passage: (context, text) => conditions(context) && (!textual || textHolds(text())),
  };
}

export function statisticFacts(statistic: Statistic): StatisticFacts {
  const { value, unit, kind, metricKey, subject, period } = statistic;
  return { value, unit, kind, metricKey, subject, period };
}

/** Whether a field holds for a document (before any negation). */
function fieldTest(field: FieldCondition, metricKeys: MetricKeys | undefined): Check {
  const values = field.values.map(fold);
  // A name (subject, period, title, path) that holds one of the values, folded.
  const holds = (name: string | undefined): boolean => {
    if (name === undefined) return false;
    // A loop, not some(): a closure over the name cost an allocation per document asked.
    const folded = foldName(name);
    for (const v of values) if (folded.includes(v)) return true;
    return false;
  };
  switch (field.field) {
    case 'metric':
      return (f) => f.statistic !== undefined && field.values.some((v) => metricAffinity(v, f.statistic!.metricKey, metricKeys) >= NAMES_METRIC);
    case 'subject':
      return (f) => holds(f.statistic?.subject);
    case 'period':
      return (f) => holds(f.statistic?.period);
    case 'kind':
      return (f) => f.statistic !== undefined && field.values.includes(f.statistic.kind);
    case 'report':
      return (f) => holds(f.report) || holds(f.article);
    case 'file':
      return (f) => holds(f.file);
  }
}

/** Matchers of the queries asked lately, with and without words. */
const matchers = new WeakMap<Query, Map<boolean, Matcher>>();

function matcherOf(query: Query, options: MatchOptions): Matcher {
  let byWords = matchers.get(query);
  if (!byWords) matchers.set(query, (byWords = new Map()));
  const words = options.words !== false;
  let matcher = byWords.get(words);
  if (!matcher) byWords.set(words, (matcher = queryMatcher(query, options)));
  return matcher;
}

/** The text a statistic's words, phrases and exclusions are looked for in. */
function statisticText(statistic: Statistic): string {
  return [statistic.metric, statistic.subject ?? '', statistic.period ?? '', statistic.sentence].join('\n');
}

export function matchesStatistic(statistic: Statistic, query: Query, context: MatchContext, options: MatchOptions = {}): boolean {
  return matcherOf(query, options).statistic(statistic, context);
}

/** `text` gives the passage's text (its ranges joined), asked for only when needed. */
export function matchesPassage(query: Query, context: MatchContext, text: () => string, options: MatchOptions = {}): boolean {
  return matcherOf(query, options).passage(context, text);
}
