import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { INDEXER_STOPPED, localIndexer, type Indexer } from '../search/indexer';
import type { Segment } from '../search/segment';
import type { Tokenizer } from '../search/tokenizer';
import type { IndexerData, IndexerOptions, IndexerReply, IndexerRequest } from './indexerProtocol';
import { BACKGROUND_LIMITS } from './background';

/**
 * The indexer thread (indexer.ts, bundled as `script`), started on first use and kept: jieba's
 * dictionary, once loaded in a thread, is not given back when the thread ends, so a new thread for
 * each build would cost another 115 MB. Batches are answered in the order they were sent. Where
 * the script is not there (tests running the sources), the tokenizer indexes in this thread.
 */
export function threadIndexer(script: string, options: IndexerOptions, tokenizer: Tokenizer): Indexer {
  if (!existsSync(script)) return localIndexer(tokenizer);
  let worker: Worker | undefined;
  let nextId = 1;
  // Set to 1 to end the thread between two cuts (see indexer.ts): terminate() could end it inside one.
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const pending = new Map<number, { resolve(segment: Segment): void; reject(err: Error): void }>();
  const thread = (): Worker => {
    if (worker) return worker;
    const data: IndexerData = { ...options, stop };
    const started = new Worker(script, { workerData: data, resourceLimits: BACKGROUND_LIMITS });
    started.on('message', (reply: IndexerReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (!pending.size) started.unref();
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.segment);
    });
    const fail = (err: Error): void => {
      worker = undefined;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`the indexer stopped (code ${code})`)));
    // Idle, it keeps no one waiting: the worker (or the CLI) may end meanwhile.
    started.unref();
    return (worker = started);
  };
  return {
    warm: () => void (Atomics.load(stop, 0) || thread()),
    build: (documents) =>
      new Promise<Segment>((resolve, reject) => {
        if (Atomics.load(stop, 0)) return reject(new Error(INDEXER_STOPPED));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const indexer = thread();
        indexer.ref();
        indexer.postMessage({ id, documents });
      }),
    stop: async () => {
      Atomics.store(stop, 0, 1);
      const running = worker;
      if (!running) return;
      const ended = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.ref();
      // Idle, it ends on this message; cutting, at its next cut.
      running.postMessage({ stop: true } satisfies IndexerRequest);
      await ended;
    },
  };
}
