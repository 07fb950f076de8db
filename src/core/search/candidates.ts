/** Which documents can match an AND query, found on the postings before anything is scored. */
import type { Fields } from './documents';
import type { TermIndex, PostingsView } from './terms';

/** A query word that must match: itself or, when parts are tried, all of its parts. */
export interface Word {
  term: string;
  parts: string[];
}

/**
 * The documents that can match an AND query: those that hold every complete query word (or all
 * of its parts). Scoring walks every document of each term before it intersects, and a
 * common word (发展, 增长, 国家) is in tens of thousands; so the intersection is found first on the
 * postings alone — walking the rarest word's documents and probing the others' — and only these
 * get scored. Undefined when no word is complete (nothing to walk).
 */
export function candidatesOf(inverted: TermIndex<Fields>, words: Word[]): Set<number> | undefined {
  if (words.length === 0) return undefined;
  const index = inverted._index;
  const postings = new Map<string, PostingsView[]>();
  const fieldsOf = (term: string): PostingsView[] => {
    let fields = postings.get(term);
    if (!fields) postings.set(term, (fields = [...(index.get(term)?.values() ?? [])]));
    return fields;
  };
  const count = (term: string): number => fieldsOf(term).reduce((n, docs) => n + docs.size, 0);
  const has = (term: string, doc: number): boolean => fieldsOf(term).some((docs) => docs.has(doc));
  const holds = (word: Word, doc: number): boolean =>
    has(word.term, doc) || (word.parts.length > 0 && word.parts.every((part) => has(part, doc)));
  // A word's documents are among those of the word itself and of its rarest part.
  const sources = (word: Word): string[] => {
    if (word.parts.length === 0) return [word.term];
    const rarest = word.parts.reduce((a, b) => (count(b) < count(a) ? b : a));
    return [word.term, rarest];
  };
  const size = (word: Word): number => sources(word).reduce((n, term) => n + count(term), 0);
  const start = words.reduce((a, b) => (size(b) < size(a) ? b : a));
  const others = words.filter((word) => word !== start);
  const shortIds = inverted._documentIds;
  const found = new Set<number>();
  for (const term of sources(start)) {
    for (const docs of fieldsOf(term)) {
      for (const doc of docs.keys()) {
        const id = shortIds.get(doc);
        if (id !== undefined && !found.has(id) && holds(start, doc) && others.every((word) => holds(word, doc))) found.add(id);
      }
    }
  }
  return found;
}
