/**
 * Whether a figure typed in a draft and a statistic of the corpus state the same fact. The value
 * decides first (the same unit, equal once the coarser one's rounding is allowed for); the words
 * around the figure then decide whether it is the same quantity: its metric must name the
 * statistic's (the same key, or wording that largely overlaps), and its subject, period and
 * direction of change must not contradict the statistic's. 21.5% of 刑事发案 is not 21.5% of 现发命案,
 * nor 湖北省's figure 北京市's.
 */
import type { DraftFigure } from './figures';
import type { TracedStatistic } from './index';

/** How far the words around a figure agree with a statistic's, each part from 0 to 1. */
export interface Context {
  metric: number;
  subject: number;
  period: number;
}

/** Metric wording at least this close names the same quantity. */
export const SAME_METRIC = 0.5;

/** 全省, 我市, 本区 …: the draft's own place, which the draft does not name. */
const OWN_PLACE = /^(?:全|我|本)(?:省|市|区|县|州)/;
const PLACE_SUFFIX = /(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/;
const YEAR = /(?:19|20)\d{2}(?=年)/g;

/** The agreement of the words around `figure` with `stat`; undefined when they contradict it. */
export function contextOf(figure: DraftFigure, stat: TracedStatistic): Context | undefined {
  if (figure.change && stat.change && figure.change !== stat.change) return undefined;
  const subject = subjectAgreement(figure.subject, stat.subject);
  const period = periodAgreement(figure.period, stat.period);
  if (subject === undefined || period === undefined) return undefined;
  return { metric: metricSimilarity(figure.metricKey, stat.metricKey), subject, period };
}

/** The weight of each part in a candidate's score; the value's agreement takes the rest. */
export function scoreOf(context: Context, value: 'exact' | 'rounded' | 'differs'): number {
  const valuePart = value === 'exact' ? 1 : value === 'rounded' ? 0.5 : 0;
  return Math.round(100 * (0.55 * context.metric + 0.25 * context.subject + 0.1 * context.period + 0.1 * valuePart)) / 100;
}

/** 1 the same place or body, 0.5 unknown (one side names none), undefined different ones. */
function subjectAgreement(a: string | undefined, b: string | undefined): number | undefined {
  if (!a || !b || OWN_PLACE.test(a) || OWN_PLACE.test(b)) return 0.5;
  const x = a.replace(PLACE_SUFFIX, '');
  const y = b.replace(PLACE_SUFFIX, '');
  return x.includes(y) || y.includes(x) ? 1 : undefined;
}

/** 1 the same period, 0.5 unknown, undefined when both name years and share none. */
function periodAgreement(a: string | undefined, b: string | undefined): number | undefined {
  if (!a || !b) return 0.5;
  if (a === b) return 1;
  const x: string[] = a.match(YEAR) ?? [];
  const y: string[] = b.match(YEAR) ?? [];
  return x.length && y.length && !x.some((year) => y.includes(year)) ? undefined : 0.5;
}

const similarities = new Map<string, number>();

/**
 * 1 for the same key; 0.8 when one key holds the other (化解率 / 矛盾纠纷化解率); else the share of
 * character pairs they have in common (Dice), which keeps 刑事发案 apart from 现发命案 (0) and from
 * 刑事案件 (0.33).
 */
export function metricSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const pair = `${a}\u0000${b}`;
  let found = similarities.get(pair);
  if (found !== undefined) return found;
  if (Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a))) found = 0.8;
  else {
    const x = bigrams(a);
    const y = bigrams(b);
    let common = 0;
    for (const g of x) if (y.has(g)) common++;
    found = x.size + y.size ? (2 * common) / (x.size + y.size) : 0;
  }
  if (similarities.size >= 100_000) similarities.clear();
  similarities.set(pair, found);
  return found;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}
