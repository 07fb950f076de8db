/**
 * How query words name what a statistic measures: the one place that compares words with a
 * statistic's metric key (the metric: field, the figure among a sentence's neighbours that a query
 * is about).
 */
import { SHIPPED_METRIC_KEYS, type MetricKeys } from '../../stats/metricKey';
import { foldName } from '../fold';

/** metricAffinity at or above this: the words name the metric. */
export const NAMES_METRIC = 2;

/**
 * How well words (a query word, a phrase or a metric: value) name a metric key:
 * 3 the key is the words' own key (by the alias table, the user's included: 刑事案件发案数 → 刑事发案) or holds
 * the words or their key (化解率 → 矛盾纠纷化解率); 2 the words end with the key, which a sentence
 * may give elliptically (矛盾纠纷化解率 → 化解率 when no rule restores 矛盾纠纷); 1 the words hold the key
 * elsewhere (矛盾纠纷化解率 → 矛盾纠纷, a count); 0 not at all.
 */
export function metricAffinity(words: string, metricKey: string, keys: MetricKeys = SHIPPED_METRIC_KEYS): number {
  const w = foldName(words).trim();
  const key = foldName(metricKey);
  if (!w || [...key].length < 2) return 0;
  const own = foldName(keys.keyOf(words.trim()));
  if (key.includes(w) || (own !== '' && key.includes(own))) return 3;
  if (w.endsWith(key)) return 2;
  return w.includes(key) ? 1 : 0;
}
