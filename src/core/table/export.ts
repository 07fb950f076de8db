/** The table's rows as spreadsheet cells: one cell per column, numbers as numbers. */
import { toCsv, type CsvValue } from '../export/csv';
import type { Column } from './columns';
import type { StatRow } from './row';

export interface Sheet {
  header: string[];
  rows: CsvValue[][];
}

/** `titles` names the columns in the header (the view's language); the column ids otherwise. */
export function sheetOf(rows: Iterable<StatRow>, columns: readonly Column[], titles?: (column: Column) => string): Sheet {
  const out: CsvValue[][] = [];
  for (const row of rows) out.push(columns.map((c) => c.get(row)));
  return { header: columns.map((c) => titles?.(c) ?? c.id), rows: out };
}

/** CSV a spreadsheet opens right: UTF-8 with a byte order mark (Excel reads Chinese then), CRLF lines, formula-safe cells. */
export function spreadsheetCsv(sheet: Sheet): string {
  return '\uFEFF' + toCsv(sheet.header, sheet.rows, '\r\n') + '\r\n';
}
