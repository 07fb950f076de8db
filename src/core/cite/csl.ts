import { dateParts } from './styles/fields';
import { personalName } from './styles/names';
import type { Reference } from './reference';

/** A CSL name: a person split into family and given names, or a body (or a Chinese name) as written. */
export type CslName = { family: string; given?: string } | { literal: string };

/** A CSL-JSON item (the fields StatCite writes). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  page?: string;
  volume?: string;
  issue?: string;
  number?: string;
  URL?: string;
  publisher?: string;
  'publisher-place'?: string;
  language: string;
}

/** CSL types for the GB/T 7714 codes (those the GB/T 7714 CSL styles map back to the same code). */
const CSL_TYPES: Record<Reference['type'], string> = {
  N: 'article-newspaper',
  J: 'article-journal',
  M: 'book',
  R: 'report',
  EB: 'webpage',
  A: 'collection',
  S: 'standard',
  C: 'paper-conference',
  D: 'thesis',
  P: 'patent',
};

function cslDate(date: string | undefined): { 'date-parts': number[][] } | undefined {
  const p = dateParts(date);
  if (!p) return undefined;
  return { 'date-parts': [[Number(p.year), ...(p.month ? [p.month] : []), ...(p.day ? [p.day] : [])]] };
}

/**
 * A Western personal name is split so styles can invert and abbreviate it; Chinese names and
 * bodies stay literal (a style must not split 北京市委政法委 or 汪冰 into given and family names).
 */
export function cslName(name: string): CslName {
  const person = personalName(name);
  if (!person) return { literal: name };
  return person.given.length ? { family: person.family, given: person.given.join(' ') } : { family: person.family };
}

/** "zh" → "zh-CN" (the locale CSL styles and citeproc know); other tags as given. */
function cslLanguage(language: string): string {
  return /^zh$/i.test(language) ? 'zh-CN' : language;
}

export function toCsl(ref: Reference): CslItem {
  const item: CslItem = { id: ref.key, type: CSL_TYPES[ref.type], title: ref.title, language: cslLanguage(ref.language) };
  if (ref.authors.length) item.author = ref.authors.map(cslName);
  if (ref.publication) item['container-title'] = ref.publication;
  const issued = cslDate(ref.date);
  if (issued) item.issued = issued;
  if (ref.page) item.page = ref.page;
  if (ref.volume) item.volume = ref.volume;
  if (ref.issue) item.issue = ref.issue;
  if (ref.number) item.number = ref.number;
  // A work read in print is cited without URL and 引用日期: CSL styles would make it /OL.
  if (ref.online) {
    const accessed = cslDate(ref.accessed);
    if (accessed) item.accessed = accessed;
    if (ref.url) item.URL = ref.url;
  }
  if (ref.publisher) item.publisher = ref.publisher;
  if (ref.place) item['publisher-place'] = ref.place;
  return item;
}

/**
 * Adds or replaces items (by id) in the text of a CSL-JSON bibliography file. An empty file is an
 * empty list; anything that is not a JSON array of objects is an error and nothing is changed.
 */
export function upsertCsl(fileText: string, items: CslItem[]): { text: string } | { error: string } {
  let list: unknown = [];
  if (fileText.trim()) {
    try {
      list = JSON.parse(fileText);
    } catch (err) {
      return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'object' || x === null)) {
    return { error: 'a CSL-JSON bibliography must be a JSON array of items' };
  }
  const out = [...(list as Array<{ id?: unknown }>)];
  for (const item of items) {
    const at = out.findIndex((x) => x.id === item.id);
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return { text: JSON.stringify(out, null, 2) + '\n' };
}

/** The bibliography without the items with these ids; undefined when it is not a readable list. */
export function removeCsl(fileText: string, ids: string[]): string | undefined {
  try {
    const list: unknown = JSON.parse(fileText);
    if (!Array.isArray(list)) return undefined;
    return JSON.stringify(list.filter((x: { id?: unknown }) => !ids.includes(String(x?.id))), null, 2) + '\n';
  } catch {
    return undefined;
  }
}
