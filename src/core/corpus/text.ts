/** Lexical helpers shared by the plain-text and Markdown readers: lines, punctuation, sentence ends. */
import type { SourceRange } from '../model';

/** A line of the text, trimmed of surrounding white space (ASCII and the ideographic space). */
export interface Line extends SourceRange {
  /** The trimmed content, text.slice(start, end). */
  content: string;
}

const SPACE = /[ \t\u3000\u00a0\ufeff]/;

/** Every line with its trimmed range; blank lines have content ''. Handles \n, \r\n and \r. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let end = pos;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let s = pos;
    let e = end;
    while (s < e && SPACE.test(text[s])) s++;
    while (e > s && SPACE.test(text[e - 1])) e--;
    out.push({ start: s, end: e, content: text.slice(s, e) });
    if (end >= n) break;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return out;
}

/** Marks that end a sentence. A colon or semicolon also closes a paragraph (a list follows). */
const SENTENCE_END = '。！？!?…；;：:';
/** Closing quotes and brackets that may follow the sentence end: 说。” ends, “金点子” does not. */
const CLOSERS = '”’」』)）】》"\'';

/** True when the paragraph ends a sentence, i.e. it was not cut off by a page break. */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.includes(s[i])) i--;
  return i >= 0 && SENTENCE_END.includes(s[i]);
}

/** Marks that end the heading sentence of an inline section heading (一、…。 body …). */
const HEADING_END = /[。！？!?；;]/;

/** Index of the end of the first sentence, or -1 when the string has none. */
export function firstSentenceEnd(s: string): number {
  const m = HEADING_END.exec(s);
  return m ? m.index : -1;
}

/** Number of characters counted as the string's length for layout rules (code points). */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The text of several ranges, joined without separator (page-break joins remove the break). */
export function joinRanges(text: string, ranges: readonly SourceRange[]): string {
  if (ranges.length === 1) return text.slice(ranges[0].start, ranges[0].end);
  let s = '';
  for (const r of ranges) s += text.slice(r.start, r.end);
  return s;
}

/** The last path segment without its extension: the title of a file that states none. */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The source ranges under [from, to) of the text joined from `ranges` (as joinRanges builds it):
 * maps a span of a passage's or title's text back onto the file.
 */
export function subRanges(ranges: readonly SourceRange[], from: number, to: number): SourceRange[] {
  const out: SourceRange[] = [];
  let offset = 0;
  for (const r of ranges) {
    const len = r.end - r.start;
    const s = Math.max(from, offset);
    const e = Math.min(to, offset + len);
    if (s < e) out.push({ start: r.start + s - offset, end: r.start + e - offset });
    offset += len;
    if (offset >= to) break;
  }
  return out;
}
