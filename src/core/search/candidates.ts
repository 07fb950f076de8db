/** Which documents can match an AND query, found on the postings before anything is scored. */
import { Cursor, type Postings as FieldPostings } from './postings';
import type { TermIndex } from './terms';

/** What candidates read of the index. */
type Index = Pick<TermIndex<unknown>, 'postings' | 'isAlive'>;

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
export function candidatesOf(inverted: Index, words: Word[]): Int32Array | undefined {
  if (words.length === 0) return undefined;
  const postings = new Map<string, FieldPostings[]>();
  const fieldsOf = (term: string): FieldPostings[] => {
    let fields = postings.get(term);
    if (!fields) postings.set(term, (fields = inverted.postings(term)));
    return fields;
  };
  const count = (term: string): number => fieldsOf(term).reduce((n, field) => n + field.size, 0);
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

/** The live documents of these postings, ascending, once each: each field's, merged. */
function liveDocuments(inverted: Index, fields: FieldPostings[]): Int32Array {
  let all: Int32Array = new Int32Array(0);
  for (const { segments, parts, size } of fields) {
    const ids = new Int32Array(size);
    let n = 0;
    for (let k = 0; k < parts.length; k += 3) {
      const data = segments[parts[k]].postings;
      const end = parts[k + 1] + 2 * parts[k + 2];
      for (let j = parts[k + 1]; j < end; j += 2) if (inverted.isAlive(data[j])) ids[n++] = data[j];
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
function holding(ids: Int32Array, word: Word, fieldsOf: (term: string) => FieldPostings[]): Int32Array {
  const cursors = (term: string): Cursor[] => fieldsOf(term).flatMap((field) => (field.size ? [new Cursor(field)] : []));
  const own = cursors(word.term);
  const parts = word.parts.map(cursors);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    // No closure here: one that took the id would cost an allocation per id.
    if (anyHolds(own, ids[i]) || (parts.length > 0 && allHold(parts, ids[i]))) ids[n++] = ids[i];
  }
  return ids.subarray(0, n);
}

/** Whether each of the parts (each the fields of a term) holds the id. */
function allHold(parts: Cursor[][], id: number): boolean {
  for (let i = 0; i < parts.length; i++) if (!anyHolds(parts[i], id)) return false;
  return true;
}

/** Whether one of these postings (the fields of a term) holds the id. */
function anyHolds(cursors: Cursor[], id: number): boolean {
  for (let i = 0; i < cursors.length; i++) if (cursors[i].has(id)) return true;
  return false;
}
