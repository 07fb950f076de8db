/**
 * What turns a batch of documents into a segment of the index: cutting their text into terms
 * (jieba) and packing the postings. The worker hands it to a thread of its own (engine/indexer.ts),
 * so that reading and outlining go on meanwhile on the other core; tests and small tools do it
 * here.
 */
import type { Fields } from './documents';
import { termIndexOptions } from './index';
import { SegmentBuilder, type Segment } from './segment';
import type { Tokenizer } from './tokenizer';

export interface Indexer {
  /** The segment of these documents (ids ascending, after those of every batch before). */
  build(documents: Fields[]): Promise<Segment>;
  /** Gets ready for the first batch now (jieba's dictionary takes a second or more to load). */
  warm(): void;
  /** Ends its work safely (a batch being cut is dropped); later batches are refused. */
  stop(): Promise<void>;
}

/** What a batch given to an indexer after it stopped gets. */
export const INDEXER_STOPPED = 'the indexer was stopped';

/** Packs documents as the index does (the same fields and terms). */
export function buildSegment(tokenizer: Pick<Tokenizer, 'indexTerms'>, documents: readonly Fields[]): Segment {
  const { fields, tokenize, extract } = termIndexOptions(tokenizer);
  const builder = new SegmentBuilder(fields.length);
  for (const document of documents) {
    const { id, fields: texts } = extract(document);
    builder.add(id, texts.map(tokenize));
  }
  return builder.build();
}

/** An indexer in this thread. */
export function localIndexer(tokenizer: Tokenizer): Indexer {
  let stopped = false;
  return {
    build: async (documents) => {
      if (stopped) throw new Error(INDEXER_STOPPED);
      return buildSegment(tokenizer, documents);
    },
    warm: () => tokenizer.load(),
    stop: async () => void (stopped = true),
  };
}
