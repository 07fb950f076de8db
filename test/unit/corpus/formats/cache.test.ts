/** The cache keeps what was extracted from a PDF, so a warm start neither reads nor parses it again. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusEngine, type EngineHost } from '../../../../src/core/engine/engine';
import type { CorpusFile } from '../../../../src/core/model';
import { nodeCacheHost } from '../../../../src/core/search/nodeCacheHost';
import { SearchStore } from '../../../../src/core/search/store';
import { loadTokenizer } from '../../../../src/core/search/tokenizer';
import { handPdf } from '../../../fixtures/formats/build';
import { statistics } from './helpers';

const tokenizer = loadTokenizer();
const log = { info: () => {}, warn: () => {}, error: () => {} };
const PDF = '/corpus/bulletin.pdf';

describe('the cache and extracted text', () => {
  it('restores a PDF\'s text, pages and statistics without reading the file', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-formats-cache-'));
    const bytes = handPdf({ pages: [['江川省统计公报发布。'], ['全年地区生产总值增长5.4%。']] });
    const reads: string[] = [];
    const host: EngineHost = {
      readFile: async (p) => {
        reads.push(p);
        return bytes;
      },
      stat: async () => ({ size: bytes.length, mtime: 1 }),
      sidecarMetadata: async () => undefined,
    };
    const start = async (): Promise<{ engine: CorpusEngine; shown: CorpusFile[] }> => {
      const store = new SearchStore({ tokenizer, cache: nodeCacheHost(cacheDir), modelVersion: 'test', log });
      const shown: CorpusFile[] = [];
      const engine = new CorpusEngine(host, log, { file: (f) => void shown.push(f), removed: () => {}, progress: () => {} }, store);
      await engine.sync([PDF]);
      await store.ready();
      await store.saved();
      return { engine, shown };
    };
    try {
      const cold = await start();
      expect(reads).toEqual([PDF]);
      const warm = await start();
      expect(reads).toEqual([PDF]);
      const [file] = warm.shown;
      expect(file).toEqual(cold.shown[0]);
      expect(file.source).toEqual({ format: 'pdf', pages: [0, 12] });
      expect(statistics(file).map((s) => [s.text, s.page])).toEqual([['5.4%', 2]]);
      expect((await warm.engine.search('地区生产总值'))[0]).toMatchObject({ file: PDF, page: 2 });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
