/**
 * statcite stats <file|folder…> [--json|--csv]: every statistic of the corpus files. start/end are
 * the figure's offsets (JavaScript string indices) in the decoded text — the extracted text for
 * HTML, PDF and Word —, and page its 1-based page in a PDF (left out elsewhere; empty in CSV).
 */
import * as nodePath from 'node:path';
import { sectionsOf } from '../core/corpus/walk';
import { toCsv } from '../core/export/csv';
import type { CorpusFile, Statistic } from '../core/model';
import { loadCorpus, NO_CORPUS_FILES } from './corpus';

export const summary = 'statistics of corpus files  (<file|folder…> [--json|--csv])';

const FIELDS = ['id', 'file', 'page', 'start', 'end', 'text', 'value', 'unit', 'kind', 'approx', 'change', 'basis', 'from', 'metric', 'subject', 'period', 'sentence'] as const;
type From = { value: number; unit: string; text: string; start: number; end: number };
type Row = Record<Exclude<(typeof FIELDS)[number], 'from' | 'page'>, string | number | boolean | null> & { from: From | null; page?: number };

export async function run(args: string[]): Promise<number> {
  const format = args.includes('--json') ? 'json' : args.includes('--csv') ? 'csv' : 'table';
  const paths = args.filter((a) => a !== '--json' && a !== '--csv');
  const unknown = paths.find((a) => a.startsWith('--'));
  if (!paths.length || unknown || (args.includes('--json') && args.includes('--csv'))) {
    console.error(`${unknown ? `statcite stats: unknown option ${unknown}\n` : ''}usage: statcite stats <file|folder…> [--json|--csv]`);
    return 2;
  }
  const files = await loadCorpus(paths);
  if (!files.length) {
    console.error(`statcite stats: ${NO_CORPUS_FILES}`);
    return 1;
  }
  const rows = files.flatMap(statisticRows);
  if (format === 'json') console.log(JSON.stringify(rows, null, 2));
  else if (format === 'csv') console.log(csv(rows));
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
    ...(s.page === undefined ? {} : { page: s.page }),
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
    subject: s.subject ?? null,
    period: s.period ?? null,
    sentence: s.sentence,
  };
}

function csv(rows: Row[]): string {
  return toCsv(FIELDS, rows.map((r) => FIELDS.map((f) => (f === 'from' ? r.from?.text : r[f]))));
}

/** One line a statistic: where, figure, value and unit, kind (with direction), metric, subject, period. */
function toTable(rows: Row[]): string {
  if (!rows.length) return 'no statistics found';
  const arrow = (r: Row): string => (r.change === 'up' ? '↑' : r.change === 'down' ? '↓' : '');
  const lines = rows.map((r) => [
    `${r.file}${r.page === undefined ? '' : ` p.${r.page}`}:${r.start}`,
    `${r.approx ? '≈' : ''}${r.text}`,
    `${r.value} ${r.unit}`,
    `${r.kind}${arrow(r)}${r.basis ? ` ${r.basis}` : ''}${r.from ? ` from ${r.from.text}` : ''}`,
    String(r.metric),
    [r.subject, r.period].filter((x) => x !== null).join(' · '),
  ]);
  const widths = lines[0].map((_, c) => Math.min(40, Math.max(...lines.map((l) => displayWidth(l[c])))));
  const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  return [...lines.map((l) => l.map((cellText, c) => pad(cellText, widths[c])).join('  ').trimEnd()), `${rows.length} statistics`].join('\n');
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}
