import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COLUMNS, shownColumns } from '../../../src/core/table/columns';
import { sheetOf, spreadsheetCsv } from '../../../src/core/table/export';
import { columnLetters, toXlsx } from '../../../src/core/table/xlsx';
import { row } from './rows';

const rows = [
  row({ id: 'a', figure: '21.5%', value: 21.5, unit: '%', kind: 'change', change: 'down', metric: '=HYPERLINK("http://x")', subject: '湖北省', sentence: '去年刑事发案同比下降21.5%' }),
  row({ id: 'b', figure: '-3', value: -3, unit: '℃', metric: '气温 <低> & "冷"', subject: undefined, sentence: '行1\n行2\u0007' }),
];

/** The cells of the sheet read back from the .xlsx: [ref, type, text] per cell, by row. */
function readXlsx(bytes: Uint8Array): { files: string[]; rows: Array<Array<[string, string, string]>>; workbook: string } {
  const zip = unzipSync(bytes);
  const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
  const unescape = (t: string): string => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const out = [...sheet.matchAll(/<row r="\d+">([\s\S]*?)<\/row>/g)].map((m) =>
    [...m[1].matchAll(/<c r="([A-Z]+\d+)"(?: s="\d+")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>|<is><t xml:space="preserve">([^<]*)<\/t><\/is>)<\/c>/g)].map(
      (c): [string, string, string] => [c[1], c[2] ?? 'n', unescape(c[3] ?? c[4])],
    ),
  );
  return { files: Object.keys(zip).sort(), rows: out, workbook: strFromU8(zip['xl/workbook.xml']) };
}

describe('export cells', () => {
  it('one cell per column, numbers as numbers, missing values empty', () => {
    const sheet = sheetOf(rows, COLUMNS);
    expect(sheet.header).toEqual(COLUMNS.map((c) => c.id));
    const value = COLUMNS.findIndex((c) => c.id === 'value');
    const subject = COLUMNS.findIndex((c) => c.id === 'subject');
    expect(sheet.rows.map((r) => r[value])).toEqual([21.5, -3]);
    expect(sheet.rows.map((r) => r[subject])).toEqual(['湖北省', undefined]);
    expect(sheetOf(rows, COLUMNS, (c) => `T:${c.id}`).header[0]).toBe('T:figure');
  });

  it('the grid leaves out export-only columns; page only when a row has one', () => {
    expect(shownColumns(rows, true).map((c) => c.id)).not.toContain('sentence');
    expect(shownColumns(rows, false).map((c) => c.id)).toContain('sentence');
    expect(shownColumns(rows, false).map((c) => c.id)).not.toContain('page');
    expect(shownColumns([...rows, row({ page: 3 })], true).map((c) => c.id)).toContain('page');
  });

  it('CSV: a byte order mark, CRLF lines, formula-looking text quoted, negative numbers kept', () => {
    const csv = spreadsheetCsv(sheetOf(rows, [COLUMNS[0], COLUMNS[1], COLUMNS.find((c) => c.id === 'metric')!, COLUMNS.find((c) => c.id === 'sentence')!]));
    expect(csv.startsWith('\uFEFFfigure,value,metric,sentence\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`21.5%,21.5,"'=HYPERLINK(""http://x"")",去年刑事发案同比下降21.5%`);
    expect(lines[2]).toBe('-3,-3,"气温 <低> & ""冷""","行1\n行2\u0007"');
    expect(lines[3]).toBe('');
  });
});

describe('XLSX', () => {
  it('column letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('read back: the parts of a workbook, header bold, numbers as numbers, text as written (escaped, control characters dropped, no formula)', () => {
    const columns = ['figure', 'value', 'metric', 'subject', 'sentence'].map((id) => COLUMNS.find((c) => c.id === id)!);
    const bytes = toXlsx(sheetOf(rows, columns, (c) => ({ figure: '数据', value: '数值' })[c.id as string] ?? c.id), '统计数据[1]');
    const book = readXlsx(bytes);
    expect(book.files).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(book.workbook).toContain('<sheet name="统计数据 1" sheetId="1" r:id="rId1"/>');
    expect(book.rows[0]).toEqual([
      ['A1', 'inlineStr', '数据'],
      ['B1', 'inlineStr', '数值'],
      ['C1', 'inlineStr', 'metric'],
      ['D1', 'inlineStr', 'subject'],
      ['E1', 'inlineStr', 'sentence'],
    ]);
    expect(book.rows[1]).toEqual([
      ['A2', 'inlineStr', '21.5%'],
      ['B2', 'n', '21.5'],
      ['C2', 'inlineStr', '=HYPERLINK("http://x")'],
      ['D2', 'inlineStr', '湖北省'],
      ['E2', 'inlineStr', '去年刑事发案同比下降21.5%'],
    ]);
    // No subject: no cell D3. The bell character is not allowed in XML and is dropped; the line break stays.
    expect(book.rows[2]).toEqual([
      ['A3', 'inlineStr', '-3'],
      ['B3', 'n', '-3'],
      ['C3', 'inlineStr', '气温 <低> & "冷"'],
      ['E3', 'inlineStr', '行1\n行2'],
    ]);
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).not.toContain('<f>');
  });

  it('a large sheet: every row written, the dimension and filter span it', () => {
    const many = Array.from({ length: 5000 }, (_, i) => row({ value: i, figure: `${i}个` }));
    const book = readXlsx(toXlsx(sheetOf(many, [COLUMNS[0], COLUMNS[1]])));
    expect(book.rows).toHaveLength(5001);
    expect(book.rows[5000]).toEqual([['A5001', 'inlineStr', '4999个'], ['B5001', 'n', '4999']]);
    expect(book.workbook).toContain("'Statistics'!$A$1:$B$5001");
  });
});
