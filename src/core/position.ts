/**
 * Lines and 1-based line/column positions, the one way every output (CLI, messages, problems)
 * names a place in a text. Lines break at \r\n, \n and a lone \r (old Mac files and some exports
 * use it), as VS Code counts them; columns are UTF-16 code units like VS Code's, so that
 * `file:line:column` opens the same character in the editor.
 */
import { partitionPoint } from './partition';

export interface LineColumn {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface Line {
  /** The line's text, without its line break. */
  text: string;
  start: number;
  /** Offset after the line break (the text's length for a last line without one). */
  next: number;
}

const BREAK = /\r\n|\r|\n/g;

/** The lines of a text; a final line break does not start an empty last line. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(BREAK)) {
    out.push({ text: text.slice(start, m.index), start, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, next: text.length });
  return out;
}

/** lineColumns of the last text asked about: a run of lineColumn calls in one text costs one scan. */
let cached: { text: string; of: (offset: number) => LineColumn } | undefined;

/** 1-based line and column of `offset` in `text` (clamped to the text). */
export function lineColumn(text: string, offset: number): LineColumn {
  if (cached?.text !== text) cached = { text, of: lineColumns(text) };
  return cached.of(offset);
}

/** lineColumn for many offsets of one text: the line starts are found once. */
export function lineColumns(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    // The last line start at or before `at` (an offset between \r and \n stays on the line they end).
    const line = partitionPoint(starts.length, (i) => starts[i] <= at) - 1;
    return { line: line + 1, column: at - starts[line] + 1 };
  };
}
