import type { SourceRange } from '../model';
import type { TextEdit } from './draft/edit';
import { lineColumn } from '../position';
import type { Reference } from './reference';
import { oneLine } from '../corpus/oneLine';
import { latexText } from './escape/latex';
import { dateParts } from './styles/fields';

/** biblatex entry types (also read by biblatex-gb7714-2015 and the gbt7714 BibTeX style). */
const BIB_TYPES: Record<Reference['type'], string> = {
  N: 'newspaper',
  J: 'article',
  M: 'book',
  R: 'report',
  EB: 'online',
  A: 'archive',
  S: 'standard',
  C: 'proceedings',
  D: 'thesis',
  P: 'patent',
};

/**
 * One BibTeX entry; names in double braces so BibTeX never splits a Chinese name or a body. Every
 * value is escaped (latexText) so that none can close its field, open a group or run a command; a
 * URL keeps its characters for \url, with those a URL cannot hold percent-encoded.
 */
export function toBibTeX(ref: Reference): string {
  const fields: Array<[string, string | undefined]> = [
    ['author', ref.authors.length ? ref.authors.map((a) => `{${latexText(a)}}`).join(' and ') : undefined],
    ['title', latexText(ref.title)],
    [ref.type === 'N' || ref.type === 'J' ? 'journal' : 'organization', ref.publication && latexText(ref.publication)],
    ['date', ref.date && latexText(ref.date)],
    ['year', dateParts(ref.date)?.year],
    ['volume', ref.volume && latexText(ref.volume)],
    ['number', (ref.issue ?? ref.number) && latexText((ref.issue ?? ref.number)!)],
    ['pages', ref.page && latexText(ref.page)],
    ['publisher', ref.publisher && latexText(ref.publisher)],
    ['address', ref.place && latexText(ref.place)],
    // A work read in print is cited without its URL: the styles would make it /OL.
    ['url', ref.online && ref.url ? urlValue(ref.url) : undefined],
    ['urldate', ref.online && ref.accessed ? latexText(ref.accessed) : undefined],
    ['langid', ref.language.startsWith('zh') ? 'chinese' : latexText(ref.language)],
  ];
  const body = fields
    .filter((f): f is [string, string] => !!f[1])
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@${BIB_TYPES[ref.type]}{${ref.key},\n${body}\n}`;
}

/** Braces, backslashes, blanks, quotes and a % that starts no escape are not URL characters: encoded, the rest kept. */
function urlValue(url: string): string {
  return oneLine(url).replace(/[\s"<>\\^`{|}]|%(?![0-9A-Fa-f]{2})/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export interface BibEntry extends SourceRange {
  type: string;
  key: string;
}

/** Reads the entries of a .bib file: where each starts and ends. Syntax errors are reported by line. */
export function parseBib(text: string): { entries: BibEntry[]; errors: string[] } {
  const entries: BibEntry[] = [];
  const errors: string[] = [];
  const at = /@([A-Za-z]+)\s*([{(])/g;
  for (let m = at.exec(text); m; m = at.exec(text)) {
    const start = m.index;
    const open = m[2];
    const close = open === '{' ? '}' : ')';
    let depth = 1;
    let i = at.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '{' || (open === '(' && c === '(')) depth++;
      else if (c === '}' || (open === '(' && c === close)) depth--;
    }
    const type = m[1].toLowerCase();
    if (depth > 0) {
      errors.push(`line ${lineColumn(text, start).line}: the @${m[1]} entry is never closed (unbalanced braces)`);
      break;
    }
    at.lastIndex = i;
    if (type === 'comment' || type === 'string' || type === 'preamble') continue;
    const key = text.slice(m.index + m[0].length, i).match(/^\s*([^,\s{}()]+)\s*,/);
    if (!key) {
      errors.push(`line ${lineColumn(text, start).line}: the @${m[1]} entry has no key`);
      continue;
    }
    entries.push({ type, key: key[1], start, end: i });
  }
  return { entries, errors };
}

/**
 * Edits that add entries to a .bib file or replace the ones with the same key. A file with
 * syntax errors is not touched: the caller reports the errors instead.
 */
export function upsertBib(text: string, refs: Reference[]): { edits: TextEdit[] } | { error: string } {
  const { entries, errors } = parseBib(text);
  if (errors.length) return { error: errors.join('; ') };
  const edits: TextEdit[] = [];
  let appended = '';
  for (const ref of refs) {
    const entry = toBibTeX(ref);
    const existing = entries.find((e) => e.key === ref.key);
    if (existing) {
      if (text.slice(existing.start, existing.end) !== entry) edits.push({ start: existing.start, end: existing.end, text: entry });
    } else {
      appended += `${entry}\n`;
    }
  }
  if (appended) {
    const sep = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    edits.push({ start: text.length, end: text.length, text: sep + appended });
  }
  return { edits };
}

/**
 * Edits that take the entries with these keys out of a .bib file, with the line break after each
 * (used when the citation that added them is undone). A file with syntax errors is left alone.
 */
export function removeBib(text: string, keys: string[]): TextEdit[] {
  const { entries, errors } = parseBib(text);
  if (errors.length) return [];
  return entries
    .filter((e) => keys.includes(e.key))
    .map((e) => {
      // The blank line StatCite put before an appended entry goes with it.
      const before = text.slice(0, e.start).endsWith('\n\n') ? 1 : 0;
      const after = /^\r?\n/.exec(text.slice(e.end))?.[0].length ?? 0;
      return { start: e.start - before, end: e.end + after, text: '' };
    });
}
