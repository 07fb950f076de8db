/**
 * YAML front matter, the flat subset corpus files use: `key: value`, quoted values, inline lists
 * `[a, b]` and block lists (`key:` then `- item` lines), comments. A dependency-free parser is
 * enough for that subset; anything else is reported, and the lines it understood are still used.
 */
import type { Problem } from '../model';

export interface FrontMatter {
  fields: Record<string, string | string[]>;
  /** Offset just after the closing `---` line: where the Markdown body starts. */
  bodyStart: number;
  problems: Problem[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
// Values may hold a lone carriage return or control characters ([^] matches them): they are read,
// and metadata.ts puts them on one line with a warning.
const ENTRY = /^([A-Za-z_\p{Script=Han}][\w\p{Script=Han} -]*?)\s*:(?:\s+([^]*?))?\s*$/u;
const ITEM = /^\s+-\s+([^]*?)\s*$|^-\s+([^]*?)\s*$/;

/** The front matter at the start of text, or undefined when the text has none. */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const problems: Problem[] = [];
  // No prototype: "__proto__" or "constructor" in front matter are fields like any other.
  const fields: Record<string, string | string[]> = Object.create(null);
  let pos = open[0].length;
  let lineNo = 1;
  let listKey: string | undefined;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const next = nl < 0 ? text.length : nl + 1;
    lineNo++;
    if (CLOSE.test(line)) return { fields, bodyStart: next, problems };
    const range = { start: pos, end: pos + line.length };
    pos = next;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const item = ITEM.exec(line);
    if (item && listKey !== undefined) {
      (fields[listKey] as string[]).push(unquote(item[1] ?? item[2]));
      continue;
    }
    const entry = ENTRY.exec(line);
    if (!entry) {
      problems.push({ severity: 'warning', message: `front matter line ${lineNo} not understood: "${line.trim()}"`, range });
      listKey = undefined;
      continue;
    }
    const key = entry[1].trim();
    const value = entry[2] ?? '';
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

function unquote(value: string): string {
  const q = value[0];
  if (q === '"' || q === "'") {
    const end = value.indexOf(q, 1);
    if (end > 0) return value.slice(1, end);
  }
  return value.replace(/\s+#.*$/, '');
}

function splitInlineList(inner: string): string[] {
  return inner
    .split(',')
    .map((s) => unquote(s.trim()))
    .filter((s) => s !== '');
}
