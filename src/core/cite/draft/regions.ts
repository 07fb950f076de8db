import type { SourceRange } from '../../model';
import { splitLines, type Line } from '../../position';
import type { DraftFormat } from './syntax';

/**
 * Parts of a draft that are not running text: a citation marker there is shown as written (code)
 * or not shown at all (comments), so StatCite never reads one there, never rewrites one there and
 * never inserts into one.
 * - Markdown and Pandoc: fenced code blocks (``` or ~~~, closed by a fence of the same character
 *   at least as long, else running to the end as CommonMark has it), code spans (a run of n
 *   backticks up to the next run of exactly n within the paragraph) and HTML comments.
 * - LaTeX: comments (an unescaped % to the end of the line), verbatim-like environments and
 *   \verb / \lstinline / \mintinline arguments.
 * - Plain text has no such syntax.
 * Every scan is linear in the length of the draft.
 */
export interface Region extends SourceRange {
  kind: 'code' | 'comment';
  /** A LaTeX comment: it runs to the end of its line, so a cursor there is still inside it. */
  toLineEnd?: boolean;
  /** A fenced code block: text put at its start would break the fence, so its start is inside it. */
  fence?: boolean;
  /** Never closed: it runs to the end of the draft. */
  unclosed?: boolean;
}

export function inertRegions(text: string, format: DraftFormat): Region[] {
  if (format === 'latex') return latexRegions(text);
  if (format === 'plain') return [];
  return markdownRegions(text);
}

/** The region containing `offset` (start ≤ offset < end), by binary search over sorted regions. */
export function regionAt(regions: Region[], offset: number): Region | undefined {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = regions[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** The region a cursor at `offset` is in: strictly inside, at the start of a fence or at the end of a line comment. */
export function cursorRegion(regions: Region[], offset: number): Region | undefined {
  const at = regionAt(regions, offset);
  if (at && (at.start < offset || at.fence)) return at;
  const before = regionAt(regions, offset - 1);
  return before?.toLineEnd && before.end === offset ? before : undefined;
}

/** Whether a line lies in a region opened before it (inside a code block or a multi-line comment). */
export function lineIsInert(regions: Region[], line: Line): boolean {
  const r = regionAt(regions, line.start);
  return !!r && r.start < line.start;
}

const FENCE = /^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})(.*)$/;

function markdownRegions(text: string): Region[] {
  const regions: Region[] = [];
  let open: { char: string; length: number; start: number } | undefined;
  let segment = 0; // where the running text since the last fence starts
  for (const line of splitLines(text)) {
    const fence = FENCE.exec(line.text);
    if (open) {
      if (fence && fence[2][0] === open.char && fence[2].length >= open.length && !fence[3].trim()) {
        regions.push({ start: open.start, end: line.next, kind: 'code', fence: true });
        open = undefined;
        segment = line.next;
      }
    } else if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
      for (const r of inlineRegions(text.slice(segment, line.start), segment)) regions.push(r);
      open = { char: fence[2][0], length: fence[2].length, start: line.start };
    }
  }
  if (open) regions.push({ start: open.start, end: text.length, kind: 'code', fence: true, unclosed: true });
  else for (const r of inlineRegions(text.slice(segment), segment)) regions.push(r);
  return regions.sort((a, b) => a.start - b.start);
}

/**
 * Code spans and HTML comments of running text (`slice`, at offset `base`), whichever opens first
 * wins. A comment may span paragraphs; a code span may not (a blank line ends a paragraph).
 */
function inlineRegions(slice: string, base: number): Region[] {
  const blanks = [...slice.matchAll(/(?:\r\n|\r|\n)[ \t]*(?=\r\n|\r|\n)/g)].map((m) => m.index);
  const runs: Array<{ start: number; length: number; paragraph: number }> = [];
  let paragraph = 0;
  for (const m of slice.matchAll(/`+/g)) {
    while (paragraph < blanks.length && blanks[paragraph] < m.index) paragraph++;
    // A backslash before a run escapes its first backtick (outside code, which is where a run opens).
    const escaped = escapedAt(slice, m.index) ? 1 : 0;
    if (m[0].length > escaped) runs.push({ start: m.index + escaped, length: m[0].length - escaped, paragraph });
  }
  const byLength = new Map<number, { runs: typeof runs; next: number }>();
  for (const r of runs) {
    const list = byLength.get(r.length) ?? { runs: [], next: 0 };
    list.runs.push(r);
    byLength.set(r.length, list);
  }
  const comments = [...slice.matchAll(/<!--/g)].map((m) => m.index).filter((i) => !escapedAt(slice, i)); // \\<!-- is text
  const out: Region[] = [];
  let pos = 0;
  let run = 0;
  let comment = 0;
  let noClose = false;
  for (;;) {
    while (run < runs.length && runs[run].start < pos) run++;
    while (comment < comments.length && comments[comment] < pos) comment++;
    const r = runs[run];
    const c = comments[comment];
    if (r === undefined && c === undefined) break;
    if (c !== undefined && (r === undefined || c < r.start)) {
      const close = noClose ? -1 : slice.indexOf('-->', c + 2);
      if (close < 0) {
        noClose = true; // no later comment can close either: an unclosed one is literal text
        comment++;
        continue;
      }
      out.push({ start: base + c, end: base + close + 3, kind: 'comment' });
      pos = close + 3;
      continue;
    }
    const list = byLength.get(r.length)!;
    while (list.next < list.runs.length && list.runs[list.next].start <= r.start) list.next++;
    const closing = list.runs[list.next];
    if (closing === undefined || closing.paragraph !== r.paragraph) {
      pos = r.start + r.length; // an unmatched run is literal backticks
      continue;
    }
    out.push({ start: base + r.start, end: base + closing.start + r.length, kind: 'code' });
    pos = closing.start + r.length;
  }
  return out;
}

/** Whether the character at `offset` is escaped: an odd number of backslashes stands right before it. */
export function escapedAt(text: string, offset: number): boolean {
  let n = 0;
  while (offset - n > 0 && text[offset - n - 1] === '\\') n++;
  return n % 2 === 1;
}

const VERBATIM_ENVS = new Set(['verbatim', 'verbatim*', 'Verbatim', 'Verbatim*', 'BVerbatim', 'LVerbatim', 'lstlisting', 'minted', 'comment', 'filecontents', 'filecontents*']);

function latexRegions(text: string): Region[] {
  const regions: Region[] = [];
  const breaks = [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index);
  /** The offset of the line break ending the line that holds `at`, or the text's end. */
  const lineEnd = (at: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return breaks[lo] ?? text.length;
  };
  // Next occurrence of a character at or after `from`; searches only move forward, so the whole scan stays linear.
  const found = new Map<string, number>();
  const nextOf = (char: string, from: number): number => {
    const known = found.get(char);
    if (known !== undefined && (known >= from || known < 0)) return known < 0 ? -1 : known;
    const at = text.indexOf(char, from);
    found.set(char, at);
    return at;
  };
  const command = /\\(?:begin\{([^{}\r\n]*)\}|(verb\*?|lstinline|mintinline\{[^{}\r\n]*\})(\[[^\]\r\n]*\])?)|%|\\[^]/g;
  for (let m = command.exec(text); m; m = command.exec(text)) {
    const start = m.index;
    let end: number | undefined;
    if (m[0] === '%') {
      end = lineEnd(start);
      regions.push({ start, end, kind: 'comment', toLineEnd: true });
    } else if (m[1] !== undefined) {
      if (!VERBATIM_ENVS.has(m[1])) continue;
      const close = text.indexOf(`\\end{${m[1]}}`, command.lastIndex);
      end = close < 0 ? text.length : close + `\\end{${m[1]}}`.length;
      regions.push({ start, end, kind: 'code', ...(close < 0 && { unclosed: true }) });
    } else if (m[2] !== undefined) {
      // \verb|…|, \lstinline[…]{…}: the argument ends at the matching delimiter on the same line.
      const open = command.lastIndex;
      const delimiter = text[open];
      if (delimiter === undefined || /[\sA-Za-z*]/.test(delimiter)) continue;
      const close = nextOf(delimiter === '{' ? '}' : delimiter, open + 1);
      if (close < 0 || close > lineEnd(open)) continue;
      end = close + 1;
      regions.push({ start, end, kind: 'code' });
    }
    if (end !== undefined) command.lastIndex = end;
  }
  return regions;
}
