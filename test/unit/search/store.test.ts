import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyFile, pack } from '../../../src/core/corpus/packed';
import { contentHash, saveCache, type CachedFile } from '../../../src/core/search/cache';
import { SearchIndex } from '../../../src/core/search/index';
import { localIndexer, type Indexer } from '../../../src/core/search/indexer';
import { nodeCacheHost } from '../../../src/core/search/nodeCacheHost';
import { SearchStore, type SearchStoreOptions } from '../../../src/core/search/store';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import { buildFile } from './corpusFixture';

const tokenizer = loadTokenizer();
const log = { info: () => {}, warn: () => {}, error: () => {} };
const a = buildFile('/c/a.txt', '平安建设', [{ title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1377个。'] }] }]);
const b = buildFile('/c/b.txt', '禁毒', [{ title: '戒毒', sections: [{ title: '', paragraphs: ['社区戒毒人员复吸率下降6.8%。'] }] }]);
const entry = (file: typeof a): CachedFile => ({ path: file.path, size: file.text.length, mtime: 1, ctime: 1, hash: contentHash(Buffer.from(file.text)), sidecar: '', file });

function store(dir: string, modelVersion = 'v1', options: Partial<SearchStoreOptions> = {}): SearchStore {
  return new SearchStore({ tokenizer, cache: nodeCacheHost(dir), modelVersion, log, ...options });
}

const segmentFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('seg-'));

/** Twenty small reports, each with a word of its own. */
const reports = Array.from({ length: 20 }, (_, i) =>
  buildFile(`/c/r${i}.txt`, `报告${i}`, [{ title: `专题${i}`, sections: [{ title: '', paragraphs: [`第${i}号文件称，综治中心建设进展顺利。`, `编号${1000 + i}的段落。`] }] }]),
);

describe('SearchStore', () => {
  it('starts empty without a cache, and restores files and index after a save', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    expect(await first.restore()).toEqual([]);
    first.add(entry(a));
    first.add(entry(b));
    await first.save(() => [entry(a), entry(b)]);

    const second = store(dir);
    const files = await second.restore();
    expect(files.map((f) => f.path).sort()).toEqual(['/c/a.txt', '/c/b.txt']);
    expect((await second.search('复吸率'))[0].file).toBe('/c/b.txt');
  });

  it('applies changes made while the cached index loads, in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    first.add(entry(a));
    first.add(entry(b));
    await first.save(() => [entry(a), entry(b)]);

    const second = store(dir);
    await second.restore();
    second.remove('/c/b.txt');
    const changed = buildFile('/c/a.txt', '平安建设', [{ title: '枫桥经验', sections: [{ title: '', paragraphs: ['枫桥经验在基层落地。'] }] }]);
    second.add(entry(changed));
    await second.ready();
    expect(await second.search('复吸率')).toEqual([]);
    expect(await second.search('综治中心')).toEqual([]);
    expect((await second.search('枫桥经验'))[0].file).toBe('/c/a.txt');
  });

  it('rebuilds the index from the cached model when the index part of the cache is unusable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir, 'v1');
    first.add(entry(a));
    await first.save(() => [entry(a)]);

    // Another tokenizer: the models stand, the index does not.
    const other = loadTokenizer({ userDictionary: path.join(dir, 'none.txt') });
    const messages: string[] = [];
    const second = new SearchStore({ tokenizer: { ...other, version: 'other' }, cache: nodeCacheHost(dir), modelVersion: 'v1', log: { ...log, info: (m) => void messages.push(m) } });
    expect((await second.restore()).length).toBe(1);
    expect((await second.search('综治中心'))[0].file).toBe('/c/a.txt');
    expect(messages.some((m) => /rebuilding the index: tokenizer/.test(m))).toBe(true);
  });

  it('ignores a cache written by another reader version', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    first.add(entry(a));
    await first.save(() => [entry(a)]);
    expect(await store(dir, 'v2').restore()).toEqual([]);
  });

  it('survives a cached model that cannot be indexed: the corpus is read afresh, logged once, nothing rejected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    // The same build cannot save a model that is not one; a hand-edited or damaged cache can hold it.
    const packed = pack(a);
    const broken = lazyFile({ ...packed, summary: { ...packed.summary, articles: 7 as unknown as string[] } });
    const index = SearchIndex.create(tokenizer);
    index.add(a);
    await saveCache(nodeCacheHost(dir), { model: 'v1', tokenizer }, [entry(broken)], index);

    const messages: string[] = [];
    const logged = { info: (m: string) => void messages.push(m), warn: (m: string) => void messages.push(m), error: (m: string) => void messages.push(m) };
    const second = new SearchStore({ tokenizer, cache: nodeCacheHost(dir), modelVersion: 'v1', log: logged });
    expect(await second.restore()).toEqual([]);
    await second.ready();
    expect(messages.filter((m) => /afresh|rebuild|corrupt|not indexed/.test(m))).toEqual([expect.stringMatching(/^search: reading the corpus afresh: cache is corrupt/)]);
    second.add(entry(a));
    await second.ready();
    expect((await second.search('综治中心'))[0].file).toBe('/c/a.txt');
  });

  it('writes each batch as it is indexed, so a build that stops resumes after the last batch written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    // An indexer that stops answering after three batches: the process "dies" there.
    const local = localIndexer(tokenizer);
    let batches = 0;
    const dying: Indexer = { ...local, build: (docs) => (++batches <= 3 ? local.build(docs) : new Promise(() => {})) };
    const first = store(dir, 'v1', { indexer: dying, batchDocuments: 4 });
    await first.restore();
    for (const r of reports) first.add(entry(r));
    // Batches of two files (two passages and a title each): three are indexed and written.
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.ready().catch(() => {});

    const second = store(dir, 'v1', { batchDocuments: 4 });
    const restored = await second.restore();
    expect(restored.length).toBeGreaterThan(0);
    expect(restored.length).toBeLessThan(reports.length);
    await second.ready();
    for (const { path: p } of restored) expect((await second.search(`编号${1000 + Number(p.match(/r(\d+)/)![1])}`))[0]?.file).toBe(p);
  });

  it('paces the files added to the indexer: a slow indexer never has more than a few batches waiting', async () => {
    const local = localIndexer(tokenizer);
    let waiting = 0;
    let most = 0;
    // An indexer that takes 20 ms a batch, far slower than files are added.
    const slow: Indexer = {
      ...local,
      build: async (docs) => {
        most = Math.max(most, ++waiting);
        await new Promise((resolve) => setTimeout(resolve, 20));
        waiting--;
        return local.build(docs);
      },
    };
    const paced = store(mkdtempSync(path.join(tmpdir(), 'statcite-store-')), 'v1', { indexer: slow, batchDocuments: 4 });
    await paced.restore();
    // As the engine adds them: the next file once the store says it may come.
    for (const r of reports) await paced.add(entry(r));
    await paced.ready();
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    for (const r of reports) expect((await paced.search(`编号${1000 + Number(r.path.match(/r(\d+)/)![1])}`))[0]?.file).toBe(r.path);
  });

  it('merges small segments and rewrites worn ones after a save, and deletes the files it replaced', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir, 'v1', { batchDocuments: 8 });
    await first.restore();
    for (const r of reports) first.add(entry(r));
    await first.save(() => reports.map(entry));
    const built = segmentFiles(dir).length;
    expect(built).toBeGreaterThan(3);
    // Single changed files make single small segments; the save merges them.
    const now = reports.map(entry);
    for (const i of [0, 1, 2, 3, 4, 5]) {
      now[i] = entry(buildFile(reports[i].path, '改', [{ title: '改版', sections: [{ title: '', paragraphs: [`改写的${reports[i].path}。`] }] }]));
      first.add(now[i]);
      await first.ready();
    }
    await first.save(() => now);
    expect(segmentFiles(dir).length).toBeLessThan(built + 6);
    const second = store(dir, 'v1', { batchDocuments: 8 });
    expect((await second.restore()).length).toBe(reports.length);
    expect((await second.search('改写')).length).toBeGreaterThan(0);
    expect((await second.search('编号1003')).map((r) => r.file)).not.toContain('/c/r3.txt');
    expect((await second.search('编号1010'))[0].file).toBe('/c/r10.txt');
    writeFileSync(path.join(dir, 'seg-stale-1.bin'), 'left by a crash');
    await store(dir, 'v1').restore();
    expect(segmentFiles(dir)).not.toContain('seg-stale-1.bin');
  });
});
