/**
 * Corpus text as literal inline Markdown: whatever it holds, it renders as the same characters in
 * CommonMark, GFM, Pandoc and VS Code's preview (which adds math and linkify), and StatCite's own
 * draft syntax ([^1], [@key], <!-- statcite … -->) can never appear in it. Characters are escaped
 * only where they could mean something, so the Markdown source stays readable.
 */
import { oneLine } from '../../corpus/oneLine';

/** A web address written in the text: kept whole as an autolink, where nothing is markup. */
const URL = /(?:https?|ftp):\/\/[^\s<>"`\\^{}|[\]\u0080-\uffff]+/g;
/** Punctuation that ends a sentence rather than the address: a trailing full stop, comma, bracket. */
const TAIL = new Set(['.', ',', ';', ':', '!', '?', "'", ')', '*', '_', '~']);

function withoutTail(url: string): string {
  let end = url.length;
  const opened = (url.match(/\(/g) ?? []).length;
  let closed = (url.match(/\)/g) ?? []).length;
  // A closing parenthesis stays when it closes one of the address ("…/Foo_(bar)").
  while (end > 0 && TAIL.has(url[end - 1]) && (url[end - 1] !== ')' || closed > opened)) {
    if (url[end - 1] === ')') closed--;
    end--;
  }
  return url.slice(0, end);
}

/** Corpus text → Markdown inline text. */
export function markdownText(text: string): string {
  const line = oneLine(text);
  let out = '';
  let pos = 0;
  for (const m of line.matchAll(URL)) {
    const url = withoutTail(m[0]);
    if (!/^[a-z]+:\/\/[^/]/i.test(url)) continue;
    out += escapeRun(line.slice(pos, m.index), pos === 0) + `<${url}>`;
    pos = m.index + url.length;
  }
  return out + escapeRun(line.slice(pos), pos === 0);
}

/** Inside a Pandoc citation ([@key, locator]): also no brackets or ";", which would end or split it. */
export function pandocLocator(text: string): string {
  return markdownText(text.replace(/\[/g, '［').replace(/\]/g, '］')).replace(/;/g, '\\;');
}

const WORD = /[\p{L}\p{N}]/u;

function escapeRun(text: string, atLineStart: boolean): string {
  let out = text
    // Backslashes, code, emphasis and strikethrough or subscript, math, HTML (comments, tags),
    // tables, superscript and footnotes ([^1]), Pandoc citations (@key).
    .replace(/[\\`*~$<|^@]/g, '\\$&')
    // An underscore between letters or digits is never emphasis; elsewhere it may be.
    .replace(/_/g, (u, at: number, s: string) => (WORD.test(s[at - 1] ?? '') && WORD.test(s[at + 1] ?? '') ? u : '\\_'))
    // Entities (&lt; would render as <), and at the end in case the next text completes one.
    .replace(/&(?=#?\w+;|[#\w]*$)/g, '\\&')
    // A closing bracket followed by ( [ { or : makes a link, a reference, a span or a definition;
    // at the end, the text that follows may supply that character.
    .replace(/\]([([{:])/g, ']\\$1')
    .replace(/\]$/, '\\]');
  // What starts a block at the beginning of a line: heading, quotation, list item, rule, definition.
  if (atLineStart) out = out.replace(/^(?:[#>]|[-+:](?=\s|[-+]|$))/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out;
}
