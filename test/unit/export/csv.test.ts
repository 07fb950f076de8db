import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/stats';
import { csvCell, toCsv } from '../../../src/core/export/csv';

/** Minimal RFC 4180 reader: the cells of each line as a spreadsheet receives them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** What a spreadsheet would evaluate: a cell starting with one of these runs as a formula. */
const RUNS_AS_FORMULA = /^[=+\-@\t\r＝＋－＠]/;

afterEach(() => vi.restoreAllMocks());

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+cmd', "'+1+cmd"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['＝1+1', "'＝1+1"],
    ['同比下降3.5%', '同比下降3.5%'],
    ['a "b", c', '"a ""b"", c"'],
  ])('text %j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('numbers stay numbers, negative ones included; so do texts that are only a number', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(12000000000)).toBe('12000000000');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('+2')).toBe('+2');
    expect(csvCell('-21.5%')).toBe('-21.5%');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  it('round-trips every value through a CSV reader, with formulas neutralised', () => {
    const values = ['=1+1', 'x,y', 'line\nbreak', '"quoted"', '-3.5', '-1+1', '@x', ''];
    const [header, row] = parseCsv(toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [values]));
    expect(header).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(row).toEqual(["'=1+1", 'x,y', 'line\nbreak', '"quoted"', '-3.5', "'-1+1", "'@x", '']);
  });
});

describe('statcite stats --csv', () => {
  it('a corpus whose sentences start like formulas: no cell runs as one, the numbers stay numbers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-csv-'));
    try {
      writeFileSync(
        path.join(dir, 'a.md'),
        '# 报告\n\n=HYPERLINK("http://x","y")全年增长15%。\n\n@SUM(1+1)*cmd 同比下降3.5%。\n\n-2+3+cmd|\' /C calc\'!A0 总量达到120亿元。\n',
      );
      const out: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      expect(await run([dir, '--csv'])).toBe(0);
      const [header, ...rows] = parseCsv(out.join('\n'));
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        for (const cell of row) expect(cell, `${header[row.indexOf(cell)]}: ${cell}`).not.toMatch(RUNS_AS_FORMULA);
      }
      const sentence = header.indexOf('sentence');
      expect(rows.map((r) => r[sentence])).toEqual([
        `'=HYPERLINK("http://x","y")全年增长15%。`,
        "'@SUM(1+1)*cmd 同比下降3.5%。",
        expect.stringMatching(/总量达到120亿元。$/),
      ]);
      expect(rows.map((r) => Number(r[header.indexOf('value')]))).toEqual([15, 3.5, 12000000000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
