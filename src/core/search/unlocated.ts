/**
 * The documents of files restored from a cache or entered for indexing that are not located in
 * their model yet (see SearchIndex.hit): locating them all was a third of a warm start and, kept,
 * as much memory as the models; a search needs its results' only. A file's documents have
 * consecutive slots in the order documentsOf gives them (see SearchIndex.enter), so one is found
 * in its model by its place among them. Kept by slot in a typed array: a map by document number
 * held 1.6 million entries at ten times the benchmark corpus, and its making and collecting were
 * a fifth of a warm start.
 */
import type { CorpusFile } from '../model';
import { grown } from '../grown';
import { slotOf } from './documents';

/** A file whose documents wait: their numbers, in the order of the file's documents. */
export interface Waiting {
  file: CorpusFile;
  ids: Int32Array;
}

export class Unlocated {
  /** By slot: the number of its file in `waiting` + 1; 0 for a slot located, removed or not given. */
  private bySlot = new Int32Array(1024);
  private readonly waiting: Array<Waiting | undefined> = [];
  /** Numbers in `waiting` free for the next file. */
  private readonly free: number[] = [];
  private count = 0;

  /** Number of documents waiting. */
  get size(): number {
    return this.count;
  }

  /**
   * A file's documents wait, `ids` holding one per slot from the first's on. False, and nothing
   * changes, when they do not (a slot skipped or repeated) or a slot of theirs waits already.
   */
  add(file: CorpusFile, ids: Int32Array): boolean {
    if (ids.length === 0) return true;
    const first = slotOf(ids[0]);
    this.grow(first + ids.length);
    for (let i = 0; i < ids.length; i++) if (slotOf(ids[i]) !== first + i || this.bySlot[first + i] !== 0) return false;
    const n = this.free.pop() ?? this.waiting.length;
    this.waiting[n] = { file, ids };
    this.bySlot.fill(n + 1, first, first + ids.length);
    this.count += ids.length;
    return true;
  }

  /** Whether this document waits. */
  has(id: number): boolean {
    const waiting = this.of(id);
    return waiting !== undefined && waiting.ids[slotOf(id) - slotOf(waiting.ids[0])] === id;
  }

  /** The file a waiting document belongs to, with all of its documents: none of them waits any more. */
  take(id: number): Waiting | undefined {
    const waiting = this.of(id);
    if (waiting) this.forget(waiting);
    return waiting;
  }

  /** A file's documents (as given to add) wait no more: it was removed. */
  drop(ids: Int32Array): void {
    const waiting = ids.length ? this.of(ids[0]) : undefined;
    if (waiting?.ids === ids) this.forget(waiting);
  }

  private of(id: number): Waiting | undefined {
    const slot = slotOf(id);
    return slot < this.bySlot.length && this.bySlot[slot] ? this.waiting[this.bySlot[slot] - 1] : undefined;
  }

  private forget({ ids }: Waiting): void {
    const first = slotOf(ids[0]);
    const n = this.bySlot[first] - 1;
    this.waiting[n] = undefined;
    this.free.push(n);
    this.bySlot.fill(0, first, first + ids.length);
    this.count -= ids.length;
  }

  private grow(slots: number): void {
    if (slots <= this.bySlot.length) return;
    this.bySlot = grown(this.bySlot, slots);
  }
}
