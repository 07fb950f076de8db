/**
 * Lines and 1-based line/column positions, the way editors count them: `\r\n`, `\n` and a lone `\r`
 * each end a line; columns count UTF-16 code units (VS Code's columns). Every output that names a
 * position (CLI messages, diagnostics) goes through lineColumn, so they all agree.
 */
export interface Position {
  line: number;
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

/** Line starts of the last text asked about: a run of lookups in one text costs one scan. */
let cached: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (cached?.text !== text) {
    const starts = [0];
    for (const m of text.matchAll(BREAK)) starts.push(m.index + m[0].length);
    cached = { text, starts };
  }
  return cached.starts;
}

/** The 1-based line and column of `offset` (clamped to the text). */
export function lineColumn(text: string, offset: number): Position {
  const at = Math.max(0, Math.min(offset, text.length));
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: at - starts[lo] + 1 };
}
