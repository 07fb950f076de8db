/**
 * Filtering, sorting and grouping of the statistics table. The same code serves the CLI flags and
 * the Statistics view (it runs in the webview, next to the grid: see README, "Statistics view").
 * Folded texts and sort ranks are computed once per table and reused by every query, so a query
 * over ~70,000 rows is a few linear passes over arrays.
 */
import { queryMatcher, type Facts } from '../search/query/match';
import { parseQuery, type ParsedQuery, type QueryError } from '../search/query/parse';
import { SHIPPED_METRIC_KEYS, type MetricKeys } from '../stats/metricKey';
import type { StatisticKind } from '../model';
import { column, type ColumnId } from './columns';
import type { StatRow } from './row';

export interface TableQuery {
  /**
   * Free text in Search's query language (src/core/search/query/parse.ts): every word and
   * "phrase" must occur in one of the shown texts of the row, no -word may; fields (metric:,
   * kind: …), date: and figure conditions (>98%, 10..20万人) are read as Search reads them.
   */
  text?: string;
  /** Metric words, matched against metric keys by matchMetricKeys. */
  metric?: string;
  /** Contained in the column, case and width folded. `report` matches the title or the issuer. */
  subject?: string;
  period?: string;
  report?: string;
  file?: string;
  kinds?: StatisticKind[];
  /** ISO dates or their prefixes (2022, 2022-09), both ends included. Rows without a date drop out. */
  dateFrom?: string;
  dateTo?: string;
  valueMin?: number;
  valueMax?: number;
  /** Only the statistics of one report or one section (the view opened from an outline row). */
  scope?: { reportId?: string; sectionId?: string };
  sort?: { column: ColumnId; descending?: boolean };
  /** Rows grouped by metric key, the largest group first. */
  groupByMetric?: boolean;
  /** Metric keys whose group shows folded (header only). */
  collapsed?: string[];
}

export interface TableGroup {
  key: string;
  /** Rows in the group (also when it is folded). */
  count: number;
  collapsed: boolean;
}

export interface TableResult {
  /** Indices of the matching rows in display order (folded groups' rows included). */
  rows: number[];
  /**
   * What to draw, in order: a row index (≥ 0), or a group header as -(g + 1) for groups[g]; the
   * rows of a folded group are left out. Without grouping it holds the same as `rows`.
   */
  lines: Int32Array;
  groups: TableGroup[];
  /** The metric keys the metric words matched, and whether one matched exactly. */
  metric?: { keys: string[]; exact: boolean };
  /** What is wrong with the free text, when it does not read (its words then filter as plain words). */
  textError?: QueryError;
}

/** Case and width folded (全角 → half-width, ＡＢ → ab), for every comparison of texts. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A metric key or metric words as compared: folded, without spaces. */
const foldKey = (text: string): string => fold(text).replace(/\s+/g, '');

/**
 * The metric keys that metric words name: the words are keyed as a statistic's metric is (刑事案件
 * 发案数 → 刑事发案, with the user's aliases when `metricKeys` has them); the key equal to theirs when
 * one is, else every key containing it (化解率 → 矛盾纠纷化解率), compared folded and without spaces.
 */
export function matchMetricKeys(words: string, keys: Iterable<string>, metricKeys: MetricKeys = SHIPPED_METRIC_KEYS): { keys: string[]; exact: boolean } {
  return matchFolded(words, [...new Set(keys)].filter(Boolean).map((k) => [k, foldKey(k)]), metricKeys);
}

function matchFolded(words: string, keys: ReadonlyArray<readonly [key: string, folded: string]>, metricKeys: MetricKeys): { keys: string[]; exact: boolean } {
  const wanted = foldKey(metricKeys.keyOf(words) || words);
  if (!wanted) return { keys: [], exact: false };
  const exact = keys.filter(([, f]) => f === wanted).map(([k]) => k);
  if (exact.length) return { keys: exact, exact: true };
  return { keys: keys.filter(([, f]) => f.includes(wanted)).map(([k]) => k).sort(), exact: false };
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Texts the free-text filter looks in. */
const TEXT_COLUMNS: ColumnId[] = ['figure', 'metric', 'metricKey', 'subject', 'period', 'report', 'issuer', 'section', 'file', 'date', 'basis'];

/** Rows by rank (× sign), ties in corpus order; rows without a value (NaN) last in either direction. */
function byRank(rank: Float64Array, sign: number): (a: number, b: number) => number {
  return (a, b) => {
    const x = rank[a];
    const y = rank[b];
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return a - b;
    if (Number.isNaN(x)) return 1;
    if (Number.isNaN(y)) return -1;
    return (x - y) * sign;
  };
}

export class StatTable {
  private readonly folded = new Map<string, string[]>();
  private readonly ranks = new Map<ColumnId, Float64Array>();
  private readonly orders = new Map<ColumnId, Int32Array>();
  private metricKeys?: Array<[string, string]>;

  /** `foldCache` keeps folded texts across tables: the view rebuilds its table on every corpus change. */
  constructor(
    readonly rows: readonly StatRow[],
    private readonly foldCache = new Map<string, string>(),
    private readonly metricKeyTable: MetricKeys = SHIPPED_METRIC_KEYS,
  ) {}

  /** Does now what the first free-text, metric and metric-key queries would do (run it when idle). */
  warm(): void {
    this.foldedColumn('text');
    this.foldedMetricKeys();
    this.order('metricKey');
  }

  query(q: TableQuery): TableResult {
    const metric = q.metric?.trim() ? matchFolded(q.metric, this.foldedMetricKeys(), this.metricKeyTable) : undefined;
    const parsed = q.text?.trim() ? parseQuery(q.text) : undefined;
    const textError = parsed && !parsed.ok ? parsed.error : undefined;
    const keep = this.filter(q, metric && new Set(metric.keys), parsed);
    const rows = this.sort(keep, q.sort);
    const extra = { metric, ...(textError ? { textError } : {}) };
    if (!q.groupByMetric) return { rows, lines: Int32Array.from(rows), groups: [], ...extra };
    return { ...this.group(rows, new Set(q.collapsed)), ...extra };
  }

  private filter(q: TableQuery, metricKeys: Set<string> | undefined, text: ParsedQuery | undefined): number[] {
    const tests: Array<(i: number) => boolean> = [];
    const { rows } = this;
    if (metricKeys) tests.push((i) => metricKeys.has(rows[i].metricKey));
    if (q.scope?.sectionId) tests.push((i) => rows[i].sectionId === q.scope!.sectionId);
    else if (q.scope?.reportId) tests.push((i) => rows[i].reportId === q.scope!.reportId);
    if (q.kinds?.length) {
      const kinds = new Set<string>(q.kinds);
      tests.push((i) => kinds.has(rows[i].kind));
    }
    for (const id of ['subject', 'period', 'file'] as const) {
      const wanted = q[id]?.trim() && fold(q[id]!.trim());
      if (wanted) {
        const texts = this.foldedColumn(id);
        tests.push((i) => texts[i].includes(wanted));
      }
    }
    const report = q.report?.trim() && fold(q.report.trim());
    if (report) {
      const titles = this.foldedColumn('report');
      const issuers = this.foldedColumn('issuer');
      tests.push((i) => titles[i].includes(report) || issuers[i].includes(report));
    }
    if (q.dateFrom || q.dateTo) {
      const from = q.dateFrom ?? '';
      const to = q.dateTo ?? '';
      tests.push((i) => {
        const date = rows[i].date;
        return !!date && (!from || date.slice(0, from.length) >= from) && (!to || date.slice(0, to.length) <= to);
      });
    }
    if (q.valueMin !== undefined && Number.isFinite(q.valueMin)) tests.push((i) => rows[i].value >= q.valueMin!);
    if (q.valueMax !== undefined && Number.isFinite(q.valueMax)) tests.push((i) => rows[i].value <= q.valueMax!);
    if (q.text && text) tests.push(this.textTest(q.text, text));
    const out: number[] = [];
    for (let i = 0; i < rows.length; i++) if (tests.every((test) => test(i))) out.push(i);
    return out;
  }

  /**
   * Stable: rows with equal values keep corpus order; rows without a value go last either way. A
   * large result is picked out of the column's whole order (computed once), a small one sorted.
   */
  private sort(indices: number[], sort: TableQuery['sort']): number[] {
    if (!sort) return indices;
    const rank = this.rank(sort.column);
    const sign = sort.descending ? -1 : 1;
    if (indices.length < this.rows.length / 8) {
      return indices.sort(byRank(rank, sign));
    }
    const order = this.order(sort.column);
    const keep = new Uint8Array(this.rows.length);
    for (const i of indices) keep[i] = 1;
    const out: number[] = [];
    let ranked = order.length;
    while (ranked > 0 && Number.isNaN(rank[order[ranked - 1]])) ranked--;
    if (!sort.descending) {
      for (let k = 0; k < ranked; k++) if (keep[order[k]]) out.push(order[k]);
    } else {
      // From the largest value down, each run of equal values in corpus order.
      for (let end = ranked; end > 0; ) {
        let start = end - 1;
        while (start > 0 && rank[order[start - 1]] === rank[order[end - 1]]) start--;
        for (let k = start; k < end; k++) if (keep[order[k]]) out.push(order[k]);
        end = start;
      }
    }
    for (let k = ranked; k < order.length; k++) if (keep[order[k]]) out.push(order[k]);
    return out;
  }

  /** Groups by metric key, the largest first (ties by key), each keeping the rows' sorted order. */
  private group(sorted: number[], collapsed: Set<string>): Pick<TableResult, 'rows' | 'lines' | 'groups'> {
    // Keys by their rank in collation order (equal keys share one): counting sort, no per-row objects.
    const rank = this.rank('metricKey');
    const none = this.rows.length; // the slot of rows without a metric key
    const keyRank = (i: number): number => (Number.isNaN(rank[i]) ? none : rank[i]);
    const size = new Int32Array(this.rows.length + 1);
    for (const i of sorted) size[keyRank(i)]++;
    const keys = [...new Set(sorted.map(keyRank))].sort((a, b) => size[b] - size[a] || a - b);
    const start = new Int32Array(this.rows.length + 1);
    let at = 0;
    for (const k of keys) {
      start[k] = at;
      at += size[k];
    }
    const rows = new Array<number>(sorted.length);
    const fill = Int32Array.from(start);
    for (const i of sorted) rows[fill[keyRank(i)]++] = i;
    const groups: TableGroup[] = [];
    const lines = new Int32Array(sorted.length + keys.length);
    let n = 0;
    for (const k of keys) {
      const first = rows[start[k]];
      const key = this.rows[first].metricKey;
      const folded = collapsed.has(key);
      groups.push({ key, count: size[k], collapsed: folded });
      lines[n++] = -groups.length;
      if (!folded) for (let j = start[k]; j < start[k] + size[k]; j++) lines[n++] = rows[j];
    }
    return { rows, lines: lines.slice(0, n), groups };
  }

  /** The free-text filter: Search's query language, or plain words when the text does not read as it. */
  private textTest(text: string, parsed: ParsedQuery): (i: number) => boolean {
    const texts = this.foldedColumn('text');
    if (!parsed.ok) {
      const words = fold(text).split(/\s+/).filter(Boolean);
      return (i) => words.every((w) => texts[i].includes(w));
    }
    const { words, phrases, excluded } = parsed.query;
    const [need, avoid] = [[...words, ...phrases], excluded].map((parts) => parts.map((p) => fold(p.text)));
    const conditions = queryMatcher({ ...parsed.query, words: [], phrases: [], excluded: [] }, { metricKeys: this.metricKeyTable });
    const { rows } = this;
    return (i) => {
      const row = rows[i];
      const { value, unit, kind, metricKey, subject, period } = row;
      const facts: Facts = { file: row.file, report: row.report, date: row.date, statistic: { value, unit, kind, metricKey, subject, period } };
      return need.every((w) => texts[i].includes(w)) && !avoid.some((w) => texts[i].includes(w)) && conditions.facts(facts);
    };
  }

  /** A column's texts, folded; 'text' is what the free-text filter searches. Each distinct text is folded once. */
  private foldedColumn(id: ColumnId | 'text'): string[] {
    let texts = this.folded.get(id);
    if (!texts) {
      const memo = this.foldCache;
      const folded = (value: string | number | undefined): string => {
        const text = value === undefined ? '' : String(value);
        let f = memo.get(text);
        if (f === undefined) memo.set(text, (f = fold(text)));
        return f;
      };
      const columns = (id === 'text' ? TEXT_COLUMNS : [id]).map(column);
      texts = this.rows.map((r) => columns.map((c) => folded(c.get(r))).join('\u0001'));
      this.folded.set(id, texts);
    }
    return texts;
  }

  private foldedMetricKeys(): Array<[string, string]> {
    this.metricKeys ??= [...new Set(this.rows.map((r) => r.metricKey))].filter(Boolean).map((k) => [k, foldKey(k)]);
    return this.metricKeys;
  }

  /** Every row index in the column's ascending order (ties in corpus order, rows without a value last). */
  private order(id: ColumnId): Int32Array {
    let order = this.orders.get(id);
    if (!order) {
      order = Int32Array.from(this.rows.keys()).sort(byRank(this.rank(id), 1));
      this.orders.set(id, order);
    }
    return order;
  }

  /** Per row, a number that sorts as the column does: the value, or the text's place in collation order. */
  private rank(id: ColumnId): Float64Array {
    let rank = this.ranks.get(id);
    if (rank) return rank;
    const col = column(id);
    rank = new Float64Array(this.rows.length);
    if (col.type === 'number') {
      this.rows.forEach((r, i) => {
        const v = col.get(r);
        rank![i] = typeof v === 'number' ? v : NaN;
      });
    } else {
      const texts = this.rows.map((r) => col.get(r));
      const order = new Map([...new Set(texts.filter((t): t is string => !!t))].sort(collator.compare).map((t, i) => [t, i]));
      texts.forEach((t, i) => (rank![i] = t ? order.get(t as string)! : NaN));
    }
    this.ranks.set(id, rank);
    return rank;
  }
}
