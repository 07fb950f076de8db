import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/core/corpus/encoding';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { fixtures, sampleBytes, sampleText, tree } from './helpers';

const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

describe('encodings', () => {
  const utf8 = readCorpusFile(sampleBytes(), 'sample.txt');

  it('decodes GBK/GB18030 (fixture made with Python .encode("gb18030")) to the same tree as UTF-8', () => {
    const bytes = readFileSync(path.join(fixtures, 'sample.gbk.txt'));
    expect(bytes.length).toBeLessThan(sampleBytes().length);
    // Read under the UTF-8 file's name: ids depend on the name (ids.ts), not on the encoding.
    const gbk = readCorpusFile(bytes, 'sample.txt');
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.problems).toEqual([]);
    expect(tree(gbk)).toEqual(tree(utf8));
  });

  it('decodes UTF-16 LE and BE with a BOM, and UTF-8 with a BOM, to the same tree and offsets', () => {
    const text = sampleText();
    const cases: Array<[Buffer, string]> = [
      [utf16le(text), 'utf-16le'],
      [utf16be(text), 'utf-16be'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8 (BOM)'],
    ];
    for (const [bytes, encoding] of cases) {
      const f = readCorpusFile(bytes, 'sample.txt');
      expect(f.encoding).toBe(encoding);
      expect(f.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(tree(f)).toEqual(tree(utf8));
    }
  });

  it('keeps damaged UTF-8 as UTF-8 (never mojibake from GBK), replacing the bad bytes with a warning', () => {
    const bytes = sampleBytes();
    const cut = bytes.subarray(0, bytes.length - 2);
    const f = readCorpusFile(cut, 'cut.txt');
    expect(f.encoding).toBe('utf-8');
    expect(f.problems).toEqual([{ severity: 'warning', message: `invalid UTF-8 at byte ${cut.length - 1}: bad bytes shown as U+FFFD (�)` }]);
    expect(f.text.endsWith('28.2%\ufffd')).toBe(true);
    expect(f.articles.map((a) => a.title)).toEqual(utf8.articles.map((a) => a.title));
  });

  it('rejects binary data and bytes that are no known encoding, saying why', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decode(png)).toEqual({ ok: false, reason: 'not text: binary data (NUL byte at byte 8)' });
    const garbage = Buffer.from([0x61, 0x62, 0xff, 0xfe, 0xfd, 0x80, 0x81]);
    const r = decode(garbage);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('not text: neither UTF-8 (invalid byte sequence at byte 2) nor GB18030/GBK');
    const controls = Buffer.from('\u0001\u0002\u0003\u0004abc\u0005\u0006');
    const c = decode(controls);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toMatch(/^not text: binary data \(6 control characters/);
  });

  it('keeps UTF-8 with a stray byte before Chinese text as UTF-8, warning where (never GB18030 mojibake)', () => {
    const text = sampleText();
    for (const stray of [0x80, 0xff, 0xc3]) {
      const f = readCorpusFile(Buffer.concat([Buffer.from([stray]), Buffer.from(text)]), 'stray.txt');
      expect(f.encoding).toBe('utf-8');
      expect(f.text).toBe(`\ufffd${text}`);
      expect(f.problems).toEqual([{ severity: 'warning', message: 'invalid UTF-8 at byte 0: bad bytes shown as U+FFFD (�)' }]);
    }
    const short = Buffer.concat([Buffer.from([0xa0]), Buffer.from('刑事发案同比下降21.5%。')]);
    expect(decode(short)).toEqual({ ok: true, encoding: 'utf-8', text: '\ufffd刑事发案同比下降21.5%。', warning: 'invalid UTF-8 at byte 0: bad bytes shown as U+FFFD (�)' });
  });

  it('names every damaged place of UTF-8 damaged in several', () => {
    const text = sampleText();
    const [a, b, c] = [text.slice(0, 40), text.slice(40, 700), text.slice(700)].map((part) => Buffer.from(part));
    const damaged = Buffer.concat([a, Buffer.from([0xfe]), b, Buffer.from([0x81, 0x82]), c]);
    const r = decode(damaged);
    expect(r.ok && r.encoding).toBe('utf-8');
    const second = a.length + 1 + b.length;
    if (r.ok) expect(r.warning).toBe(`invalid UTF-8 at bytes ${a.length} and ${second} (3 bad bytes): bad bytes shown as U+FFFD (�)`);
  });

  it('reads UTF-16 without a byte-order mark by what the bytes decode to, LE and BE', () => {
    const text = sampleText();
    const utf8 = readCorpusFile(sampleBytes(), 'sample.txt');
    for (const [bytes, encoding] of [
      [utf16le(text).subarray(2), 'utf-16le'],
      [utf16be(text).subarray(2), 'utf-16be'],
    ] as const) {
      const f = readCorpusFile(bytes, 'sample.txt');
      expect(f.encoding).toBe(encoding);
      expect(f.problems).toEqual([]);
      expect(tree(f)).toEqual(tree(utf8));
    }
    // Short Chinese text with only a line break in ASCII.
    expect(decode(utf16le('一二三\n刑事发案同比下降').subarray(2))).toEqual({ ok: true, encoding: 'utf-16le', text: '一二三\n刑事发案同比下降' });
    expect(decode(utf16be('一二三\n刑事发案同比下降').subarray(2))).toEqual({ ok: true, encoding: 'utf-16be', text: '一二三\n刑事发案同比下降' });
  });

  it('still calls NUL-bearing bytes that are no UTF-16 text binary', () => {
    const zeros = Buffer.alloc(64);
    expect(decode(zeros)).toEqual({ ok: false, reason: 'not text: binary data (NUL byte at byte 0)' });
    // Every other byte zero (the pattern of UTF-16 ASCII), but control codes, not text.
    const fake = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0 : (i * 7) % 32)));
    expect(decode(fake).ok).toBe(false);
  });
});

