/**
 * How query words name what a statistic measures. The one place that compares words with a
 * statistic's metric: the metric: field, the figure among a sentence's neighbours that a query is
 * about, and figure conditions all ask it.
 */
import type { Statistic } from '../../model';
import { fold } from '../fold';

/** A statistic's metric key (the canonical name of what it measures), or its metric without one. */
export function metricKeyOf(statistic: Statistic): string {
  return statistic.metricKey ?? statistic.metric;
}

/** metricAffinity at or above this: the words name the statistic's metric. */
export const NAMES_METRIC = 2;

/**
 * How well words (a query word, a phrase or a metric: value) name a statistic's metric:
 * 3 the metric holds them all (未成年人犯罪 → 未成年人犯罪数); 2 the words end with the metric,
 * which a sentence may give elliptically (矛盾纠纷化解率 → 化解率 after 矛盾纠纷 in the same sentence);
 * 1 the words hold the metric elsewhere (矛盾纠纷化解率 → 矛盾纠纷, a count); 0 not at all.
 */
export function metricAffinity(words: string, statistic: Statistic): number {
  const w = fold(words.trim());
  const metric = fold(metricKeyOf(statistic));
  if (!w || [...metric].length < 2) return 0;
  if (metric.includes(w)) return 3;
  if (w.endsWith(metric)) return 2;
  return w.includes(metric) ? 1 : 0;
}
