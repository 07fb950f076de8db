import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run as stats } from '../../../src/cli/stats';
import { lineColumn, lineColumns } from '../../../src/core/position';

describe('lineColumn', () => {
  it('counts \\n, \\r\\n and a lone \\r as line breaks', () => {
    const text = 'a\nb\r\nc\rd';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, text.indexOf('c'))).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, text.indexOf('d'))).toEqual({ line: 4, column: 1 });
    expect(lineColumn(text, text.length)).toEqual({ line: 4, column: 2 });
  });

  it('gives columns in UTF-16 code units, as VS Code does', () => {
    // 𝟙 (U+1D7D9) is two code units: the figure after it is at column 4.
    const text = '第一行\r𝟙 21.5%';
    expect(lineColumn(text, text.indexOf('21.5%'))).toEqual({ line: 2, column: 4 });
  });

  it('stays on the line a \\r\\n ends when the offset falls between \\r and \\n', () => {
    expect(lineColumn('ab\r\ncd', 3)).toEqual({ line: 1, column: 4 });
    expect(lineColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
  });

  it('clamps offsets outside the text', () => {
    expect(lineColumn('ab', -3)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\nb', 99)).toEqual({ line: 2, column: 2 });
  });
});

describe('lineColumns', () => {
  it('agrees with a character-by-character count at every offset', () => {
    const text = 'x\r\ny\rz\n\n\r\r\n甲乙\r';
    const at = lineColumns(text);
    let line = 1;
    let column = 1;
    for (let i = 0; i <= text.length; i++) {
      expect(at(i)).toEqual({ line, column });
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        column = 1;
      } else column++;
    }
  });
});

describe('CLI places', () => {
  it('statcite stats names a figure as file:line:column, lone \\r included', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statcite-cr-'));
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    try {
      await fs.writeFile(path.join(dir, 'cr.txt'), ['标题', '', '第一段。', '', '第二段。', '', '今年全市刑事发案同比下降21.5%。'].join('\r'));
      expect(await stats([dir])).toBe(0);
      expect(out.join('\n')).toMatch(/cr\.txt:7:13\s+21\.5%/);
      out.length = 0;
      expect(await stats([dir, '--json'])).toBe(0);
      expect(JSON.parse(out.join('\n'))).toEqual([expect.objectContaining({ figure: '21.5%', line: 7, column: 13 })]);
    } finally {
      vi.restoreAllMocks();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
