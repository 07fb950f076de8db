/**
 * Which ranked documents become results, in which order:
 * - the figures of one sentence match a query alike (they share its words); the figures whose
 *   metric the query names stand for the sentence, best named first, and the others are left out;
 *   when the query names none of them, those that meet its conditions on statistics (下降 >20%)
 *   or, without such conditions, the best ranked one stands for it;
 * - a passage whose every match lies in the sentences of its statistics among the results says
 *   nothing more than they do: it is folded into them (they take its place when it ranked higher).
 */
import type { Passage, Statistic } from '../model';
import type { MetricKeys } from '../stats/metricKey';
import type { Ranked } from './best';
import type { Hit } from './documents';
import { metricAffinity, NAMES_METRIC } from './query/metric';
import { asksForStatistics, type Query } from './query/parse';
import { termOccurrences } from './snippet';

export interface Entry {
  hit: Hit;
  ranked: Ranked;
}

/**
 * @param found ranked documents that passed the query's conditions, best first
 * @param accepts whether a document passes the query's conditions (for a sentence's other figures)
 * @param highlight the folded terms and phrases a snippet marks
 */
export function arrange(
  found: Entry[],
  query: Query,
  accepts: (hit: Hit) => boolean,
  highlight: (entry: Entry) => string[],
  fold: (s: string) => string,
  metricKeys?: MetricKeys,
): Entry[] {
  const named = metricNames(query);
  const gradeOf = (s: Statistic) => grade(named, s, metricKeys);
  const conditions = asksForStatistics(query);
  // A sentence is known by its passage and where it starts.
  const sentences = new Map<Passage['id'], Map<number, Entry[]>>();
  const sentenceOf = ({ hit }: Entry): Entry[] => {
    const { passageId, sentenceRange } = hit.statistic!;
    let starts = sentences.get(passageId);
    if (!starts) sentences.set(passageId, (starts = new Map()));
    let entries = starts.get(sentenceRange.start);
    if (!entries) starts.set(sentenceRange.start, (entries = []));
    return entries;
  };
  for (const entry of found) if (entry.hit.statistic) sentenceOf(entry).push(entry);
  const out: Entry[] = [];
  for (const entry of found) {
    if (!entry.hit.statistic) out.push(entry);
    else {
      const sentence = sentenceOf(entry);
      if (sentence[0] === entry) out.push(...standIns(entry, gradeOf, accepts, conditions ? sentence : [entry]));
    }
  }
  return foldPassages(out, highlight, fold);
}

/**
 * The figures that stand for the sentence of a ranked statistic: those the query names, else
 * `otherwise` (the sentence's ranked figures that meet the conditions, or the best alone).
 */
function standIns(entry: Entry, gradeOf: (s: Statistic) => Grade, accepts: (hit: Hit) => boolean, otherwise: Entry[]): Entry[] {
  const { hit } = entry;
  const statistic = hit.statistic!;
  const neighbours = hit.section.statistics.filter((s) => s.passageId === statistic.passageId && s.sentenceRange.start === statistic.sentenceRange.start);
  const graded = neighbours
    .map((s) => ({ s, grade: gradeOf(s) }))
    .filter(({ grade }) => grade.names)
    .sort((a, b) => b.grade.total - a.grade.total);
  if (graded.length === 0) return otherwise;
  return graded
    .map(({ s }): Entry => (s === statistic ? entry : { hit: { ...hit, key: '', statistic: s }, ranked: entry.ranked }))
    .filter((e) => e === entry || accepts(e.hit));
}

/**
 * The texts that may name a metric: each word, phrase and metric: value, and the words read
 * together (矛盾纠纷 化解率 names 矛盾纠纷化解率).
 */
function metricNames(query: Query): string[] {
  const words = query.words.map((w) => w.text);
  const names = [...words, ...query.phrases.map((p) => p.text), ...query.fields.filter((f) => f.field === 'metric' && !f.negated).flatMap((f) => f.values)];
  return words.length > 1 ? [...names, words.join('')] : names;
}

interface Grade {
  total: number;
  names: boolean;
}

function grade(named: string[], statistic: Statistic, metricKeys: MetricKeys | undefined): Grade {
  let total = 0;
  let names = false;
  for (const text of named) {
    const affinity = metricAffinity(text, statistic.metricKey, metricKeys);
    total += affinity;
    names ||= affinity >= NAMES_METRIC;
  }
  return { total, names };
}

/** Results without the passages their statistics already show. */
function foldPassages(entries: Entry[], highlight: (entry: Entry) => string[], fold: (s: string) => string): Entry[] {
  const statistics = new Map<string, Entry[]>();
  for (const entry of entries) {
    const statistic = entry.hit.statistic;
    if (statistic) statistics.set(statistic.passageId, [...(statistics.get(statistic.passageId) ?? []), entry]);
  }
  const moved = new Set<Entry>();
  const out: Entry[] = [];
  for (const entry of entries) {
    if (moved.has(entry)) continue;
    const passage = entry.hit.passage;
    const own = passage && statistics.get(passage.id);
    if (!passage || !own) {
      out.push(entry);
      continue;
    }
    const matches = termOccurrences(entry.hit.file.text, passage.ranges, highlight(entry), fold);
    const inSentences = (m: { start: number; end: number }): boolean =>
      own.some(({ hit }) => hit.statistic!.sentenceRange.start <= m.start && m.end <= hit.statistic!.sentenceRange.end);
    if (matches.length === 0 || !matches.every(inSentences)) {
      out.push(entry);
      continue;
    }
    // Folded: its statistics take its place (those ranked before it are already out).
    for (const stat of own) {
      if (out.includes(stat) || moved.has(stat)) continue;
      moved.add(stat);
      out.push(stat);
    }
  }
  return out;
}
