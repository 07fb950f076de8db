/**
 * The indexer thread: cuts batches of documents into terms with jieba and packs them into segments
 * of the search index (search/indexer.ts), while the worker that started it goes on reading and
 * outlining on the other core. It holds jieba's dictionary (about 250 MB), which the worker then
 * never loads: a warm start that finds nothing changed starts no indexer at all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runInBackground } from './background';
import { buildSegment } from '../search/indexer';
import { loadTokenizer } from '../search/tokenizer';
import type { IndexerOptions, IndexerReply, IndexerRequest } from './indexerProtocol';

function start(port: NonNullable<typeof parentPort>, options: IndexerOptions): void {
  runInBackground();
  // The worker's own tokenizer has logged what is wrong with the user's dictionary.
  const tokenizer = loadTokenizer({ userDictionary: options.userDictionary || undefined });
  const post = (reply: IndexerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  port.on('message', ({ id, documents }: IndexerRequest) => {
    try {
      const segment = buildSegment(tokenizer, documents);
      const { starts, ids, lengths, postings, blocks } = segment;
      post({ id, segment }, [starts, ids, lengths, postings, blocks].map((a) => a.buffer as ArrayBuffer));
    } catch (err) {
      post({ id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  // Loaded now, while the first batch is still being read.
  setImmediate(() => tokenizer.load());
}

if (parentPort) start(parentPort, workerData as IndexerOptions);
