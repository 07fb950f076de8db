/**
 * YAML front matter, the flat subset corpus files use: `key: value`, quoted values, inline lists
 * `[a, b]` and block lists (`key:` then `- item` lines), comments. A dependency-free parser is
 * enough for that subset; anything else is reported, and the lines it understood are still used.
 */
import type { Problem } from '../model';
import { lineColumns, type LineColumn } from '../position';

export interface FrontMatter {
  fields: Record<string, string | string[]>;
  /** Offset just after the closing `---` line: where the Markdown body starts. */
  bodyStart: number;
  problems: Problem[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const KEY = /^[A-Za-z_\p{Script=Han}][\w\p{Script=Han} -]*$/u;
const ITEM = /^\s*-\s/;

/** The front matter at the start of text, or undefined when the text has none. */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const problems: Problem[] = [];
  // No prototype: "__proto__" or "constructor" in front matter are fields like any other.
  const fields: Record<string, string | string[]> = Object.create(null);
  let pos = open[0].length;
  let listKey: string | undefined;
  // Found once, on the first problem: a line count per problem is quadratic in a broken file.
  let lineOf: ((offset: number) => LineColumn) | undefined;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const next = nl < 0 ? text.length : nl + 1;
    if (CLOSE.test(line)) return { fields, bodyStart: next, problems };
    const range = { start: pos, end: pos + line.length };
    pos = next;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const item = ITEM.exec(line);
    const itemValue = item && line.slice(item[0].length).trim();
    if (itemValue !== null && listKey !== undefined) {
      (fields[listKey] as string[]).push(unquote(itemValue));
      continue;
    }
    const entry = keyValue(line);
    if (!entry) {
      problems.push({ severity: 'warning', message: `front matter line ${(lineOf ??= lineColumns(text))(range.start).line} not understood: "${line.trim()}"`, range });
      listKey = undefined;
      continue;
    }
    const { key, value } = entry;
    if (value === '') {
      fields[key] = [];
      listKey = key;
    } else {
      fields[key] = value.startsWith('[') && value.endsWith(']') ? splitInlineList(value.slice(1, -1)) : unquote(value);
      listKey = undefined;
    }
  }
  return {
    fields: {},
    bodyStart: 0,
    problems: [{ severity: 'warning', message: "front matter not closed (no second '---' line): ignored, the file is read as Markdown", range: { start: 0, end: 3 } }],
  };
}

/**
 * `key: value` (the value may be empty), split by hand at the first colon: the regular expression
 * it replaces (a lazy key before `\s*:`, a lazy value before `\s*$`) was quadratic on lines padded
 * with spaces. A colon must be followed by white space or end the line (`date:2025` is no entry).
 * Values may hold a lone carriage return, line separators or control characters: they are read,
 * and metadata.ts puts them on one line with a warning.
 */
function keyValue(line: string): { key: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const key = line.slice(0, colon).trimEnd();
  const rest = line.slice(colon + 1);
  const value = rest.trim();
  if (!KEY.test(key) || (rest !== '' && !/^\s/.test(rest))) return undefined;
  return { key: key.trim(), value };
}

function unquote(value: string): string {
  const q = value[0];
  if (q === '"' || q === "'") {
    const end = value.indexOf(q, 1);
    if (end > 0) return value.slice(1, end);
  }
  // A comment: '#' after white space, to the end (found without backtracking over the blanks).
  const comment = /\s#/.exec(value);
  return comment ? value.slice(0, comment.index).trimEnd() : value;
}

function splitInlineList(inner: string): string[] {
  return inner
    .split(',')
    .map((s) => unquote(s.trim()))
    .filter((s) => s !== '');
}
