/**
 * The documents a query may match, numbered for the time of the query (matches.ts): their scores
 * then live in arrays by number rather than in a map of objects by document.
 */
import { grown } from '../grown';
import { gallop } from './postings';
import type { Segment } from './segment';

/** What Slots reads of the index, and its scratch arrays by document id (all 0 before and after a query). */
export interface SlotScratch {
  /** 1 for a live document, by id. */
  readonly alive: Uint8Array;
  /** The segments, in the order of their ids. */
  readonly segments: readonly Segment[];
  /** By id: slot + 1 of a document taken. */
  readonly slots: Int32Array;
  /** A bit by id: taken; offered (taken or refused). */
  readonly member: Int32Array;
  readonly seen: Int32Array;
}

/**
 * The documents that may match, numbered: by slot their id and place in their segment (where
 * their field lengths are); in the index's scratch arrays by id, a bit for those offered (taken
 * or refused), a bit and the slot for those taken: read for each posting. Cleared after the query.
 */
export class Slots {
  size = 0;
  ids: Int32Array;
  places: Int32Array;
  /** The documents offered, taken or not (to clear the scratch arrays of). */
  private offeredIds = new Int32Array(64);
  private offers = 0;

  constructor(
    private readonly index: SlotScratch,
    private readonly keep: ((id: number) => boolean) | undefined,
    room: number,
  ) {
    this.ids = new Int32Array(Math.max(room, 64));
    this.places = new Int32Array(this.ids.length);
  }

  /** Offers a live document (once): its slot (its place is to be set), or -1 when `keep` refuses it. */
  take(id: number): number {
    const { slots, member, seen } = this.index;
    if (this.offers === this.offeredIds.length) this.offeredIds = grown(this.offeredIds);
    this.offeredIds[this.offers++] = id;
    seen[id >> 5] |= 1 << (id & 31);
    if (this.keep && !this.keep(id)) return -1;
    if (this.size === this.ids.length) {
      this.ids = grown(this.ids);
      this.places = grown(this.places);
    }
    this.ids[this.size++] = id;
    slots[id] = this.size;
    member[id >> 5] |= 1 << (id & 31);
    return this.size - 1;
  }

  /** Whether a document was offered. */
  offered(id: number): boolean {
    return ((this.index.seen[id >> 5] >> (id & 31)) & 1) === 1;
  }

  /** Offers the live ones of these ids (ascending), finding each one's place in the segments (in id order). */
  takeAll(within: Int32Array): void {
    const { segments, alive } = this.index;
    let s = 0;
    let d = 0;
    for (let i = 0; i < within.length; i++) {
      const id = within[i];
      if (alive[id] !== 1 || this.offered(id)) continue;
      const slot = this.take(id);
      if (slot < 0) continue;
      while (s < segments.length && !(segments[s].ids.length && segments[s].ids[segments[s].ids.length - 1] >= id)) {
        s++;
        d = 0;
      }
      const ids = s < segments.length ? segments[s].ids : new Int32Array(0);
      this.places[slot] = d = gallop(ids, 0, 1, d, ids.length, id);
    }
  }

  clear(): void {
    const { slots, member, seen } = this.index;
    for (let i = 0; i < this.offers; i++) {
      const id = this.offeredIds[i];
      slots[id] = 0;
      member[id >> 5] = 0;
      seen[id >> 5] = 0;
    }
  }
}

/** What a leaf scored, in order: slot, index term × fields + field, score; room for one entry per posting. */
export class Log {
  size = 0;
  readonly slots: Int32Array;
  readonly pairs: Int32Array;
  readonly scores: Float64Array;

  constructor(postings: number) {
    this.slots = new Int32Array(postings);
    this.pairs = new Int32Array(postings);
    this.scores = new Float64Array(postings);
  }

  add(slot: number, pair: number, score: number): void {
    this.slots[this.size] = slot;
    this.pairs[this.size] = pair;
    this.scores[this.size++] = score;
  }
}
