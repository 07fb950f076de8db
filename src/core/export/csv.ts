/**
 * CSV for spreadsheets (RFC 4180 quoting), safe to open: a text cell a spreadsheet would run as a
 * formula is neutralised the way OWASP recommends ("CSV Injection"), by a leading single quote.
 * Numbers stay numbers, negative ones included.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** First characters that make Excel, LibreOffice or Sheets read a cell as a formula (also full-width, which some convert). */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
/** A text that is only a number ("-3.5", "+2", "-21.5%") cannot hold a formula and stays as it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row (RFC 4180 says CRLF; spreadsheets read either). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, eol = '\n'): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join(eol);
}
