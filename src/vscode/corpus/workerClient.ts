import { Worker } from 'node:worker_threads';
import type { Event, Message, Request, Results, WorkerOptions } from '../../core/engine/protocol';

/** What a request to a worker that was ended (a restart, the window closing) gets. */
const STOPPED = 'the StatCite worker was stopped';

type Pending = { resolve(value: unknown): void; reject(err: Error): void };
export type RequestBody<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'id' | 'type'>;

/** Request/reply over the engine's worker thread; events go to the given handler. */
export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  constructor(script: string, options: WorkerOptions, onEvent: (event: Event) => void, onExit: (message: string) => void) {
    this.worker = new Worker(script, { workerData: options });
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

  /** Ends the worker; what is still waiting for it is refused (the caller may ask a new one). */
  dispose(): void {
    // terminate() exits with code 1: not a failure to report.
    this.disposed = true;
    for (const p of this.pending.values()) p.reject(new Error(STOPPED));
    this.pending.clear();
    void this.worker.terminate();
  }
}
