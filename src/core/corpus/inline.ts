/**
 * Markdown lines with inline HTML → the visible text as ranges of the raw file. Tags, entities,
 * emphasis markers, link targets and images are left out of the ranges, so a passage's text is
 * what a reader sees, while every character of it still points at the file. Entities are left out
 * rather than decoded: a range can only hold what the file holds (&nbsp; between words is lost).
 */
import type { SourceRange } from '../model';
import type { Line } from './text';

/** A paragraph as the reader sees it. */
export interface InlinePassage {
  ranges: SourceRange[];
  /** The text of the ranges, joined. */
  text: string;
  /** Every visible character is bold (<strong>, <b>, **): a run-in heading. */
  bold: boolean;
}

/**
 * Inline markup: comments, tags, entities, emphasis, images, links, escapes, code marks. Each
 * alternative stops at the next character that could open another token ('<' in a tag, an
 * unmatched '[' in a link text, an unmatched '(' in a link target), so that text full of openers
 * that never close ('![![![…', '[a]([a](…') is read in linear time; a scan that may run on to a
 * fixed bound from every opener multiplies the text by the bound. Link texts and targets may hold
 * one level of balanced brackets or parentheses (a wiki URL: …/Foo_(bar)).
 */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<\/?([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,1000}>|&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});|\*\*|__|!\[(?:[^[\]]|\[[^[\]]*\])*\]\((?:[^()]|\([^()]*\))*\)|\[((?:[^[\]]|\[[^[\]]*\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)|\\[\\`*_{}[\]()#+\-.!<>&|]|`+/g;

/** Tags that end a paragraph: the text on each side is a passage of its own. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'blockquote', 'section', 'article', 'hr',
]);
const BOLD_TAGS = new Set(['strong', 'b']);

/** A line holding nothing but links ([查看原文](…)): navigation, not content. */
// White space only after each link: `\s*` on both sides of one made the split between two links
// ambiguous, and a failing line took exponential time.
const LINK_ONLY = /^\s*(?:!?\[[^\]]{0,1000}\]\([^)]{0,2000}\)\s*)+$/;

/** The passages of one Markdown paragraph (consecutive lines; soft line breaks join). */
export function inlinePassages(text: string, lines: readonly Line[]): InlinePassage[] {
  const out: InlinePassage[] = [];
  let ranges: SourceRange[] = [];
  let bold = 0;
  let anyPlain = false;
  const flush = (): void => {
    trimRanges(text, ranges);
    if (ranges.length) {
      let s = '';
      for (const r of ranges) s += text.slice(r.start, r.end);
      out.push({ ranges, text: s, bold: !anyPlain });
    }
    ranges = [];
    anyPlain = false;
  };
  const visible = (start: number, end: number): void => {
    if (start >= end) return;
    ranges.push({ start, end });
    if (bold === 0 && !anyPlain) anyPlain = hasNonSpace(text, start, end);
  };
  for (const line of lines) {
    if (LINK_ONLY.test(line.content)) continue;
    const content = line.content;
    let pos = 0;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(content); m; m = TOKEN.exec(content)) {
      visible(line.start + pos, line.start + m.index);
      pos = m.index + m[0].length;
      const token = m[0];
      if (m[1] !== undefined) {
        const tag = m[1].toLowerCase();
        if (BLOCK_TAGS.has(tag)) flush();
        else if (BOLD_TAGS.has(tag)) bold = Math.max(0, bold + (token[1] === '/' ? -1 : 1));
      } else if (m[2] !== undefined) {
        const at = line.start + m.index + 1;
        visible(at, at + m[2].length);
      } else if (token === '**' || token === '__') {
        bold = bold > 0 ? bold - 1 : bold + 1;
      } else if (token[0] === '\\') {
        visible(line.start + m.index + 1, line.start + pos);
      }
    }
    visible(line.start + pos, line.end);
  }
  flush();
  return out;
}

function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) return true;
  return false;
}

/** Drops white space at the ends of the passage, and ranges that hold only white space there. */
function trimRanges(text: string, ranges: SourceRange[]): void {
  while (ranges.length) {
    const r = ranges[0];
    while (r.start < r.end && /\s/.test(text[r.start])) r.start++;
    if (r.start < r.end) break;
    ranges.shift();
  }
  while (ranges.length) {
    const r = ranges[ranges.length - 1];
    while (r.end > r.start && /\s/.test(text[r.end - 1])) r.end--;
    if (r.end > r.start) break;
    ranges.pop();
  }
}

/** A heading's visible title: its text with markup removed and entities decoded. */
export function headingTitle(content: string): string {
  let title = '';
  let pos = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(content); m; m = TOKEN.exec(content)) {
    title += content.slice(pos, m.index);
    pos = m.index + m[0].length;
    if (m[2] !== undefined) title += m[2];
    else if (m[0][0] === '&') title += decodeEntity(m[0]);
    else if (m[0][0] === '\\') title += m[0][1];
  }
  title += content.slice(pos);
  return title.replace(/\s+/g, ' ').trim();
}

const ENTITIES = new Map(Object.entries({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', mdash: '—', hellip: '…' }));

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  // A name HTML does not know is shown as written, as a browser shows it.
  return ENTITIES.get(body) ?? entity;
}
