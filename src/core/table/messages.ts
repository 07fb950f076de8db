/**
 * Messages between the Statistics view's webview and the extension. The webview renders corpus
 * text, so whatever it sends is treated as untrusted input: parseViewMessage accepts only the
 * shapes below (ids as short strings, known columns and kinds, finite numbers) and drops the rest.
 */
import type { StatisticKind } from '../model';
import { isColumnId } from './columns';
import type { TableQuery } from './query';
import type { WireFile } from './wire';

/** Extension → webview. */
export type HostMessage =
  /**
   * The UI's texts (the webview has no l10n of its own), its locale, for numbers, and the user's
   * metric alias groups, so that metric words key as the corpus's statistics do.
   */
  | { type: 'init'; strings: Record<string, unknown>; locale: string; metricAliases: string[][] }
  /** Rows per file; `reset` replaces everything the view holds, else the files listed (and `removed`) are replaced. */
  | { type: 'rows'; files: WireFile[]; removed: string[]; reset: boolean; ready: boolean }
  /** Filters to apply (opening from an outline row, the filter command); `reset` clears the others first. */
  | { type: 'query'; query: TableQuery; reset: boolean; label?: string; nonce?: number }
  /** Selects exactly these rows (a command's caller selecting, as a person does in the grid). */
  | { type: 'select'; ids: string[]; nonce?: number }
  /** An action run from the keyboard or a command: the webview answers with its selection. */
  | { type: 'request'; action: RowAction; nonce: number };

export type RowAction = 'cite' | 'copy' | 'exportCsv' | 'exportXlsx';

/** Webview → extension. */
export type ViewMessage =
  | { type: 'ready' }
  | { type: 'open'; id: string }
  /** Rows to act on: the selection (cite, copy) or every current row in display order (export). */
  | { type: 'act'; action: RowAction; ids: string[]; nonce?: number }
  /** What the table shows after each query (with the nonce of the query or selection that caused it): for the title and the commands. */
  | { type: 'state'; query: TableQuery; total: number; count: number; first: string[]; selected: string[]; nonce?: number }
  | { type: 'error'; message: string };

const KINDS: ReadonlySet<string> = new Set<StatisticKind>(['count', 'amount', 'percent', 'change', 'streak', 'rank', 'duration']);
const ACTIONS: ReadonlySet<string> = new Set<RowAction>(['cite', 'copy', 'exportCsv', 'exportXlsx']);
/** More than any corpus holds; a bound on what one message may make the extension do. */
const MAX_IDS = 2_000_000;
const MAX_TEXT = 1000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200 && !/[\u0000-\u001f]/.test(v);
const idList = (v: unknown): string[] | undefined => (Array.isArray(v) && v.length <= MAX_IDS && v.every(isId) ? (v as string[]) : undefined);
const count = (v: unknown): number | undefined => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined);

/** A query from outside (a message, a command argument): known fields of the right type; anything else is left out. */
export function parseQuery(value: unknown): TableQuery | undefined {
  if (!isObject(value)) return undefined;
  const q: TableQuery = {};
  for (const key of ['text', 'metric', 'subject', 'period', 'report', 'file'] as const) {
    if (isText(value[key])) q[key] = value[key] as string;
  }
  for (const key of ['dateFrom', 'dateTo'] as const) {
    const date = value[key];
    if (typeof date === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) q[key] = date;
  }
  for (const key of ['valueMin', 'valueMax'] as const) {
    if (typeof value[key] === 'number' && Number.isFinite(value[key])) q[key] = value[key] as number;
  }
  if (Array.isArray(value.kinds) && value.kinds.every((k) => typeof k === 'string' && KINDS.has(k))) q.kinds = value.kinds as StatisticKind[];
  if (isObject(value.scope)) {
    const scope: TableQuery['scope'] = {};
    if (isId(value.scope.reportId)) scope.reportId = value.scope.reportId;
    if (isId(value.scope.sectionId)) scope.sectionId = value.scope.sectionId;
    if (scope.reportId || scope.sectionId) q.scope = scope;
  }
  if (isObject(value.sort) && isColumnId(value.sort.column)) q.sort = { column: value.sort.column, descending: value.sort.descending === true };
  if (typeof value.groupByMetric === 'boolean') q.groupByMetric = value.groupByMetric;
  if (Array.isArray(value.collapsed) && value.collapsed.length <= 100_000 && value.collapsed.every((k) => isText(k))) q.collapsed = value.collapsed as string[];
  return q;
}

/** A message from the webview, or undefined when it is not one of ours in every detail. */
export function parseViewMessage(data: unknown): ViewMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      return isId(data.id) ? { type: 'open', id: data.id } : undefined;
    case 'act': {
      const ids = idList(data.ids);
      if (typeof data.action !== 'string' || !ACTIONS.has(data.action) || !ids) return undefined;
      const nonce = count(data.nonce);
      if (data.nonce !== undefined && nonce === undefined) return undefined;
      return { type: 'act', action: data.action as RowAction, ids, ...(nonce !== undefined && { nonce }) };
    }
    case 'state': {
      const query = parseQuery(data.query);
      const total = count(data.total);
      const shown = count(data.count);
      const first = idList(data.first);
      const selected = idList(data.selected);
      const nonce = count(data.nonce);
      if (!query || total === undefined || shown === undefined || !first || !selected || (data.nonce !== undefined && nonce === undefined)) return undefined;
      return { type: 'state', query, total, count: shown, first, selected, ...(nonce !== undefined && { nonce }) };
    }
    case 'error':
      return isText(data.message, 10_000) ? { type: 'error', message: data.message } : undefined;
    default:
      return undefined;
  }
}
