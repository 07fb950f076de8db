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
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // An offset between \r and \n still stands on the line the \r ends.
  return { line, column: end - lineStart + 1 };
}
