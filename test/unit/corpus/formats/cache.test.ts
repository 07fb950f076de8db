/** The cache keeps what was extracted from a PDF, so a warm start neither reads nor parses it again. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusEngine, type EngineHost } from '../../../../src/core/engine/engine';
import type { CorpusFile, Metadata } from '../../../../src/core/model';
import { corpusFileProblem } from '../../../../src/core/search/modelCheck';
import { nodeCacheHost } from '../../../../src/core/search/nodeCacheHost';
import { SearchStore } from '../../../../src/core/search/store';
import { loadTokenizer } from '../../../../src/core/search/tokenizer';
import { docx, handPdf } from '../../../fixtures/formats/build';
import { WORK_SUMMARY } from '../../../fixtures/formats/documents';
import { fixture, statistics } from './helpers';

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
      stat: async () => ({ size: bytes.length, mtime: 1, ctime: 1 }),
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

  it('serves a web page, a PDF and a Word file from the cache the current build wrote, with all the model holds', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'statcite-formats-cache-'));
    const bytes = new Map<string, Uint8Array>([
      ['/corpus/gov-bulletin.html', readFileSync(fixture('gov-bulletin.html'))],
      ['/corpus/bulletin.pdf', handPdf({ pages: [['江川省统计公报发布。'], ['全年地区生产总值增长5.4%。']] })],
      ['/corpus/work-summary.docx', docx(WORK_SUMMARY)],
    ]);
    // Sidecar metadata of every kind the model has: lists, the carrier, volume and issue.
    const sidecar: Metadata = { publication: '江川日报', authors: ['张三', '李四'], type: 'N', medium: 'print', volume: '12', issue: '3', number: '7', page: '03版' };
    const reads: string[] = [];
    const logged: string[] = [];
    const note = (m: string): void => void logged.push(m);
    const host: EngineHost = {
      readFile: async (p) => {
        reads.push(p);
        return bytes.get(p)!;
      },
      stat: async (p) => ({ size: bytes.get(p)!.length, mtime: 1, ctime: 1 }),
      sidecarMetadata: async () => sidecar,
    };
    const start = async (): Promise<CorpusFile[]> => {
      const store = new SearchStore({ tokenizer, cache: nodeCacheHost(cacheDir), modelVersion: 'test', log: { info: note, warn: note, error: note } });
      const shown: CorpusFile[] = [];
      const engine = new CorpusEngine(host, log, { file: (f) => void shown.push(f), removed: () => {}, progress: () => {} }, store);
      await engine.sync([...bytes.keys()]);
      await engine.settled();
      return shown;
    };
    try {
      const cold = await start();
      expect(reads.sort()).toEqual([...bytes.keys()].sort());
      expect(cold.map((f) => f.source?.format).sort()).toEqual(['docx', 'html', 'pdf']);
      const all = cold.flatMap(statistics);
      expect(all.some((s) => s.page === 2)).toBe(true);
      expect(all.every((s) => s.metricKey !== '')).toBe(true);
      expect(all.some((s) => s.issuer !== undefined) && all.some((s) => s.subject !== undefined)).toBe(true);
      for (const f of cold) expect(corpusFileProblem(f), f.path).toBeUndefined();
      reads.length = 0;
      logged.length = 0;
      const warm = await start();
      // Served from the cache: nothing read again, nothing refused, the same files.
      expect(reads).toEqual([]);
      expect(logged.filter((m) => /afresh|rebuild|refused|not well-formed/.test(m))).toEqual([]);
      expect(new Map(warm.map((f) => [f.path, f]))).toEqual(new Map(cold.map((f) => [f.path, f])));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
