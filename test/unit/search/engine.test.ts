/** The search index and its cache inside the corpus engine: restore, re-read only what changed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusEngine, type EngineHost } from '../../../src/core/engine/engine';
import type { CorpusFile, Metadata } from '../../../src/core/model';
import { METRIC_ALIASES } from '../../../src/core/stats/metricAliases';
import { MetricKeys } from '../../../src/core/stats/metricKey';
import { nodeCacheHost } from '../../../src/core/search/nodeCacheHost';
import { SearchStore } from '../../../src/core/search/store';
import { loadTokenizer } from '../../../src/core/search/tokenizer';

const tokenizer = loadTokenizer();
const log = { info: () => {}, warn: () => {}, error: () => {} };

/** Files in memory, counting reads; ctime (the inode change time, which no tool sets back) defaults to mtime. */
function memoryHost(): EngineHost & { files: Map<string, { text: string; mtime: number; ctime?: number }>; reads: string[]; sidecar?: Metadata } {
  const host = {
    files: new Map<string, { text: string; mtime: number; ctime?: number }>(),
    reads: [] as string[],
    sidecar: undefined as Metadata | undefined,
    async readFile(p: string) {
      host.reads.push(p);
      const f = host.files.get(p);
      if (!f) throw new Error('gone');
      return Buffer.from(f.text);
    },
    async stat(p: string) {
      const f = host.files.get(p);
      if (!f) throw new Error('gone');
      return { size: Buffer.byteLength(f.text), mtime: f.mtime, ctime: f.ctime ?? f.mtime };
    },
    sidecarMetadata: async () => host.sidecar,
  };
  return host;
}

const A = '/c/a.txt';
const B = '/c/b.txt';

async function start(host: ReturnType<typeof memoryHost>, cacheDir: string) {
  const store = new SearchStore({ tokenizer, cache: nodeCacheHost(cacheDir), modelVersion: 'test', log });
  const shown: string[] = [];
  const engine = new CorpusEngine(host, log, { file: (f) => void shown.push(f.path), removed: () => {}, progress: () => {} }, store);
  await engine.sync([...host.files.keys()]);
  // The save runs in the background after a sync; the next start finds it written.
  await engine.settled();
  return { engine, store, shown };
}

describe('engine with the search store', () => {
  it('restores from the cache without reading, and re-reads a changed file alone', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-engine-'));
    const host = memoryHost();
    host.files.set(A, { text: '综治中心建设\n\n建设四级综治中心1377个。\n', mtime: 1 });
    host.files.set(B, { text: '禁毒工作\n\n社区戒毒人员复吸率下降6.8%。\n', mtime: 1 });
    const cold = await start(host, cacheDir);
    expect(host.reads.sort()).toEqual([A, B]);
    expect((await cold.engine.search('复吸率'))[0]?.file).toBe(B);

    // Reopen: everything comes from the cache, nothing is read, all files are shown.
    host.reads.length = 0;
    const warm = await start(host, cacheDir);
    expect(host.reads).toEqual([]);
    expect(warm.shown.sort()).toEqual([A, B]);
    expect((await warm.engine.search('综治中心'))[0]?.file).toBe(A);

    // A changed file is re-read and re-indexed alone.
    host.files.set(A, { text: '综治中心建设\n\n枫桥经验在基层落地。\n', mtime: 2 });
    host.reads.length = 0;
    const changed = await start(host, cacheDir);
    expect(host.reads).toEqual([A]);
    expect(changed.shown.filter((p) => p === A).length).toBe(2);
    expect((await changed.engine.search('枫桥经验'))[0]?.file).toBe(A);
    expect(await changed.engine.search('1377')).toEqual([]);
    expect((await changed.engine.search('复吸率'))[0]?.file).toBe(B);

    // Touched without a change: read to compare its hash, not outlined again.
    host.files.set(B, { ...host.files.get(B)!, mtime: 3 });
    host.reads.length = 0;
    const touched = await start(host, cacheDir);
    expect(host.reads).toEqual([B]);
    expect(touched.shown.filter((p) => p === B).length).toBe(1);
  });

  it('re-reads files whose sidecar metadata changed, and forgets files gone from the corpus', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-engine-'));
    const host = memoryHost();
    host.files.set(A, { text: '综治中心建设\n\n建设四级综治中心1377个。\n', mtime: 1 });
    host.files.set(B, { text: '禁毒工作\n\n社区戒毒人员复吸率下降6.8%。\n', mtime: 1 });
    await start(host, cacheDir);
    host.sidecar = { publication: '法治日报', date: '2026-01-20' };
    host.files.delete(B);
    host.reads.length = 0;
    const next = await start(host, cacheDir);
    expect(host.reads).toEqual([A]);
    expect(next.engine.get(A)?.metadata.publication).toBe('法治日报');
    expect(await next.engine.search('复吸率')).toEqual([]);
  });

  it('re-reads a file edited in place with its size and modification time set back (its change time moved)', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-engine-'));
    const host = memoryHost();
    host.files.set(A, { text: '综治中心建设\n\n建设四级综治中心1377个。\n', mtime: 1, ctime: 1 });
    await start(host, cacheDir);
    host.files.set(A, { text: '综治中心建设\n\n建设四级综治中心1378个。\n', mtime: 1, ctime: 2 });
    host.reads.length = 0;
    const next = await start(host, cacheDir);
    expect(host.reads).toEqual([A]);
    expect(next.engine.get(A)?.text).toContain('1378');
    expect((await next.engine.search('1378'))[0]?.file).toBe(A);
  });

  it('checks the content of a file read in the same instant it was written, as its stamp may not show a later edit', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-engine-'));
    const host = memoryHost();
    const now = Date.now();
    host.files.set(A, { text: '综治中心建设\n\n建设四级综治中心1377个。\n', mtime: now });
    await start(host, cacheDir);
    // Edited again within the same clock tick (a coarse file system): size, mtime and ctime unchanged.
    host.files.set(A, { text: '综治中心建设\n\n建设四级综治中心1378个。\n', mtime: now });
    host.reads.length = 0;
    const next = await start(host, cacheDir);
    expect(host.reads).toEqual([A]);
    expect(next.engine.get(A)?.text).toContain('1378');
  });

  it('keys the statistics with the metric aliases it is given', async () => {
    const host = memoryHost();
    host.files.set(A, { text: '综治中心建设\n\n全年排查矛盾纠纷12.6万件，纠纷化解率98.1%。\n', mtime: 1 });
    const files: CorpusFile[] = [];
    const keys = new MetricKeys([...METRIC_ALIASES, ['纠纷排查量', '排查矛盾纠纷']]);
    await new CorpusEngine(host, log, { file: (f) => void files.push(f), removed: () => {}, progress: () => {} }, undefined, { metricKeys: keys }).sync([A]);
    const stats = files[0].articles.flatMap((a) => a.reports).flatMap((r) => [r.intro, ...r.sections]).flatMap((s) => s.statistics);
    expect(stats.map((s) => s.metricKey)).toEqual(['纠纷排查量', '矛盾纠纷化解率']);
  });
});
