import { describe, expect, it } from 'vitest';
import { lineColumn } from '../../../src/core/position';

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
