/**
 * Line and column of an offset, the one way every output (CLI, messages, problems) names a place in
 * a text. Lines break at \r\n, \n and a lone \r (old Mac files and some exports use it), as
 * splitLines and VS Code count them; columns are UTF-16 code units like VS Code's, so that
 * `file:line:column` opens the same character in the editor.
 */
export interface LineColumn {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/** 1-based line and column of `offset` in `text` (clamped to the text). */
export function lineColumn(text: string, offset: number): LineColumn {
  return lineColumns(text)(offset);
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
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo] + 1 };
  };
}
