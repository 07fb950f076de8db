/**
 * Selected rows as a Markdown table whose rows carry footnote markers, with the footnotes (the
 * formatted references, annotated with the statistics they stand for, as in a draft) below it.
 * Self-contained: it renders the same wherever it is pasted.
 */
import { SYNTAX } from '../cite/draft/syntax';
import { markdownText } from '../cite/escape/markdown';
import type { Column } from './columns';
import type { StatRow } from './row';

export interface CitedRow {
  row: StatRow;
  /** The reference key (the report id) and its formatted entry, as plain text. */
  key: string;
  entry: string;
}

export function markdownTable(items: readonly CitedRow[], columns: readonly Column[], titles: (column: Column) => string, sourceTitle: string): string {
  const numbers = new Map<string, number>();
  const ids = new Map<string, string[]>();
  const entries = new Map<string, string>();
  for (const { row, key, entry } of items) {
    if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
    ids.set(key, [...(ids.get(key) ?? []), row.id]);
    entries.set(key, entry);
  }
  const cell = (value: string | number | undefined): string => (value === undefined ? '' : typeof value === 'number' ? String(value) : markdownText(value));
  const lines = [
    `| ${[...columns.map((c) => markdownText(titles(c))), markdownText(sourceTitle)].join(' | ')} |`,
    `| ${[...columns.map((c) => (c.type === 'number' ? '---:' : '---')), '---'].join(' | ')} |`,
    ...items.map(({ row, key }) => `| ${[...columns.map((c) => cell(c.get(row))), SYNTAX.markdown.marker({ number: numbers.get(key), key })].join(' | ')} |`),
    '',
    ...[...numbers].map(([key, number]) => SYNTAX.markdown.line({ number, key, ids: ids.get(key)!, text: markdownText(entries.get(key)!) })),
  ];
  return lines.join('\n') + '\n';
}
