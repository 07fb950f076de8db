/** The columns of the statistics table, in display order: what each shows and how it sorts. */
import type { StatRow } from './row';

export const COLUMN_IDS = [
  'figure',
  'value',
  'unit',
  'kind',
  'change',
  'basis',
  'metric',
  'metricKey',
  'subject',
  'period',
  'report',
  'issuer',
  'section',
  'file',
  'date',
  'page',
  'sentence',
  'id',
  'start',
  'end',
] as const;

export type ColumnId = (typeof COLUMN_IDS)[number];

export interface Column {
  id: ColumnId;
  /** Numbers sort and export as numbers; everything else as text. */
  type: 'text' | 'number';
  /** Exported and printed, not drawn in the view's grid (the sentence is long; a click shows it in the source). */
  exportOnly?: boolean;
  get(row: StatRow): string | number | undefined;
}

export const COLUMNS: readonly Column[] = [
  { id: 'figure', type: 'text', get: (r) => r.figure },
  { id: 'value', type: 'number', get: (r) => r.value },
  { id: 'unit', type: 'text', get: (r) => r.unit },
  { id: 'kind', type: 'text', get: (r) => r.kind },
  { id: 'change', type: 'text', get: (r) => r.change },
  { id: 'basis', type: 'text', get: (r) => r.basis },
  { id: 'metric', type: 'text', get: (r) => r.metric },
  { id: 'metricKey', type: 'text', get: (r) => r.metricKey },
  { id: 'subject', type: 'text', get: (r) => r.subject },
  { id: 'period', type: 'text', get: (r) => r.period },
  { id: 'report', type: 'text', get: (r) => r.report },
  { id: 'issuer', type: 'text', get: (r) => r.issuer },
  { id: 'section', type: 'text', get: (r) => r.section || undefined },
  { id: 'file', type: 'text', get: (r) => r.file },
  { id: 'date', type: 'text', get: (r) => r.date },
  { id: 'page', type: 'number', get: (r) => r.page },
  { id: 'sentence', type: 'text', get: (r) => r.sentence, exportOnly: true },
  // Where the figure stands, so that a sheet row leads back to its source.
  { id: 'id', type: 'text', get: (r) => r.id, exportOnly: true },
  { id: 'start', type: 'number', get: (r) => r.start, exportOnly: true },
  { id: 'end', type: 'number', get: (r) => r.end, exportOnly: true },
];

const BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

export function column(id: ColumnId): Column {
  return BY_ID.get(id)!;
}

export function isColumnId(id: unknown): id is ColumnId {
  return typeof id === 'string' && BY_ID.has(id as ColumnId);
}

/** The columns worth having for these rows (`page` only when some row has one); the grid's leave out the export-only ones. */
export function shownColumns(rows: readonly StatRow[], grid: boolean): Column[] {
  const paged = rows.some((r) => r.page !== undefined);
  return COLUMNS.filter((c) => (c.id !== 'page' || paged) && !(grid && c.exportOnly));
}
