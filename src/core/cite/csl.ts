import { dateParts } from './styles/fields';
import type { Reference } from './reference';

/** A CSL-JSON item (the fields StatCite writes). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: Array<{ literal: string }>;
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  page?: string;
  URL?: string;
  publisher?: string;
  'publisher-place'?: string;
  language: string;
}

const CSL_TYPES: Record<Reference['type'], string> = {
  N: 'article-newspaper',
  'EB/OL': 'webpage',
  R: 'report',
  J: 'article-journal',
  M: 'book',
};

function cslDate(date: string | undefined): { 'date-parts': number[][] } | undefined {
  const p = dateParts(date);
  if (!p) return undefined;
  return { 'date-parts': [[Number(p.year), ...(p.month ? [p.month] : []), ...(p.day ? [p.day] : [])]] };
}

/** Names are literal: Chinese personal names and issuing bodies are not split into given/family. */
export function toCsl(ref: Reference): CslItem {
  const item: CslItem = { id: ref.key, type: CSL_TYPES[ref.type], title: ref.title, language: ref.language };
  if (ref.authors.length) item.author = ref.authors.map((literal) => ({ literal }));
  if (ref.publication) item['container-title'] = ref.publication;
  const issued = cslDate(ref.date);
  if (issued) item.issued = issued;
  const accessed = cslDate(ref.accessed);
  if (accessed) item.accessed = accessed;
  if (ref.page) item.page = ref.page;
  if (ref.url) item.URL = ref.url;
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
