/**
 * The engine's worker thread as VS Code runs it (bundled from source): a damaged cache on disk is
 * logged and rebuilt, and the worker keeps answering.
 */
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, WorkerOptions } from '../../../src/core/engine/protocol';

const root = path.resolve(__dirname, '../../..');
// Inside the repository, so that the bundle finds nodejieba in node_modules.
const script = path.join(root, 'out/test/worker.js');

/** A running worker: its log, the files it sent, and requests by type. */
function startWorker(options: WorkerOptions) {
  const worker = new Worker(script, { workerData: options });
  const log: string[] = [];
  const exits: number[] = [];
  const pending = new Map<number, (m: Message) => void>();
  let id = 0;
  worker.on('message', (m: Message) => {
    if (m.type === 'log') log.push(`${m.level}: ${m.message}`);
    else if (m.type === 'file' && m.ack !== undefined) worker.postMessage({ type: 'ack', seq: m.ack });
    else if ('id' in m) pending.get(m.id)?.(m);
  });
  worker.on('error', (err) => log.push(`worker died: ${err.message}`));
  worker.on('exit', (code) => exits.push(code));
  const request = (body: object): Promise<Message> =>
    new Promise((resolve, reject) => {
      const n = ++id;
      pending.set(n, resolve);
      worker.once('exit', () => reject(new Error(`worker exited; log: ${log.join(' | ')}`)));
      worker.postMessage({ ...body, id: n });
    });
  return { worker, log, exits, request };
}

beforeAll(async () => {
  mkdirSync(path.dirname(script), { recursive: true });
  await esbuild.build({
    // The worker and its indexer thread, side by side as in dist/.
    entryPoints: { worker: path.join(root, 'src/core/engine/worker.ts'), indexer: path.join(root, 'src/core/engine/indexer.ts') },
    outdir: path.dirname(script),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['nodejieba'],
    logLevel: 'warning',
  });
}, 60_000);

const running: Worker[] = [];
afterAll(async () => {
  await Promise.all(running.map((w) => w.terminate()));
});

describe('engine worker', () => {
  it('logs a cache whose model was damaged, reads the corpus afresh and keeps answering', async () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'statcite-worker-corpus-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-worker-cache-'));
    const paths = [path.join(corpus, 'a.txt'), path.join(corpus, 'b.txt')];
    writeFileSync(paths[0], '综治中心建设\n\n建设四级综治中心1377个。\n');
    writeFileSync(paths[1], '禁毒工作\n\n社区戒毒人员复吸率下降6.8%。\n');

    const first = startWorker({ cacheDir });
    running.push(first.worker);
    expect(await first.request({ type: 'sync', paths })).toMatchObject({ type: 'done' });
    for (let i = 0; i < 200 && !existsSync(path.join(cacheDir, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 50));
    await first.worker.terminate();

    // The head of the segment file edited in place, still valid JSON: a file whose article ids are a number.
    const model = path.join(cacheDir, readdirSync(cacheDir).find((n) => n.startsWith('seg-'))!);
    const data = readFileSync(model);
    const text = data.toString('latin1');
    const start = text.indexOf('{"files"');
    const end = text.indexOf('\n', start);
    const head = JSON.parse(data.toString('utf8', start, end));
    head.files[0].summary.articles = 7;
    const json = JSON.stringify(head);
    const edited = Buffer.from(json + ' '.repeat(end - start - Buffer.byteLength(json)));
    writeFileSync(model, Buffer.concat([data.subarray(0, start), edited, data.subarray(end)]));

    const second = startWorker({ cacheDir });
    running.push(second.worker);
    expect(await second.request({ type: 'sync', paths })).toMatchObject({ type: 'done' });
    const found = await second.request({ type: 'search', query: '综治中心' });
    // 四级综治中心1377个: the paragraph is folded into its statistic, which stands for it.
    expect(found).toMatchObject({ type: 'done', value: expect.arrayContaining([expect.objectContaining({ file: paths[0], kind: 'statistic' })]) });
    expect(second.exits).toEqual([]);
    expect(second.log.filter((l) => /afresh|rebuild|corrupt|unexpected/.test(l))).toEqual([expect.stringMatching(/^info: search: reading the corpus afresh: cache is corrupt/)]);
  }, 60_000);

  // Linux: a thread's priority is its own there (elsewhere it is the process's, left alone).
  it.runIf(process.platform === 'linux')('reads and indexes at a lower CPU priority than the thread that started it', async () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'statcite-worker-corpus-'));
    const paths = [path.join(corpus, 'a.txt')];
    writeFileSync(paths[0], '综治中心建设\n\n建设四级综治中心1377个。\n');
    const nice = (): number[] =>
      readdirSync('/proc/self/task').map((tid) => {
        // Field 19 of a thread's stat, counted after the command name's closing parenthesis.
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const before = nice().filter((n) => n > 0).length;
    const started = startWorker({});
    running.push(started.worker);
    expect(await started.request({ type: 'sync', paths })).toMatchObject({ type: 'done' });
    // Searching waits for the index: the indexer thread has run by then.
    expect(await started.request({ type: 'search', query: '综治中心' })).toMatchObject({ type: 'done' });
    // The worker and its indexer: the host's garbage collector gets a core before them.
    expect(nice().filter((n) => n > 0).length - before).toBeGreaterThanOrEqual(2);
    expect(getPriority()).toBe(0);
  }, 60_000);
  it('asked to stop while its indexer thread cuts, ends itself and the indexer, and the process lives on', async () => {
    // Terminated from outside inside a cut of jieba, nodejieba throws a C++ exception that aborts
    // the whole process (the extension host): the worker must end from JavaScript instead.
    const corpus = mkdtempSync(path.join(tmpdir(), 'statcite-worker-stop-'));
    const paragraph = '全省各级法院全年受理各类案件一百二十三万件，同比下降百分之五点九，审结率达到百分之九十八。';
    const paths = Array.from({ length: 600 }, (_, i) => path.join(corpus, `${i}.txt`));
    for (const p of paths) writeFileSync(p, `报告\n\n${Array.from({ length: 40 }, () => paragraph).join('\n\n')}\n`);
    const { worker, log, exits, request } = startWorker({ cacheDir: '' });
    running.push(worker);
    let sent = 0;
    worker.on('message', (m: Message) => void (m.type === 'file' && sent++));
    void request({ type: 'sync', paths }).catch(() => {});
    // Stopped once files are read and handed to the indexer (small ones: a large file would go in
    // acknowledged slices), while it cuts them.
    for (let i = 0; i < 400 && sent < 20; i++) await new Promise((r) => setTimeout(r, 25));
    expect(sent, log.join(" | ")).toBeGreaterThanOrEqual(20);
    const ended = new Promise<number>((resolve) => worker.once('exit', resolve));
    worker.postMessage({ type: 'stop' });
    expect(await ended).toBe(0);
    expect(exits).toEqual([0]);
    expect(log.filter((line) => line.startsWith('worker died'))).toEqual([]);
  }, 60_000);
});
