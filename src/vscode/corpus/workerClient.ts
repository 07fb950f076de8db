import { Worker } from 'node:worker_threads';
import type { Event, Message, Request, Results, Stop, WorkerOptions } from '../../core/engine/protocol';
import { BACKGROUND_LIMITS } from '../../core/engine/background';

/** What a request to a worker that was ended (a restart, the window closing) gets. */
const STOPPED = 'the StatCite worker was stopped';
/** How long a worker asked to stop has before it is terminated: its indexer ends at its next cut, jieba's dictionary loads in a few seconds. */
const STOP_MS = 30_000;

type Pending = { resolve(value: unknown): void; reject(err: Error): void };
export type RequestBody<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'id' | 'type'>;

/** Request/reply over the engine's worker thread; events go to the given handler. */
export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  constructor(script: string, options: WorkerOptions, onEvent: (event: Event) => void, onExit: (message: string) => void) {
    this.worker = new Worker(script, { workerData: options, resourceLimits: BACKGROUND_LIMITS });
    this.worker.on('message', (message: Message) => {
      if (!('id' in message)) return onEvent(message);
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'done') pending?.resolve(message.value);
      else pending?.reject(new Error(message.message));
    });
    const fail = (reason: string): void => {
      if (this.disposed) return;
      for (const p of this.pending.values()) p.reject(new Error(reason));
      this.pending.clear();
      onExit(reason);
    };
    this.worker.on('error', (err) => fail(`StatCite worker failed: ${err.message}`));
    this.worker.on('exit', (code) => code !== 0 && fail(`StatCite worker exited with code ${code}`));
  }

  request<T extends Request['type']>(type: T, body: RequestBody<T>): Promise<Results[T]> {
    if (this.disposed) return Promise.reject(new Error(STOPPED));
    const id = this.nextId++;
    return new Promise<Results[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...body, type, id });
    });
  }

  /** Lets the worker send more files (see the 'file' event's ack). */
  ack(seq: number): void {
    this.worker.postMessage({ type: 'ack', seq });
  }

  /**
   * Ends the worker; what is still waiting for it is refused (the caller may ask a new one). The
   * worker ends itself, its indexer first: terminate() inside a cut of jieba aborts the whole
   * extension host (see core/engine/indexer.ts). It is the last resort for a worker that does not.
   */
  dispose(): void {
    this.disposed = true;
    for (const p of this.pending.values()) p.reject(new Error(STOPPED));
    this.pending.clear();
    this.worker.postMessage({ type: 'stop' } satisfies Stop);
    const stuck = setTimeout(() => void this.worker.terminate(), STOP_MS).unref();
    this.worker.once('exit', () => clearTimeout(stuck));
  }
}
