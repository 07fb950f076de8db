/**
 * A segment of the search index: the postings of a batch of documents, packed in typed arrays
 * once the batch is complete and never changed after (a removed document is marked dead in the
 * index, see terms.ts, and left out when segments are merged). Packed, the news corpus's postings
 * take about a sixth of the memory MiniSearch's maps of maps took, and a segment is saved and
 * loaded as raw bytes.
 *
 * Layout: the terms, sorted by UTF-16 code units, as one string (`text`) cut at `starts`; per
 * document its id (ascending) and its field lengths (unique terms, as MiniSearch counts them); per
 * term, in the terms' order, a block [number of fields, then per field: field, n, (id, frequency) ×
 * n], ids ascending. A segment's documents come from consecutive files, so their ids follow those
 * of the segments before it.
 */
import { partitionPoint } from '../partition';


export interface Segment {
  /** Number of fields every document has a length for. */
  readonly fields: number;
  /** The sorted terms, one after the other. */
  readonly text: string;
  /** Where each term starts in text, and where the last ends: terms + 1 entries. */
  readonly starts: Int32Array;
  /** Document ids, ascending. */
  readonly ids: Int32Array;
  /** Field lengths: fields per document. */
  readonly lengths: Int32Array;
  /** Term blocks, one after the other. */
  readonly postings: Int32Array;
  /** Where each term's block starts in postings: terms + 1 entries. */
  readonly blocks: Int32Array;
}

export const termCount = (segment: Segment): number => segment.starts.length - 1;

export function termAt(segment: Segment, t: number): string {
  return segment.text.slice(segment.starts[t], segment.starts[t + 1]);
}

/** -1, 0 or 1 as term t of the segment sorts before, equal to or after `term`. */
function compareAt(segment: Segment, t: number, term: string): number {
  const { text, starts } = segment;
  const start = starts[t];
  const length = starts[t + 1] - start;
  const n = Math.min(length, term.length);
  for (let i = 0; i < n; i++) {
    const a = text.charCodeAt(start + i);
    const b = term.charCodeAt(i);
    if (a !== b) return a < b ? -1 : 1;
  }
  return length === term.length ? 0 : length < term.length ? -1 : 1;
}

/** The first term not sorting before `term`. */
export function lowerBound(segment: Segment, term: string): number {
  return partitionPoint(termCount(segment), (i) => compareAt(segment, i, term) < 0);
}

/** The term's number in the segment, or -1. */
export function findTerm(segment: Segment, term: string): number {
  const t = lowerBound(segment, term);
  return t < termCount(segment) && compareAt(segment, t, term) === 0 ? t : -1;
}

/** Whether term t starts with `prefix`. */
export function startsWith(segment: Segment, t: number, prefix: string): boolean {
  const { text, starts } = segment;
  if (starts[t + 1] - starts[t] < prefix.length) return false;
  return text.startsWith(prefix, starts[t]);
}

/** A term's postings in one field: n (id, frequency) pairs from `at` in data. */
export interface FieldPostings {
  data: Int32Array;
  at: number;
  n: number;
}

/** The postings of term t in a field, or undefined when the term is not in that field. */
export function fieldPostings(segment: Segment, t: number, field: number): FieldPostings | undefined {
  let found: FieldPostings | undefined;
  eachField(segment, t, (f, at, n) => {
    if (f === field) found = { data: segment.postings, at, n };
  });
  return found;
}

/** Number of postings of term t in all fields together (from the size of its block). */
export function postingCount(segment: Segment, t: number): number {
  const { postings, blocks } = segment;
  return (blocks[t + 1] - blocks[t] - 1 - 2 * postings[blocks[t]]) / 2;
}

/** The postings of term t, field by field: `visit` is called with each field it is in. */
export function eachField(segment: Segment, t: number, visit: (field: number, at: number, n: number) => void): void {
  const { postings } = segment;
  let at = segment.blocks[t];
  const fields = postings[at++];
  for (let f = 0; f < fields; f++) {
    const n = postings[at + 1];
    visit(postings[at], at + 2, n);
    at += 2 + 2 * n;
  }
}

/** The document's place in the segment (its index in ids), or -1; searching from `from` on. */
export function documentAt(segment: Segment, id: number, from = 0): number {
  const { ids } = segment;
  const at = partitionPoint(ids.length, (i) => ids[i] < id, from);
  return at < ids.length && ids[at] === id ? at : -1;
}

/**
 * Collects a batch of documents' terms and packs them into a segment. Documents come in ascending
 * id order, their fields in field order, so each term's postings are appended already sorted.
 */
export class SegmentBuilder {
  /** Term → [field, id, frequency, …] in the order added. */
  private readonly postings = new Map<string, number[]>();
  private readonly ids: number[] = [];
  private readonly lengths: number[] = [];

  constructor(readonly fields: number) {}

  get documents(): number {
    return this.ids.length;
  }

  /** Adds a document: its terms per field, in field order, with repeats (they count). */
  add(id: number, fieldTerms: readonly (readonly string[])[]): void {
    if (this.ids.length && id <= this.ids[this.ids.length - 1]) throw new Error(`search: document ${id} added out of order`);
    this.ids.push(id);
    for (let field = 0; field < this.fields; field++) {
      const frequencies = new Map<string, number>();
      for (const term of fieldTerms[field] ?? []) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      this.lengths.push(frequencies.size);
      for (const [term, frequency] of frequencies) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(field, id, frequency);
      }
    }
  }

  /** A document's field lengths, when it was added here. */
  lengthsOf(id: number): number[] | undefined {
    const { ids } = this;
    const lo = partitionPoint(ids.length, (i) => ids[i] < id);
    return lo < ids.length && ids[lo] === id ? this.lengths.slice(lo * this.fields, (lo + 1) * this.fields) : undefined;
  }

  /** The packed segment of what was added. */
  build(): Segment {
    const terms = [...this.postings.keys()].sort();
    let size = 0;
    for (const term of terms) {
      const list = this.postings.get(term)!;
      const fields = new Set<number>();
      for (let i = 0; i < list.length; i += 3) fields.add(list[i]);
      size += 1 + 2 * fields.size + (2 * list.length) / 3;
    }
    const postings = new Int32Array(size);
    const blocks = new Int32Array(terms.length + 1);
    let at = 0;
    terms.forEach((term, t) => {
      blocks[t] = at;
      const list = this.postings.get(term)!;
      const byField: number[][] = [];
      for (let i = 0; i < list.length; i += 3) (byField[list[i]] ??= []).push(list[i + 1], list[i + 2]);
      const countAt = at++;
      let fields = 0;
      byField.forEach((pairs, field) => {
        fields++;
        postings[at++] = field;
        postings[at++] = pairs.length / 2;
        postings.set(pairs, at);
        at += pairs.length;
      });
      postings[countAt] = fields;
    });
    blocks[terms.length] = at;
    return packed(this.fields, terms, Int32Array.from(this.ids), Int32Array.from(this.lengths), postings, blocks);
  }
}

function packed(fields: number, terms: string[], ids: Int32Array, lengths: Int32Array, postings: Int32Array, blocks: Int32Array): Segment {
  const starts = new Int32Array(terms.length + 1);
  let at = 0;
  terms.forEach((term, t) => {
    starts[t] = at;
    at += term.length;
  });
  starts[terms.length] = at;
  return { fields, text: terms.join(''), starts, ids, lengths, postings, blocks };
}

/**
 * One segment of consecutive segments' live documents (`alive` says which), in id order: how
 * small segments (one per saved file) and segments with many removed documents are compacted.
 */
export function mergeSegments(segments: readonly Segment[], alive: (id: number) => boolean): Segment {
  const fields = segments[0]?.fields ?? 0;
  const ids: number[] = [];
  const lengths: number[] = [];
  for (const s of segments) {
    for (let d = 0; d < s.ids.length; d++) {
      if (!alive(s.ids[d])) continue;
      ids.push(s.ids[d]);
      for (let f = 0; f < fields; f++) lengths.push(s.lengths[d * fields + f]);
    }
  }
  // Every term once, sorted, with the segments holding it.
  const holders = new Map<string, Array<[segment: number, term: number]>>();
  segments.forEach((s, i) => {
    for (let t = 0; t < termCount(s); t++) {
      const term = termAt(s, t);
      let list = holders.get(term);
      if (!list) holders.set(term, (list = []));
      list.push([i, t]);
    }
  });
  const terms: string[] = [];
  const blocks: number[] = [];
  const out: number[] = [];
  for (const term of [...holders.keys()].sort()) {
    const start = out.length;
    out.push(0);
    let fieldCount = 0;
    for (let f = 0; f < fields; f++) {
      const countAt = out.length;
      out.push(f, 0);
      let n = 0;
      for (const [i, t] of holders.get(term)!) {
        const p = fieldPostings(segments[i], t, f);
        if (!p) continue;
        for (let j = p.at; j < p.at + 2 * p.n; j += 2) {
          if (!alive(p.data[j])) continue;
          out.push(p.data[j], p.data[j + 1]);
          n++;
        }
      }
      if (n === 0) out.length = countAt;
      else {
        out[countAt + 1] = n;
        fieldCount++;
      }
    }
    if (fieldCount === 0) {
      out.length = start;
      continue;
    }
    out[start] = fieldCount;
    terms.push(term);
    blocks.push(start);
  }
  blocks.push(out.length);
  return packed(fields, terms, Int32Array.from(ids), Int32Array.from(lengths), Int32Array.from(out), Int32Array.from(blocks));
}

/** What a saved segment holds besides its numbers. */
export interface SegmentHead {
  fields: number;
  documents: number;
  text: string;
  /** Length of each term, in order (the starts follow). */
  termLengths: number[];
}

/** A segment as a head and its numbers (ids, lengths, postings one after the other), to save. */
export function packSegment(segment: Segment): { head: SegmentHead; data: Int32Array } {
  const { fields, text, starts, ids, lengths, postings } = segment;
  const termLengths: number[] = [];
  for (let t = 0; t + 1 < starts.length; t++) termLengths.push(starts[t + 1] - starts[t]);
  const data = new Int32Array(ids.length + lengths.length + postings.length);
  data.set(ids, 0);
  data.set(lengths, ids.length);
  data.set(postings, ids.length + lengths.length);
  return { head: { fields, documents: ids.length, text, termLengths }, data };
}

/**
 * The segment a head and its numbers describe; throws when they do not hold together (a cache
 * edited or written wrong: the checksums catch damage before this). Checks everything a search
 * relies on: terms sorted and distinct, ids ascending, every block within bounds with fields in
 * order and ids ascending, frequencies and lengths positive.
 */
export function unpackSegment(head: SegmentHead, data: Int32Array): Segment {
  const bad = (why: string): never => {
    throw new Error(`search: the saved segment is not one (${why})`);
  };
  const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  const { fields, documents, text, termLengths } = head;
  if (!isCount(fields) || fields < 1 || !isCount(documents) || typeof text !== 'string' || !Array.isArray(termLengths)) bad('head');
  if (documents * (1 + fields) > data.length) bad('size');
  const starts = new Int32Array(termLengths.length + 1);
  let at = 0;
  termLengths.forEach((n, t) => {
    if (!isCount(n) || n === 0) bad('term length');
    starts[t] = at;
    at += n;
  });
  starts[termLengths.length] = at;
  if (at !== text.length) bad('terms');
  const ids = data.subarray(0, documents);
  const lengths = data.subarray(documents, documents * (1 + fields));
  const postings = data.subarray(documents * (1 + fields));
  for (let d = 0; d < documents; d++) if (ids[d] < 0 || (d > 0 && ids[d] <= ids[d - 1])) bad('ids');
  for (let i = 0; i < lengths.length; i++) if (lengths[i] < 0) bad('lengths');
  const segment: Segment = { fields, text, starts, ids, lengths, postings, blocks: new Int32Array(termLengths.length + 1) };
  const first = documents ? ids[0] : 0;
  const last = documents ? ids[documents - 1] : -1;
  let p = 0;
  for (let t = 0; t < termLengths.length; t++) {
    if (t > 0 && compareAt(segment, t - 1, termAt(segment, t)) >= 0) bad('term order');
    segment.blocks[t] = p;
    const count = postings[p++];
    if (!(count >= 1 && count <= fields)) bad('block');
    let lastField = -1;
    for (let f = 0; f < count; f++) {
      const field = postings[p];
      const n = postings[p + 1];
      if (!(field > lastField && field < fields && n >= 1 && p + 2 + 2 * n <= postings.length)) bad('block');
      lastField = field;
      let lastId = first - 1;
      for (let j = p + 2; j < p + 2 + 2 * n; j += 2) {
        if (!(postings[j] > lastId && postings[j] <= last && postings[j + 1] >= 1)) bad('postings');
        lastId = postings[j];
      }
      p += 2 + 2 * n;
    }
  }
  if (p !== postings.length) bad('postings size');
  segment.blocks[termLengths.length] = p;
  return segment;
}
