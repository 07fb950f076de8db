/**
 * statcite stats <file|folder…> [--json | --csv | --xlsx <file>] [filters]: the Statistics view's
 * table on the command line — the same rows, columns, filters and sorting (src/core/table). start/end
 * are the figure's offsets (JavaScript string indices) in the decoded text (the extracted text for
 * HTML, PDF and Word), line/column its place there as editors count it (lineColumns), and page its
 * 1-based page in a PDF; metricKey is the canonical name of what
 * it measures, subject who or what it is about, issuer who issued the report.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { COLUMNS, isColumnId, shownColumns } from '../core/table/columns';
import { sheetOf } from '../core/table/export';
import { toCsv } from '../core/export/csv';
import { StatTable, type TableQuery } from '../core/table/query';
import { fileRows, type StatRow } from '../core/table/row';
import { toXlsx } from '../core/table/xlsx';
import type { CorpusFile, StatisticKind } from '../core/model';
import { lineColumns, type LineColumn } from '../core/position';
import { loadMetricKeys } from '../core/stats/metricKeyFile';
import { cliLog, loadCorpus, NO_CORPUS_FILES } from './corpus';
import { alignRows } from './table';

export const summary = 'statistics of corpus files  (<file|folder…> [--json|--csv|--xlsx F] [--metric W] [--subject S] [--period P] [--kind K] … [--metric-aliases F])';

const USAGE = `usage: statcite stats <file|folder…> [--json | --csv | --xlsx <file>]
  filters: --metric <words> --subject <text> --period <text> --kind <kind[,kind…]> --report <text>
           --file <text> --from <date> --to <date> --min <number> --max <number>
  order:   --sort <column>[:desc] --group
  --metric-aliases <file>: your metric alias table (as the setting statcite.stats.metricAliases)`;

const KINDS = ['count', 'amount', 'percent', 'change', 'streak', 'rank', 'duration'];
const VALUE_OPTIONS = ['--metric-aliases', '--xlsx', '--metric', '--subject', '--period', '--kind', '--report', '--file', '--from', '--to', '--min', '--max', '--sort'];

interface Args {
  paths: string[];
  format: 'json' | 'csv' | 'xlsx' | 'table';
  xlsx?: string;
  metricAliases?: string;
  query: TableQuery;
}

/** The arguments, or the reason they are wrong. */
export function parseArgs(args: string[]): Args | { error: string } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (VALUE_OPTIONS.includes(a)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return { error: `${a} needs a value` };
      values.set(a, value);
    } else if (a === '--json' || a === '--csv' || a === '--group') flags.add(a);
    else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else paths.push(a);
  }
  if (!paths.length) return { error: 'no corpus file or folder given' };
  const formats = [flags.has('--json') && 'json', flags.has('--csv') && 'csv', values.has('--xlsx') && 'xlsx'].filter(Boolean) as Args['format'][];
  if (formats.length > 1) return { error: 'choose one of --json, --csv and --xlsx' };
  const query: TableQuery = { groupByMetric: flags.has('--group') };
  for (const [flag, key] of [['--metric', 'metric'], ['--subject', 'subject'], ['--period', 'period'], ['--report', 'report'], ['--file', 'file']] as const) {
    if (values.has(flag)) query[key] = values.get(flag);
  }
  if (values.has('--kind')) {
    const kinds = values.get('--kind')!.split(',').map((k) => k.trim()).filter(Boolean);
    const wrong = kinds.find((k) => !KINDS.includes(k));
    if (wrong) return { error: `--kind ${wrong}: not one of ${KINDS.join(', ')}` };
    query.kinds = kinds as StatisticKind[];
  }
  for (const [flag, key] of [['--from', 'dateFrom'], ['--to', 'dateTo']] as const) {
    const date = values.get(flag);
    if (date === undefined) continue;
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) return { error: `${flag} ${date}: a date is written YYYY, YYYY-MM or YYYY-MM-DD` };
    query[key] = date;
  }
  for (const [flag, key] of [['--min', 'valueMin'], ['--max', 'valueMax']] as const) {
    const text = values.get(flag);
    if (text === undefined) continue;
    const n = Number(text);
    if (!text.trim() || !Number.isFinite(n)) return { error: `${flag} ${text}: not a number` };
    query[key] = n;
  }
  const sort = values.get('--sort');
  if (sort !== undefined) {
    const [id, dir] = sort.split(':');
    if (!isColumnId(id) || (dir !== undefined && dir !== 'asc' && dir !== 'desc')) return { error: `--sort ${sort}: a column (${COLUMNS.map((c) => c.id).join(', ')}), optionally :asc or :desc` };
    query.sort = { column: id, descending: dir === 'desc' };
  }
  return { paths, format: formats[0] ?? 'table', xlsx: values.get('--xlsx'), metricAliases: values.get('--metric-aliases'), query };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    console.error(`statcite stats: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const metricKeys = loadMetricKeys(parsed.metricAliases, cliLog);
  const files = await loadCorpus(parsed.paths, undefined, { metricKeys });
  if (!files.length) {
    console.error(`statcite stats: ${NO_CORPUS_FILES}`);
    return 1;
  }
  const all = files.flatMap(placedRows);
  const table = new StatTable(all, undefined, metricKeys);
  const result = table.query(parsed.query);
  if (parsed.query.metric && !result.metric?.keys.length) console.error(`statcite stats: no statistic measures “${parsed.query.metric}”`);
  else if (parsed.query.metric && !result.metric?.exact) console.error(`statcite stats: no metric key is “${parsed.query.metric}”; showing the keys that contain it: ${result.metric!.keys.join('、')}`);
  const rows = result.rows.map((i) => all[i]);
  if (parsed.format === 'json') console.log(JSON.stringify(rows, null, 2));
  else if (parsed.format === 'csv') {
    const sheet = sheetOf(rows, shownColumns(rows, false));
    console.log(toCsv(sheet.header, sheet.rows));
  } else if (parsed.format === 'xlsx') {
    const target = parsed.xlsx!;
    try {
      await fs.writeFile(target, toXlsx(sheetOf(rows, shownColumns(rows, false))));
    } catch (err) {
      console.error(`statcite stats: cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    console.error(`statcite stats: ${rows.length} statistics written to ${target}`);
  } else console.log(toTable(rows));
  return 0;
}

type PlacedRow = StatRow & LineColumn;

/** A file's table rows with the line and column of each figure (the line starts found once per file). */
function placedRows(file: CorpusFile): PlacedRow[] {
  const place = lineColumns(file.text);
  return fileRows(file, shown(file.path)).map((r) => ({ ...r, ...place(r.start) }));
}

/** A path as the user would type it: relative to the working folder when below it. */
function shown(path: string): string {
  const rel = nodePath.relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : path;
}

/** One line a statistic: where, figure, value and unit, kind (with direction), metric, subject, period. */
function toTable(rows: PlacedRow[]): string {
  if (!rows.length) return 'no statistics found';
  const arrow = (r: StatRow): string => (r.change === 'up' ? '↑' : r.change === 'down' ? '↓' : '');
  const lines = rows.map((r) => [
    `${r.file}:${r.line}:${r.column}${r.page === undefined ? '' : ` p.${r.page}`}`,
    `${r.approx ? '≈' : ''}${r.figure}`,
    `${r.value} ${r.unit}`,
    `${r.kind}${arrow(r)}${r.basis ? ` ${r.basis}` : ''}`,
    r.metricKey === r.metric ? r.metric : `${r.metric} (${r.metricKey})`,
    [r.subject, r.period].filter(Boolean).join(' · '),
  ]);
  return [...alignRows(lines), `${rows.length} statistics`].join('\n');
}
