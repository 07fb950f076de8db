/**
 * How query words name what a statistic measures. The one place that compares words with a
 * statistic's metric: the metric: field, the figure among a sentence's neighbours that a query is
 * about, and figure conditions all ask it.
 */
import type { Statistic } from '../../model';
import { foldName } from '../fold';

/** A statistic's metric key (the canonical name of what it measures), or its metric without one. */
export function metricKeyOf(statistic: Statistic): string {
  return statistic.metricKey ?? statistic.metric;
}

/** metricAffinity at or above this: the words name the metric. */
export const NAMES_METRIC = 2;

/**
 * How well words (a query word, a phrase or a metric: value) name a metric key:
 * 3 the key holds them all (未成年人犯罪 → 未成年人犯罪数); 2 the words end with the key, which a
 * sentence may give elliptically (矛盾纠纷化解率 → 化解率 after 矛盾纠纷 in the same sentence);
 * 1 the words hold the key elsewhere (矛盾纠纷化解率 → 矛盾纠纷, a count); 0 not at all.
 */
export function metricAffinity(words: string, metricKey: string): number {
  const w = foldName(words).trim();
  const metric = foldName(metricKey);
  if (!w || [...metric].length < 2) return 0;
  if (metric.includes(w)) return 3;
  if (w.endsWith(metric)) return 2;
  return w.includes(metric) ? 1 : 0;
}
