import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, type CachedFile } from '../../../src/core/search/cache';
import { nodeCacheHost } from '../../../src/core/search/nodeCacheHost';
import { SearchStore } from '../../../src/core/search/store';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import { buildFile } from './corpusFixture';

const tokenizer = loadTokenizer();
const log = { info: () => {}, warn: () => {}, error: () => {} };
const a = buildFile('/c/a.txt', '平安建设', [{ title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1377个。'] }] }]);
const b = buildFile('/c/b.txt', '禁毒', [{ title: '戒毒', sections: [{ title: '', paragraphs: ['社区戒毒人员复吸率下降6.8%。'] }] }]);
const entry = (file: typeof a): CachedFile => ({ path: file.path, size: file.text.length, mtime: 1, ctime: 1, hash: contentHash(Buffer.from(file.text)), sidecar: '', file });

function store(dir: string, modelVersion = 'v1'): SearchStore {
  return new SearchStore({ tokenizer, cache: nodeCacheHost(dir), modelVersion, log });
}

describe('SearchStore', () => {
  it('starts empty without a cache, and restores files and index after a save', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    expect(await first.restore()).toEqual([]);
    first.add(a);
    first.add(b);
    await first.save(() => [entry(a), entry(b)]);

    const second = store(dir);
    const files = await second.restore();
    expect(files.map((f) => f.path).sort()).toEqual(['/c/a.txt', '/c/b.txt']);
    expect((await second.search('复吸率'))[0].file).toBe('/c/b.txt');
  });

  it('applies changes made while the cached index loads, in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    first.add(a);
    first.add(b);
    await first.save(() => [entry(a), entry(b)]);

    const second = store(dir);
    await second.restore();
    second.remove('/c/b.txt');
    const changed = buildFile('/c/a.txt', '平安建设', [{ title: '枫桥经验', sections: [{ title: '', paragraphs: ['枫桥经验在基层落地。'] }] }]);
    second.add(changed);
    expect(await second.search('复吸率')).toEqual([]);
    expect(await second.search('综治中心')).toEqual([]);
    expect((await second.search('枫桥经验'))[0].file).toBe('/c/a.txt');
  });

  it('rebuilds the index from the cached model when the index file is unusable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    first.add(a);
    await first.save(() => [entry(a)]);
    writeFileSync(path.join(dir, 'index.bin'), 'garbage');

    const second = store(dir);
    expect((await second.restore()).length).toBe(1);
    expect((await second.search('综治中心'))[0].file).toBe('/c/a.txt');
  });

  it('ignores a cache written by another reader version', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    first.add(a);
    await first.save(() => [entry(a)]);
    expect(await store(dir, 'v2').restore()).toEqual([]);
  });

  it('survives a cached model that cannot be indexed: the corpus is read afresh, logged once, nothing rejected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-store-'));
    const first = store(dir);
    first.add(a);
    // The same build cannot save a model that is not one; a hand-edited or damaged cache can hold it.
    const broken = JSON.parse(JSON.stringify(a));
    broken.articles[0].reports[0].sections = 7;
    await first.save(() => [entry(broken)]);

    const messages: string[] = [];
    const logged = { info: (m: string) => void messages.push(m), warn: (m: string) => void messages.push(m), error: (m: string) => void messages.push(m) };
    const second = new SearchStore({ tokenizer, cache: nodeCacheHost(dir), modelVersion: 'v1', log: logged });
    expect(await second.restore()).toEqual([]);
    await second.ready();
    expect(messages.filter((m) => /afresh|rebuild|corrupt|not indexed/.test(m))).toEqual([expect.stringMatching(/^search: reading the corpus afresh: cache is corrupt/)]);
    second.add(a);
    expect((await second.search('综治中心'))[0].file).toBe('/c/a.txt');
  });
});

