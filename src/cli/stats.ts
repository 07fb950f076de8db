/**
 * statcite stats <file|folder…> [--json|--csv]: every statistic of the corpus files. start/end are
 * the figure's offsets (JavaScript string indices) in the decoded text; metricKey is the canonical
 * name of what it measures, subject who or what it is about, issuer who issued the report.
 */
import * as nodePath from 'node:path';
import { sectionsOf } from '../core/corpus/walk';
import type { CorpusFile, Statistic } from '../core/model';
import { loadMetricKeys } from '../core/stats/metricKey';
import { cliLog, loadCorpus } from './corpus';
import { alignRows } from './table';

export const summary = 'statistics of corpus files  (<file|folder…> [--json|--csv] [--metric-aliases F])';

const FIELDS = ['id', 'file', 'start', 'end', 'text', 'value', 'unit', 'kind', 'approx', 'change', 'basis', 'from', 'metric', 'metricKey', 'subject', 'issuer', 'period', 'sentence'] as const;
type From = { value: number; unit: string; text: string; start: number; end: number };
type Row = Record<Exclude<(typeof FIELDS)[number], 'from'>, string | number | boolean | null> & { from: From | null };

export async function run(argv: string[]): Promise<number> {
  // --metric-aliases <file>: the user's alias table, as the setting statcite.stats.metricAliases gives it.
  const at = argv.indexOf('--metric-aliases');
  const aliases = at >= 0 ? argv[at + 1] : undefined;
  const args = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  const format = args.includes('--json') ? 'json' : args.includes('--csv') ? 'csv' : 'table';
  const paths = args.filter((a) => a !== '--json' && a !== '--csv');
  const unknown = paths.find((a) => a.startsWith('--'));
  if (!paths.length || unknown || (at >= 0 && !aliases) || (args.includes('--json') && args.includes('--csv'))) {
    console.error(`${unknown ? `statcite stats: unknown option ${unknown}\n` : ''}usage: statcite stats <file|folder…> [--json|--csv] [--metric-aliases <file>]`);
    return 2;
  }
  const files = await loadCorpus(paths, undefined, { metricKeys: loadMetricKeys(aliases, cliLog) });
  if (!files.length) {
    console.error('statcite stats: no .md or .txt files found');
    return 1;
  }
  const rows = files.flatMap(statisticRows);
  if (format === 'json') console.log(JSON.stringify(rows, null, 2));
  else if (format === 'csv') console.log(toCsv(rows));
  else console.log(toTable(rows));
  return 0;
}

/** A path as the user would type it: relative to the working folder when below it. */
function shown(path: string): string {
  const rel = nodePath.relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : path;
}

function statisticRows(file: CorpusFile): Row[] {
  return [...sectionsOf(file)].flatMap(({ section }) => section.statistics.map((s) => row(file, s)));
}

function row(file: CorpusFile, s: Statistic): Row {
  return {
    id: s.id,
    file: shown(file.path),
    start: s.range.start,
    end: s.range.end,
    text: s.text,
    value: s.value,
    unit: s.unit,
    kind: s.kind,
    approx: s.approx,
    change: s.change ?? null,
    basis: s.basis ?? null,
    from: s.from ? { value: s.from.value, unit: s.from.unit, text: s.from.text, start: s.from.range.start, end: s.from.range.end } : null,
    metric: s.metric,
    metricKey: s.metricKey,
    subject: s.subject ?? null,
    issuer: s.issuer ?? null,
    period: s.period ?? null,
    sentence: s.sentence,
  };
}

function toCsv(rows: Row[]): string {
  const cell = (v: Row[keyof Row]): string => {
    const text = v === null ? '' : typeof v === 'object' ? v.text : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [FIELDS.join(','), ...rows.map((r) => FIELDS.map((f) => cell(r[f])).join(','))].join('\n');
}

/** One line a statistic: where, figure, value and unit, kind (with direction), metric and its key, subject, period. */
function toTable(rows: Row[]): string {
  if (!rows.length) return 'no statistics found';
  const arrow = (r: Row): string => (r.change === 'up' ? '↑' : r.change === 'down' ? '↓' : '');
  const lines = rows.map((r) => [
    `${r.file}:${r.start}`,
    `${r.approx ? '≈' : ''}${r.text}`,
    `${r.value} ${r.unit}`,
    `${r.kind}${arrow(r)}${r.basis ? ` ${r.basis}` : ''}${r.from ? ` from ${r.from.text}` : ''}`,
    String(r.metric),
    r.metricKey && r.metricKey !== r.metric ? `[${r.metricKey}]` : '',
    [r.subject, r.period].filter((x) => x !== null).join(' · '),
  ]);
  return [...alignRows(lines), `${rows.length} statistics`].join('\n');
}
