/**
 * The extension host's side of a start, from the real worker (dist/worker.js: `npm run build`
 * first): receives every file of the corpus as the corpus service does, then does what the host
 * does without the user asking for any file's content (the outline's first level with its counts,
 * the lookup by id filled) and finds a few statistics by id. Prints heap and RSS after a full GC.
 *   node bench/host.mjs [cacheDir] [--decode]
 * Run it twice with the same cache folder for a warm start. `--decode` also walks every file into
 * a statistic-id → location map, as the corpus service did before it kept summaries only.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Message } from '../src/core/engine/protocol';
import { CorpusLookup } from '../src/core/cite/reference';
import { lazyFile, summaryOf } from '../src/core/corpus/packed';
import type { CorpusFile } from '../src/core/model';
import { childrenOf, topEntries } from '../src/vscode/outline/children';
import { fileStatistics } from '../src/vscode/outline/nodes';
import { BACKGROUND_LIMITS } from '../src/core/engine/background';

const args = process.argv.slice(2);
const decodeAll = args.includes('--decode');
const cacheDir = args.find((a) => !a.startsWith('--')) ?? mkdtempSync(path.join(tmpdir(), 'statcite-host-'));
const CORPUS = process.env.STATCITE_BENCH_CORPUS ?? path.resolve('../shared/bench/xwlb/news');
const DIST = process.env.STATCITE_BENCH_DIST ?? path.resolve('dist');
const mb = (n: number): number => Math.round(n / 2 ** 20);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const paths = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(CORPUS, f));
  const lookup = new CorpusLookup();
  const decoded = new Map<string, unknown>();
  let busy = 0;
  const started = performance.now();
  const worker = new Worker(path.join(DIST, 'worker.js'), { workerData: { cacheDir }, resourceLimits: BACKGROUND_LIMITS });
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: Message) => {
      const t = performance.now();
      if (message.type === 'file') {
        const file = lazyFile(message.file);
        lookup.set(file);
        if (decodeAll)
          for (const article of file.articles)
            for (const report of article.reports)
              for (const section of [report.intro, ...report.sections]) for (const statistic of section.statistics) decoded.set(statistic.id, { file, article, report, section, statistic });
        if (message.ack) setImmediate((seq) => worker.postMessage({ type: 'ack', seq }), message.ack);
      } else if (message.type === 'done') resolve();
      else if (message.type === 'failed') reject(new Error(message.message));
      busy += performance.now() - t;
    });
    worker.on('error', reject);
    worker.postMessage({ id: 1, type: 'sync', paths });
  });
  const syncMs = performance.now() - started;
  const files: CorpusFile[] = [...lookup.files()];
  let t = performance.now();
  const top = topEntries(files, '', false, 'auto', fileStatistics);
  const groups = childrenOf(undefined, top, false).length;
  const outlineMs = performance.now() - t;
  // The first lookup builds the id index; later ones decode the file that holds the id.
  t = performance.now();
  const first = lookup.statistic('stat-none');
  const indexMs = performance.now() - t;
  const sample = files.filter((_, i) => i % Math.ceil(files.length / 20) === 0);
  t = performance.now();
  let found = 0;
  for (const file of sample) {
    const id = /(?:^| )(stat-\S+)/.exec(summaryOf(file).ids)?.[1];
    if (id && lookup.statistic(id)?.file === file) found++;
  }
  const lookupMs = (performance.now() - t) / sample.length;
  await worker.terminate();
  for (let i = 0; i < 3; i++) gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const memory = process.memoryUsage();
  console.log(
    JSON.stringify({
      files: files.length,
      decodedAll: decodeAll,
      syncMs: Math.round(syncMs),
      hostBusyMs: Math.round(busy),
      outlineMs: Math.round(outlineMs),
      topEntries: groups,
      idIndexMs: Math.round(indexMs),
      lookupMsPerFile: Number(lookupMs.toFixed(2)),
      found: `${found}/${sample.length}`,
      unknown: first === undefined,
      heapMB: mb(memory.heapUsed),
      externalMB: mb(memory.external),
      rssMB: mb(memory.rss),
      cacheDir,
    }),
  );
  void decoded;
}

void main();
