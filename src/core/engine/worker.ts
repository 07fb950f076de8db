/**
 * The worker thread that reads, outlines and indexes the corpus, so that the extension host —
 * shared by every extension — never blocks on it.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { packedOf, type PackedFile } from '../corpus/packed';
import type { Logger } from '../model';
import { nodeCacheHost } from '../search/nodeCacheHost';
import { SearchStore } from '../search/store';
import { loadTokenizer } from '../search/tokenizer';
import { loadMetricKeys } from '../stats/metricKeyFile';
import { TraceIndex } from '../trace/index';
import { traceDraft } from '../trace/trace';
import { CorpusEngine } from './engine';
import { runInBackground } from './background';
import { threadIndexer } from './indexerClient';
import { modelVersion } from './modelVersion';
import { nodeHost } from './nodeHost';
import type { Ack, Event, Message, Request, Stop, WorkerOptions } from './protocol';

/**
 * Files sent between acknowledgements: small enough that the host never blocks long (it takes
 * about 25 µs a file; at most two batches wait for it), large enough that a warm start does not
 * wait on round trips (with 16, a thousand of them were a fifth of one at 14,000 files).
 */
const FILES_PER_ACK = 64;

function start(port: NonNullable<typeof parentPort>, options: WorkerOptions): void {
  runInBackground();
  const post = (message: Message): void => port.postMessage(message);
  const emit = (event: Event): void => post(event);
  const log: Logger = {
    info: (message) => emit({ type: 'log', level: 'info', message }),
    warn: (message) => emit({ type: 'log', level: 'warn', message }),
    error: (message) => emit({ type: 'log', level: 'error', message }),
  };
  // Whatever escapes a request (a bug, a failed background task) is logged and the worker stays:
  // by default an uncaught error ends the thread, and with it the outline and search.
  const unexpected = (err: unknown): void => log.error(`worker: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.on('uncaughtException', unexpected);
  process.on('unhandledRejection', unexpected);
  // This thread searches without jieba (queries are cut against the index's terms); the indexer
  // thread loads it, and only when there is something to index.
  const tokenizer = loadTokenizer({ userDictionary: options.userDictionary || undefined, log });
  const metricKeys = loadMetricKeys(options.metricAliases || undefined, log);
  if (options.cacheDir) log.info(`search: cache in ${options.cacheDir}`);
  const indexer = threadIndexer(join(__dirname, 'indexer.js'), { userDictionary: options.userDictionary }, tokenizer);
  const store = new SearchStore({
    tokenizer,
    indexer,
    cache: options.cacheDir ? nodeCacheHost(options.cacheDir) : undefined,
    modelVersion: modelVersion(__filename, metricKeys),
    log,
    metricKeys,
  });
  // The host takes all queued messages in one go: asking for an acknowledgement every few files
  // keeps its turns short and the files not yet taken out of its queue. A batch waits for the
  // acknowledgement of the one before it, so the host always has the next at hand.
  let sent = 0;
  let asked = 0;
  let previous: Promise<void> = Promise.resolve();
  const waiting = new Map<number, () => void>();
  const acked = (file: PackedFile): Promise<void> =>
    new Promise<void>((resolve) => {
      const seq = ++asked;
      waiting.set(seq, resolve);
      emit({ type: 'file', file, ack: seq });
    });
  // Drafts' figures are traced here too, off the extension host, against every file read: files
  // restored from the cache are added after the read, in the background (each must be decoded).
  const traces = new TraceIndex();
  const engine = new CorpusEngine(
    nodeHost(log),
    log,
    {
      file: (file, cached) => {
        if (cached) traces.addLater(file);
        else traces.add(file);
        const packed = packedOf(file);
        if (++sent % FILES_PER_ACK) return emit({ type: 'file', file: packed });
        const before = previous;
        previous = acked(packed);
        return before;
      },
      removed: (path) => {
        traces.remove(path);
        emit({ type: 'removed', path });
      },
      progress: (done, total) => emit({ type: 'progress', done, total }),
      phase: (phase) => emit({ type: 'phase', phase }),
    },
    store,
    { metricKeys },
  );

  // Requests run one at a time in arrival order, except searches and traces, which answer at once
  // from whatever has been read (searches: indexed) so far. A sync or an update is done once what
  // it read is indexed (the outline had each file as soon as it was read).
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (request: Request | Ack | Stop) => {
    if (request.type === 'ack') {
      waiting.get(request.seq)?.();
      waiting.delete(request.seq);
      return;
    }
    // Ended from JavaScript, never by terminate() inside a cut of jieba (see indexer.ts).
    if (request.type === 'stop') return void indexer.stop().then(() => process.exit(0));
    const run = async (): Promise<unknown> => {
      switch (request.type) {
        case 'sync':
          await engine.sync(request.paths);
          traces.complete().catch(unexpected);
          return engine.indexed();
        case 'update':
          await engine.update(request.paths);
          return engine.indexed();
        case 'search':
          return engine.search(request.query, request.options);
        case 'trace':
          await traces.complete();
          return traceDraft(request.text, request.format, traces, metricKeys);
      }
    };
    const task = request.type === 'search' || request.type === 'trace' ? run() : (queue = queue.then(run, run));
    task.then(
      (value) => post({ id: request.id, type: 'done', value }),
      (err: unknown) => post({ id: request.id, type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  });
}

if (parentPort) start(parentPort, workerData as WorkerOptions);
