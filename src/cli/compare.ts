/**
 * statcite compare <metric words> --corpus <file|folder…> [--json] [--metric-aliases <file>]:
 * every statistic whose metric key the words name, one row each, by subject then period — the same
 * quantity across reports however each words it (刑事案件发案数 and 刑事发案 are one key).
 */
import * as nodePath from 'node:path';
import { sectionsOf } from '../core/corpus/walk';
import type { CorpusFile, Statistic } from '../core/model';
import { figureText } from '../core/stats/label';
import { loadMetricKeys } from '../core/stats/metricKeyFile';
import { cliLog, loadCorpus } from './corpus';
import { alignRows } from './table';

export const summary = 'one metric across the corpus: <metric words> --corpus <file|folder…> [--json] [--metric-aliases F]';

const USAGE = 'usage: statcite compare <metric words> --corpus <file|folder…> [--json] [--metric-aliases <file>]';

interface Args {
  words: string;
  corpus: string[];
  json: boolean;
  aliases?: string;
}

export interface CompareRow {
  key: string;
  metric: string;
  subject: string | null;
  period: string | null;
  value: number;
  unit: string;
  kind: Statistic['kind'];
  change: 'up' | 'down' | null;
  basis: string | null;
  id: string;
  report: string;
  file: string;
  start: number;
  end: number;
  /** The figure as written (60.67亿元), for the table. */
  figure: string;
}

function parse(args: string[]): Args | string {
  const words: string[] = [];
  const corpus: string[] = [];
  let json = false;
  let aliases: string | undefined;
  let inCorpus = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--corpus') inCorpus = true;
    else if (arg === '--json') json = true;
    else if (arg === '--metric-aliases') {
      aliases = args[++i];
      if (aliases === undefined) return '--metric-aliases needs a file';
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else (inCorpus ? corpus : words).push(arg);
  }
  if (!words.length) return 'no metric given';
  if (!corpus.length) return 'no corpus given (--corpus <file|folder…>)';
  return { words: words.join(''), corpus, json, aliases };
}

export async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    console.error(`statcite compare: ${args}\n${USAGE}`);
    return 2;
  }
  const metricKeys = loadMetricKeys(args.aliases, cliLog);
  const files = await loadCorpus(args.corpus, undefined, { metricKeys });
  const placed = files.flatMap((file) => [...sectionsOf(file)].flatMap(({ report, section }) => section.statistics.map((s) => ({ file, report: report.title, s }))));
  const match = metricKeys.match(args.words, placed.map(({ s }) => s.metricKey));
  if (!match.keys.length) console.error(`statcite compare: no statistic measures “${args.words}” (metric key ${match.key || '—'})`);
  else if (!match.exact) console.error(`statcite compare: no metric key is “${match.key}”; showing the keys that contain it: ${match.keys.join('、')}`);
  const keys = new Set(match.keys);
  const rows = placed.filter(({ s }) => keys.has(s.metricKey)).map(({ file, report, s }) => row(file, report, s)).sort(bySubjectThenPeriod);
  if (args.json) console.log(JSON.stringify({ metric: match.key, rows: rows.map(({ figure, ...rest }) => rest) }, null, 2));
  else if (rows.length) console.log(toTable(rows, match.key));
  return 0;
}

/** A path as the user would type it: relative to the working folder when below it. */
function shown(path: string): string {
  const rel = nodePath.relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : path;
}

function row(file: CorpusFile, report: string, s: Statistic): CompareRow {
  return {
    key: s.metricKey,
    metric: s.metric,
    subject: s.subject ?? null,
    period: s.period ?? null,
    value: s.value,
    unit: s.unit,
    kind: s.kind,
    change: s.change ?? null,
    basis: s.basis ?? null,
    id: s.id,
    report,
    file: shown(file.path),
    start: s.range.start,
    end: s.range.end,
    figure: figureText(s),
  };
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Subjects in pinyin order, then periods by year (2024年 before 2025年1—2月), rows without either last. */
export function bySubjectThenPeriod(a: CompareRow, b: CompareRow): number {
  const missingLast = (x: string | null, y: string | null): number => (x === null ? 1 : 0) - (y === null ? 1 : 0);
  const year = (p: string): number => Number(/^(\d{4})/.exec(p)?.[1] ?? Infinity);
  return (
    missingLast(a.subject, b.subject) ||
    collator.compare(a.subject ?? '', b.subject ?? '') ||
    missingLast(a.period, b.period) ||
    year(a.period ?? '') - year(b.period ?? '') ||
    collator.compare(a.period ?? '', b.period ?? '') ||
    a.file.localeCompare(b.file) ||
    a.start - b.start
  );
}

function toTable(rows: CompareRow[], key: string): string {
  const arrow = (r: CompareRow): string => (r.change === 'up' ? '↑' : r.change === 'down' ? '↓' : '');
  const lines = rows.map((r) => [
    r.subject ?? '—',
    r.period ?? '—',
    r.figure,
    `${r.value} ${r.unit}`,
    `${r.kind}${arrow(r)}${r.basis ? ` ${r.basis}` : ''}`,
    r.metric,
    `${r.file}:${r.start}`,
  ]);
  return [...alignRows([['subject', 'period', 'figure', 'value', 'kind', 'metric', 'where'], ...lines]), `${rows.length} statistics of ${key}`].join('\n');
}
