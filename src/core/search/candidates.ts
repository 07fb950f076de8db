/** Which documents can match an AND query, found on the postings before anything is scored. */
import { Cursor, type Part } from './postings';
import type { TermIndex } from './terms';

/** What candidates read of the index. */
type Postings = Pick<TermIndex<unknown>, 'postings' | 'isAlive'>;

/** A query word that must match: itself or, when parts are tried, all of its parts. */
export interface Word {
  term: string;
  parts: string[];
}

/**
 * The live documents that can match an AND query, ascending: those that hold every complete query
 * word (or all of its parts). Scoring every document of each term costs as many steps as a common
 * word (发展, 增长, 国家) has documents, hundreds of thousands in a large corpus; so the
 * intersection is found first on the postings alone — the rarest word's documents, then those of
 * them each other word holds, walking its postings forward — and only these get scored.
 * Undefined when no word is complete (nothing to walk).
 */
export function candidatesOf(inverted: Postings, words: Word[]): Int32Array | undefined {
  if (words.length === 0) return undefined;
  const postings = new Map<string, Part[][]>();
  const fieldsOf = (term: string): Part[][] => {
    let fields = postings.get(term);
    if (!fields) postings.set(term, (fields = inverted.postings(term)));
    return fields;
  };
  const count = (term: string): number => fieldsOf(term).reduce((n, parts) => parts.reduce((m, p) => m + p.n, n), 0);
  // A word's documents are among those of the word itself and of its rarest part.
  const sources = (word: Word): string[] => {
    if (word.parts.length === 0) return [word.term];
    const rarest = word.parts.reduce((a, b) => (count(b) < count(a) ? b : a));
    return [word.term, rarest];
  };
  const size = (word: Word): number => sources(word).reduce((n, term) => n + count(term), 0);
  const [start, ...others] = [...words].sort((a, b) => size(a) - size(b));
  let found = liveDocuments(inverted, sources(start).flatMap(fieldsOf));
  // Of the rarest part's documents, those that hold the word.
  if (start.parts.length) found = holding(found, start, fieldsOf);
  for (const word of others) found = holding(found, word, fieldsOf);
  return found;
}

/** The live documents of these postings, ascending, once each: each list's, merged. */
function liveDocuments(inverted: Postings, lists: Part[][]): Int32Array {
  let all: Int32Array = new Int32Array(0);
  for (const parts of lists) {
    let n = 0;
    for (const p of parts) n += p.n;
    const ids = new Int32Array(n);
    n = 0;
    for (const { data, at, n: size } of parts) {
      for (let j = at; j < at + 2 * size; j += 2) if (inverted.isAlive(data[j])) ids[n++] = data[j];
    }
    all = merged(all, ids.subarray(0, n));
  }
  return all;
}

/** Two ascending lists as one, each id once. */
function merged(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) out[n++] = a[i++];
    else if (b[j] < a[i]) out[n++] = b[j++];
    else {
      out[n++] = a[i++];
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

/** Those of the ids (ascending) that hold the word: itself in some field, or each of its parts. */
function holding(ids: Int32Array, word: Word, fieldsOf: (term: string) => Part[][]): Int32Array {
  const cursors = (term: string): Cursor[] => fieldsOf(term).flatMap((parts) => (parts.length ? [new Cursor(parts)] : []));
  const own = cursors(word.term);
  const parts = word.parts.map(cursors);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (anyHolds(own, id) || (parts.length > 0 && parts.every((part) => anyHolds(part, id)))) ids[n++] = id;
  }
  return ids.subarray(0, n);
}

/** Whether one of these postings (the fields of a term) holds the id. */
function anyHolds(cursors: Cursor[], id: number): boolean {
  for (let i = 0; i < cursors.length; i++) if (cursors[i].has(id)) return true;
  return false;
}
