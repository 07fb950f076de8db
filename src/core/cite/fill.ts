import { parseFrontMatter } from '../corpus/frontmatter';
import { isoDate } from '../corpus/metadata';

/**
 * Writing the source details a user fills in: into the Markdown file's own front matter when it has
 * one, else into the statcite.meta.json that applies to the file (see corpus/metadata.ts). The user's
 * other fields, entries and formatting of the front matter are kept.
 */

/** Fields a user may be asked for, in the order a reference reads them. */
export const FILLABLE = ['authors', 'publication', 'date', 'page', 'volume', 'issue', 'number', 'place', 'publisher', 'url', 'accessed'] as const;
export type Fillable = (typeof FILLABLE)[number];

export function isFillable(field: string): field is Fillable {
  return (FILLABLE as readonly string[]).includes(field);
}

/** A typed value made ready for the metadata, or the reason it cannot be used. */
export function checkField(field: Fillable, raw: string): { value: string | string[] } | { error: string } {
  const value = raw.trim();
  if (field === 'date' || field === 'accessed') {
    const iso = isoDate(value);
    return iso ? { value: iso } : { error: 'not a date: write YYYY-MM-DD, YYYY-MM or YYYY' };
  }
  if (field === 'url') return /^https?:\/\/\S+$/i.test(value) ? { value } : { error: 'a URL starts with http:// or https://' };
  if (field === 'authors') {
    const names = value.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
    return names.length ? { value: names } : { error: 'write one or more names, separated by commas' };
  }
  return value ? { value } : { error: 'empty' };
}

type Fields = Partial<Record<Fillable, string | string[]>>;

/**
 * The sidecar's new text with the fields added to the entry of `entryKey` (a file name, or a path
 * relative to the sidecar's folder). An empty text is a new sidecar; a sidecar that is not a JSON
 * object is an error and is not rewritten.
 */
export function writeSidecarFields(json: string, entryKey: string, fields: Fields): { text: string } | { error: string } {
  let data: unknown = {};
  if (json.trim()) {
    try {
      data = JSON.parse(json.replace(/^\ufeff/, ''));
    } catch (err) {
      return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)}); fix it first` };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: 'expected an object with "defaults" and "files"' };
  const sidecar = data as { files?: unknown };
  if (sidecar.files !== undefined && (typeof sidecar.files !== 'object' || sidecar.files === null || Array.isArray(sidecar.files))) {
    return { error: '"files" should be an object' };
  }
  const files = (sidecar.files ?? {}) as Record<string, Record<string, unknown>>;
  files[entryKey] = { ...(files[entryKey] ?? {}), ...fields };
  sidecar.files = files;
  return { text: JSON.stringify(sidecar, null, 2) + '\n' };
}

/** Quoted so the front matter reader (which knows no escapes) reads the value back as written. */
function quote(value: string): string {
  return !value.includes('"') ? `"${value}"` : !value.includes("'") ? `'${value}'` : value;
}

function yamlValue(value: string | string[]): string {
  return Array.isArray(value) ? `[${value.map(quote).join(', ')}]` : quote(value);
}

/**
 * The Markdown text with the fields set in its front matter: a line `field: …` already there is
 * replaced (with its block list, if any), others are added before the closing `---`. Undefined
 * when the text has no front matter to write into.
 */
export function writeFrontMatterFields(text: string, fields: Fields): string | undefined {
  const front = parseFrontMatter(text);
  if (!front || front.bodyStart === 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const head = text.slice(0, front.bodyStart);
  // Lines of the front matter: the opening '---', the fields, the closing '---', and '' after its break.
  const lines = (/\n$/.test(head) ? head : head + eol).split(/\r?\n/);
  const added: string[] = [];
  for (const [field, value] of Object.entries(fields) as Array<[Fillable, string | string[]]>) {
    const line = `${field}: ${yamlValue(value)}`;
    const closing = lines.length - 2;
    const at = lines.findIndex((l, i) => i > 0 && i < closing && new RegExp(`^${field}\\s*:`, 'i').test(l));
    if (at < 0) {
      added.push(line);
      continue;
    }
    let end = at + 1;
    while (end < closing && /^\s*-\s/.test(lines[end])) end++;
    lines.splice(at, end - at, line);
  }
  return [...lines.slice(0, -2), ...added, lines[lines.length - 2], ''].join(eol) + text.slice(front.bodyStart);
}
