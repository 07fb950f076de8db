/**
 * The Compare chart's data: rows of one metric key (or a group of keys) across subjects (bars) or
 * across periods (lines). One chart shows one measure, as a unit and a change are different
 * quantities (21.5% fewer cases is not a rate of 21.5%); the others are offered to switch to.
 */
import type { StatRow } from './row';

export type CompareAxis = 'subject' | 'period';

export interface ComparePoint {
  /** Plotted value: a fall is negative, so that rises and falls compare on one axis. */
  value: number;
  /** The statistic, for opening its source from the point. */
  id: string;
  /** The figure as written, with ↑ or ↓ for a change: the point's label. */
  label: string;
}

export interface CompareSeries {
  name: string;
  /** One entry per category; null where the series has no statistic for it. */
  points: Array<ComparePoint | null>;
}

export interface CompareChart {
  axis: CompareAxis;
  /** Subjects or periods along the x axis; '' stands for rows that state none. */
  categories: string[];
  series: CompareSeries[];
  /** Series left out to keep the chart readable (those with the fewest points). */
  omitted: number;
  /** Every measure of the rows (e.g. "%", "Δ%", "人"), the most frequent first, and the one shown. */
  measures: string[];
  measure: string;
}

/** What a value counts in: its unit, marked Δ for a change (a rise or a fall). */
export function measureOf(row: StatRow): string {
  return row.kind === 'change' ? `Δ${row.unit}` : row.unit;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Chronological order of periods as written: 2022年 < 2022年1—11月 < 2023年; undated ones after, by text. */
function comparePeriods(a: string, b: string): number {
  const key = (p: string): [number, number] => {
    const year = p.match(/(\d{4})\s*年?/);
    const month = p.match(/(?:年|^)\s*(\d{1,2})\s*月/);
    return [year ? Number(year[1]) : Infinity, month ? Number(month[1]) : 0];
  };
  const [ya, ma] = key(a);
  const [yb, mb] = key(b);
  return ya - yb || ma - mb || collator.compare(a, b);
}

/** More series than a legend and a reader can take; the fullest are kept. */
export const MAX_SERIES = 12;

export function compareChart(rows: readonly StatRow[], axis: CompareAxis, measure?: string): CompareChart {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(measureOf(r), (counts.get(measureOf(r)) ?? 0) + 1);
  const measures = [...counts].sort(([a, x], [b, y]) => y - x || collator.compare(a, b)).map(([m]) => m);
  const shown = measure !== undefined && counts.has(measure) ? measure : (measures[0] ?? '');
  const picked = rows.filter((r) => measureOf(r) === shown);
  const manyKeys = new Set(picked.map((r) => r.metricKey)).size > 1;

  const category = (r: StatRow): string => (axis === 'subject' ? r.subject : r.period) ?? '';
  const seriesOf = (r: StatRow): string => {
    const other = (axis === 'subject' ? r.period : r.subject) ?? '';
    return [manyKeys ? r.metricKey : '', other].filter(Boolean).join(' · ') || r.metricKey;
  };
  const categories = [...new Set(picked.map(category))].sort((a, b) => {
    if (!a || !b) return a ? -1 : b ? 1 : 0;
    return axis === 'period' ? comparePeriods(a, b) : collator.compare(a, b);
  });
  const at = new Map(categories.map((c, i) => [c, i]));
  // A second statistic for the same category and series opens a series of its own ("… (2)").
  const series: CompareSeries[] = [];
  const byName = new Map<string, CompareSeries[]>();
  for (const r of picked) {
    const name = seriesOf(r);
    const i = at.get(category(r))!;
    const list = byName.get(name) ?? [];
    byName.set(name, list);
    let target = list.find((s) => !s.points[i]);
    if (!target) {
      target = { name: list.length ? `${name} (${list.length + 1})` : name, points: categories.map(() => null) };
      list.push(target);
      series.push(target);
    }
    const arrow = r.kind === 'change' ? (r.change === 'down' ? '↓' : r.change === 'up' ? '↑' : '') : '';
    target.points[i] = { value: r.kind === 'change' && r.change === 'down' ? -r.value : r.value, id: r.id, label: `${arrow}${r.figure}` };
  }
  const filled = (s: CompareSeries): number => s.points.filter(Boolean).length;
  const kept = series.length > MAX_SERIES ? new Set([...series].sort((a, b) => filled(b) - filled(a)).slice(0, MAX_SERIES)) : new Set(series);
  const shownSeries = series.filter((s) => kept.has(s));
  // Categories only the left-out series had would show empty.
  const used = categories.map((_, i) => shownSeries.some((s) => s.points[i]));
  return {
    axis,
    categories: categories.filter((_, i) => used[i]),
    series: shownSeries.map((s) => ({ ...s, points: s.points.filter((_, i) => used[i]) })),
    omitted: series.length - shownSeries.length,
    measures,
    measure: shown,
  };
}
