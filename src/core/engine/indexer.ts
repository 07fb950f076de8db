/**
 * The indexer thread: cuts batches of documents into terms with jieba and packs them into segments
 * of the search index (search/indexer.ts), while the worker that started it goes on reading and
 * outlining on the other core. It holds jieba's dictionary (about 115 MB: one copy, see
 * scripts/nodejieba-shared-dictionary.mjs), which the worker then never loads: a warm start that
 * finds nothing changed starts no indexer at all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runInBackground } from './background';
import { buildSegment } from '../search/indexer';
import { loadTokenizer } from '../search/tokenizer';
import type { IndexerData, IndexerReply, IndexerRequest } from './indexerProtocol';

function start(port: NonNullable<typeof parentPort>, { stop, ...options }: IndexerData): void {
  runInBackground();
  // The worker's own tokenizer has logged what is wrong with the user's dictionary.
  const tokenizer = loadTokenizer({ userDictionary: options.userDictionary || undefined });
  // Asked to stop, the thread ends between two cuts, from JavaScript. Ended from outside while
  // jieba cuts (worker.terminate()), nodejieba throws a C++ exception nothing catches, and that
  // aborts the whole process: the extension host, with every extension in it.
  const cutter = {
    indexTerms: (text: string): string[] => {
      if (Atomics.load(stop, 0)) process.exit(0);
      return tokenizer.indexTerms(text);
    },
  };
  const post = (reply: IndexerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  port.on('message', (request: IndexerRequest) => {
    if ('stop' in request) process.exit(0);
    const { id, documents } = request;
    try {
      const segment = buildSegment(cutter, documents);
      const { starts, ids, lengths, postings, blocks } = segment;
      post({ id, segment }, [starts, ids, lengths, postings, blocks].map((a) => a.buffer as ArrayBuffer));
    } catch (err) {
      post({ id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  // Loaded now, while the first batch is still being read.
  setImmediate(() => tokenizer.load());
}

if (parentPort) start(parentPort, workerData as IndexerData);
