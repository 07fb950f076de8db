import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerClient } from '../../../src/vscode/corpus/workerClient';

/** A worker that takes requests and never answers them (a long sync, a search behind it). */
function silentWorker(): string {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'statcite-worker-')), 'silent.js');
  writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => {});");
  return script;
}

describe('the worker client', () => {
  it('settles the requests still waiting when it is disposed (a restart), rather than leaving their callers waiting for ever', async () => {
    const exits: string[] = [];
    const client = new WorkerClient(silentWorker(), {}, () => {}, (message) => exits.push(message));
    const search = client.request('search', { query: '经济' });
    const sync = client.request('sync', { paths: [] });
    client.dispose();
    await expect(search).rejects.toThrow(/stopped/);
    await expect(sync).rejects.toThrow(/stopped/);
    // Disposing is not a failure to report.
    expect(exits).toEqual([]);
    // Nor is a request after it left waiting.
    await expect(client.request('search', { query: '增长' })).rejects.toThrow(/stopped/);
  });
});
