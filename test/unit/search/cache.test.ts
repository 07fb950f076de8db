import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, loadCache, saveCache, type CachedFile } from '../../../src/core/search/cache';
import { SearchIndex, type SerializedSegment } from '../../../src/core/search/index';
import { nodeCacheHost } from '../../../src/core/search/nodeCacheHost';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import { buildFile } from './corpusFixture';

const tokenizer = loadTokenizer();
const versions = { model: 'reader-1', tokenizer };
const file = buildFile('/c/a.txt', '平安建设', [{ title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1377个。'] }] }]);
const entry: CachedFile = { path: file.path, size: 100, mtime: 5, ctime: 6, hash: contentHash(Buffer.from(file.text)), sidecar: '', file };

async function saved(savedBy = tokenizer, cached = entry): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'statcite-cache-'));
  const index = SearchIndex.create(tokenizer);
  index.add(cached.file);
  await saveCache(nodeCacheHost(dir), { ...versions, tokenizer: savedBy }, [cached], index);
  return dir;
}

/** The path of a cache's one segment file. */
const segmentFile = (dir: string): string => path.join(dir, readdirSync(dir).find((n) => n.startsWith('seg-'))!);

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
    const dir = await saved({ ...tokenizer, version: 'another dictionary' });
    const loaded = await loadCache(nodeCacheHost(dir), versions);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.files.size).toBe(1);
    await expect(loaded.loadIndex()).rejects.toThrow(/tokenizer/);
  });

  it('detects truncated and corrupt data', async () => {
    const dir = await saved();
    const segment = segmentFile(dir);
    const data = readFileSync(segment);
    writeFileSync(segment, data.subarray(0, data.length - 10));
    expect((await loadCache(nodeCacheHost(dir), versions)).ok).toBe(false);
    const garbled = Buffer.from(data);
    garbled.write(']]]', data.length >> 1);
    writeFileSync(segment, garbled);
    expect(await loadCache(nodeCacheHost(dir), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/corrupt/) });
    writeFileSync(path.join(dir, 'manifest.json'), 'not json');
    expect(await loadCache(nodeCacheHost(dir), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/corrupt/) });
  });

  it('keeps the model but refuses an index whose postings do not hold together', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-cache-'));
    const index = SearchIndex.create(tokenizer);
    index.add(file);
    const [segment] = index.segments();
    const saved = index.serialize(segment);
    // Checksummed as written: only the index's own checks can tell (a document number out of place).
    const data = Int32Array.from(saved.data);
    data[data.length - 2] = 1_000_000;
    const written = { segments: () => [segment], serialize: () => ({ ...saved, data }), segmentOf: () => segment, nextDocument: index.nextDocument };
    await saveCache(nodeCacheHost(dir), versions, [entry], written as unknown as SearchIndex);
    const loaded = await loadCache(nodeCacheHost(dir), versions);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.files.size).toBe(1);
    await expect(loaded.loadIndex()).rejects.toThrow(/not one/);
  });

  it('refuses an index whose documents do not fit its files (the model kept): slots shifted, counted wrong, swapped', async () => {
    const other = buildFile('/c/b.txt', '平安建设', [
      { title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1377个。'], stats: [{ figure: '1377个', metric: '综治中心' }] }] },
    ]);
    const index = SearchIndex.create(tokenizer);
    index.add(file);
    index.add(other);
    const [segment] = index.segments();
    const saved = index.serialize(segment);
    const [[pathA, firstA, countA], [pathB, firstB, countB]] = saved.files;
    expect([firstA, countA, firstB, countB]).toEqual([0, 1, 1, 2]);
    const edits: Array<SerializedSegment['files']> = [
      [[pathA, firstA + 1, countA], [pathB, firstB, countB]],
      [[pathA, firstA, countA], [pathB, firstB, countB - 1]],
      [[pathA, firstA, countA + 1], [pathB, firstB, countB]],
      [[pathA, firstB, countA], [pathB, firstA, countB]],
      [[pathA, firstA, countA], [pathB, firstB + 1, countB]],
    ];
    for (const files of edits) {
      const dir = mkdtempSync(path.join(tmpdir(), 'statcite-cache-'));
      const written = { segments: () => [segment], serialize: () => ({ ...saved, files }), segmentOf: () => segment, nextDocument: index.nextDocument };
      const entries = [entry, { ...entry, path: other.path, file: other }];
      await saveCache(nodeCacheHost(dir), versions, entries, written as unknown as SearchIndex);
      const loaded = await loadCache(nodeCacheHost(dir), versions);
      if (!loaded.ok) throw new Error(loaded.reason);
      expect(loaded.files.size, JSON.stringify(files)).toBe(2);
      await expect(loaded.loadIndex(), JSON.stringify(files)).rejects.toThrow(/other documents|not one/);
    }
  });

  it('reads a segment file from memory of any kind: not shared, not aligned', async () => {
    const host = nodeCacheHost(await saved());
    const odd = {
      ...host,
      read: async (name: string) => {
        const bytes = await host.read(name);
        if (!bytes) return undefined;
        const copy = new Uint8Array(bytes.length + 1);
        copy.set(bytes, 1);
        return copy.subarray(1);
      },
    };
    const loaded = await loadCache(odd, versions);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.files.get('/c/a.txt')!.file.text).toBe(file.text);
    expect((await loaded.loadIndex()).search('综治中心')[0].file).toBe('/c/a.txt');
  });

  it('detects data and manifest from different saves', async () => {
    const a = await saved();
    const other = buildFile('/c/a.txt', '平安建设', [{ title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1378个。'] }] }]);
    const b = await saved(tokenizer, { ...entry, file: other });
    writeFileSync(segmentFile(a), readFileSync(segmentFile(b)));
    expect(await loadCache(nodeCacheHost(a), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged or from another save/) });
  });

  it('refuses a cache whose readable head was edited: a count, or the shape of a file', async () => {
    const figure = buildFile('/c/a.txt', '平安建设', [
      { title: '综治中心', sections: [{ title: '', paragraphs: ['建设四级综治中心1377个。'], stats: [{ figure: '1377个', metric: '综治中心' }] }] },
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-cache-'));
    const index = SearchIndex.create(tokenizer);
    index.add(figure);
    await saveCache(nodeCacheHost(dir), versions, [{ ...entry, file: figure }], index);
    const data = readFileSync(segmentFile(dir));
    const edits = [
      (head: string) => head.replace('"statistics":1', '"statistics":2'),
      // Same length, still JSON: a file whose article ids are a number.
      (head: string) => {
        const model = JSON.parse(head);
        model.files[0].summary.articles = 7;
        const json = JSON.stringify(model);
        return json + ' '.repeat(Buffer.byteLength(head) - Buffer.byteLength(json));
      },
    ];
    for (const edit of edits) {
      writeFileSync(segmentFile(dir), editHead(data, edit));
      expect(await loadCache(nodeCacheHost(dir), versions)).toMatchObject({ ok: false, reason: expect.stringMatching(/corrupt/) });
    }
  });
});

/** A segment file with its JSON head (the line holding "files") changed by `edit`, the rest as it was. */
function editHead(data: Buffer, edit: (head: string) => string): Buffer {
  const text = data.toString('latin1');
  const start = text.indexOf('{"files"');
  const end = text.indexOf('\n', start);
  const head = data.toString('utf8', start, end);
  const edited = Buffer.from(edit(head));
  expect(edited.length).toBe(Buffer.byteLength(head));
  expect(edited.toString()).not.toBe(head);
  return Buffer.concat([data.subarray(0, start), edited, data.subarray(end)]);
}

