/** Messages between the worker and its indexer thread (indexer.ts). */
import type { Fields } from '../search/documents';
import type { Segment } from '../search/segment';

export interface IndexerOptions {
  /** The user's own jieba dictionary, merged with the shipped one. */
  userDictionary?: string;
}

/** What the indexer thread is started with: its options, and the flag (1: stop) its parent sets to end it. */
export interface IndexerData extends IndexerOptions {
  stop: Int32Array;
}

/** A batch to cut, or the end (see IndexerData's stop). */
export type IndexerRequest = { id: number; documents: Fields[] } | { stop: true };

export type IndexerReply = { id: number; segment: Segment } | { id: number; error: string };
