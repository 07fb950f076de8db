import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, loadCache, saveCache, type CachedFile } from '../../../src/core/search/cache';
import { SearchIndex } from '../../../src/core/search/index';
import { nodeCacheHost } from '../../../src/core/search/nodeCacheHost';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import { buildFile } from './corpusFixture';

const tokenizer = loadTokenizer();
const versions = { model: 'reader-1', tokenizer };
const file = buildFile('/c/a.txt', '平安建设', [{ title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1377个。'] }] }]);
const entry: CachedFile = { path: file.path, size: 100, mtime: 5, ctime: 6, hash: contentHash(Buffer.from(file.text)), sidecar: '', file };

async function saved(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'statcite-cache-'));
  const index = SearchIndex.create(tokenizer);
  index.add(file);
  await saveCache(nodeCacheHost(dir), versions, [entry], index);
  return dir;
}

describe('search cache', () => {
  it('restores the model, the stamps and a working index', async () => {
    const loaded = await loadCache(nodeCacheHost(await saved()), versions);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.files.get('/c/a.txt')).toMatchObject({ size: 100, mtime: 5, ctime: 6, hash: entry.hash });
    expect(loaded.files.get('/c/a.txt')!.file.text).toBe(file.text);
    expect((await loaded.loadIndex()).search('综治中心')[0].file).toBe('/c/a.txt');
  });

  it('says there is nothing when the folder is empty', async () => {
    const loaded = await loadCache(nodeCacheHost(mkdtempSync(path.join(tmpdir(), 'statcite-cache-'))), versions);
    expect(loaded).toEqual({ ok: false, reason: 'no cache yet' });
  });

  it('refuses a cache from another reader version', async () => {
    const loaded = await loadCache(nodeCacheHost(await saved()), { ...versions, model: 'reader-2' });
    expect(loaded.ok).toBe(false);
  });

  it('keeps the model but refuses the index of another tokenizer', async () => {
    const dir = await saved();
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, tokenizer: 'other' }));
    const loaded = await loadCache(nodeCacheHost(dir), versions);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.files.size).toBe(1);
    await expect(loaded.loadIndex()).rejects.toThrow(/tokenizer/);
  });

  it('detects truncated and corrupt data', async () => {
    const dir = await saved();
    const data = readFileSync(path.join(dir, 'model.bin'));
    writeFileSync(path.join(dir, 'model.bin'), data.subarray(0, data.length - 10));
    expect((await loadCache(nodeCacheHost(dir), versions)).ok).toBe(false);
    const garbled = Buffer.from(data);
    garbled.write(']]]', data.length >> 1);
    writeFileSync(path.join(dir, 'model.bin'), garbled);
    expect(await loadCache(nodeCacheHost(dir), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/corrupt/) });
    writeFileSync(path.join(dir, 'manifest.json'), 'not json');
    expect(await loadCache(nodeCacheHost(dir), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/corrupt/) });
  });

  it('detects an index that is corrupt', async () => {
    const dir = await saved();
    const data = readFileSync(path.join(dir, 'index.bin'));
    const garbled = Buffer.from(data);
    garbled.write('}}}', data.length >> 1);
    writeFileSync(path.join(dir, 'index.bin'), garbled);
    const loaded = await loadCache(nodeCacheHost(dir), versions);
    if (!loaded.ok) throw new Error(loaded.reason);
    await expect(loaded.loadIndex()).rejects.toThrow();
  });

  it('detects data and manifest from different saves', async () => {
    const a = await saved();
    const b = await saved();
    writeFileSync(path.join(a, 'model.bin'), readFileSync(path.join(b, 'model.bin')));
    expect(await loadCache(nodeCacheHost(a), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/belong/) });
  });
});
