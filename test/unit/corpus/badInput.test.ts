import { describe, expect, it } from 'vitest';
import { MAX_BYTES, readCorpusFile } from '../../../src/core/corpus/read';
import { sampleText } from './helpers';

describe('bad input is read or reported, never thrown', () => {
  it('reports an empty file and a white-space-only file', () => {
    for (const bytes of [new Uint8Array(0), Buffer.from(' \n\n\u3000\r\n')]) {
      const f = readCorpusFile(bytes, 'empty.txt');
      expect(f.articles).toEqual([]);
      expect(f.problems).toHaveLength(1);
      expect(f.problems[0]).toMatchObject({ severity: 'warning' });
      expect(f.problems[0].message).toMatch(/^empty file/);
    }
  });

  it('reports a binary file as an error, keeping the path', () => {
    const f = readCorpusFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00]), 'corpus/archive.md');
    expect(f.path).toBe('corpus/archive.md');
    expect(f.articles).toEqual([]);
    expect(f.problems).toEqual([{ severity: 'error', message: 'not text: binary data (NUL byte at byte 5)' }]);
  });

  it('reads text with no recognisable structure as one article with one report and no sections', () => {
    const text = '这是一段没有标题的文字，记录了一些情况。\n\n第二段文字也没有任何结构，只是普通的叙述。\n';
    const f = readCorpusFile(Buffer.from(text), 'notes/随笔.txt');
    expect(f.articles).toHaveLength(1);
    const [a] = f.articles;
    expect(a.title).toBe('随笔');
    expect(a.reports).toHaveLength(1);
    expect(a.reports[0].sections).toEqual([]);
    expect(a.reports[0].intro.passages).toHaveLength(2);
    expect(f.problems).toEqual([
      { severity: 'info', message: 'no report titles, news leads or section headings found: read as one article with one report' },
    ]);
  });

  it('reads a 50 MB page file', () => {
    const sample = sampleText();
    const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(sample));
    const bytes = Buffer.from(sample.repeat(copies));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const f = readCorpusFile(bytes, 'huge.txt');
    expect(f.problems).toEqual([]);
    // Each copy is one page: its article with five reports, the column, two news articles.
    expect(f.articles).toHaveLength(4 * copies);
    expect(f.articles.filter((a) => a.reports.length === 5)).toHaveLength(copies);
    // Equal titles get distinct ids through their occurrence number.
    expect(new Set(f.articles.map((a) => a.id)).size).toBe(f.articles.length);
  });

  it('reports a file above the size limit instead of reading it', () => {
    const f = readCorpusFile(new Uint8Array(MAX_BYTES + 1), 'dump.txt');
    expect(f.articles).toEqual([]);
    expect(f.problems).toEqual([{ severity: 'error', message: 'too large to read: 64.0 MB (the limit is 64 MB)' }]);
  });
});
