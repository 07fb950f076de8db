/** Messages between the worker and its indexer thread (indexer.ts). */
import type { Fields } from '../search/documents';
import type { Segment } from '../search/segment';

export interface IndexerOptions {
  /** The user's own jieba dictionary, merged with the shipped one. */
  userDictionary?: string;
}

export interface IndexerRequest {
  id: number;
  documents: Fields[];
}

export type IndexerReply = { id: number; segment: Segment } | { id: number; error: string };
