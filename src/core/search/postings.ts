/**
 * A term's postings in one field across the segments of the index (segment.ts). The parts follow
 * their segments, whose ids ascend one after the other, so that together they are one list of ids
 * in ascending order: intersecting it with other ascending ids needs no lookups, only a walk
 * forward.
 */
import type { Segment } from './segment';

/**
 * A term's postings in one field: for each segment that holds it, in segment order, a part of
 * three numbers (the segment's number, where its (id, frequency) pairs start in the segment's
 * postings, how many): numbers rather than an object per part, as a common word has a part in
 * every segment and a query looks up many.
 */
export interface Postings {
  readonly segments: readonly Segment[];
  readonly parts: Int32Array;
  /** Number of pairs in all. */
  readonly size: number;
}

/**
 * The first i in [from, to) with values[base + stride·i] ≥ id (values ascending), else `to`:
 * steps of 1, 2, 4 … from `from`, then a binary search, so that the next of a few ascending ids
 * sought, most often close, costs a few steps rather than a search of the whole rest. Its binary
 * search is written out rather than partitionPoint's: it runs once per matched posting, and the
 * closure made a fifth of a query's time.
 */
export function gallop(values: Int32Array, base: number, stride: number, from: number, to: number, id: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < to && values[base + stride * hi] < id) {
    lo = hi + 1;
    hi = from + step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[base + stride * mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a term's postings in a field hold documents asked in ascending order (see candidates.ts). */
export class Cursor {
  private part = 0;
  private next = 0;

  constructor(private readonly postings: Postings) {}

  /** Whether the postings hold `id`; each id asked must not be below the one asked before. */
  has(id: number): boolean {
    const { segments, parts } = this.postings;
    for (; this.part < parts.length; this.part += 3, this.next = 0) {
      const data = segments[parts[this.part]].postings;
      const at = parts[this.part + 1];
      const n = parts[this.part + 2];
      if (data[at + 2 * (n - 1)] < id) continue;
      this.next = gallop(data, at, 2, this.next, n, id);
      return data[at + 2 * this.next] === id;
    }
    return false;
  }
}
