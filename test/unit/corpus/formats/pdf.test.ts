import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handPdf, printPdf } from '../../../fixtures/formats/build';
import { fixtureText } from '../../../fixtures/formats/documents';
import type { CorpusFile } from '../../../../src/core/model';
import { figures, load, loadText, metricChanges, statistics, titles } from './helpers';

describe('PDF printed by Chromium (embedded CJK fonts, running header and footer)', () => {
  let dir: string;
  let file: CorpusFile;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'statcite-pdf-test-'));
    const pdf = path.join(dir, 'report.pdf');
    await printPdf(fixtureText('report.txt'), pdf);
    file = await load('report.pdf', readFileSync(pdf));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every paragraph whole: no line break inside a sentence, no header, footer or page number', () => {
    expect(file.problems).toEqual([]);
    expect(file.source?.pages?.length).toBeGreaterThanOrEqual(2);
    const paragraphs = fixtureText('report.txt').split('\n').filter(Boolean);
    expect(file.text.split('\n\n')).toEqual(paragraphs);
  });

  it('reads the title, the issuing body and the 一、 sections as in the plain text', () => {
    expect(titles(file)).toEqual(titles(loadText('report.txt')));
    expect(file.articles[0].reports[0].author).toBe('江川省人民政府');
  });

  it('finds the same statistics as the plain text, each with the page it stands on', () => {
    const text = loadText('report.txt');
    expect(figures(file)).toEqual(figures(text));
    expect(metricChanges(text, file)).toEqual([]);
    const pages = file.source!.pages!;
    for (const s of statistics(file)) {
      expect(s.page).toBeGreaterThanOrEqual(1);
      expect(pages[s.page! - 1]).toBeLessThanOrEqual(s.range.start);
      if (s.page! < pages.length) expect(s.range.start).toBeLessThan(pages[s.page!]);
    }
    const last = statistics(file).at(-1)!;
    expect(last.page).toBe(pages.length);
    expect(statistics(file)[0].page).toBe(1);
  });

  it('gives every passage the page it begins on', () => {
    const passages = file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.passages)));
    expect(passages.every((p) => p.page !== undefined)).toBe(true);
    expect(passages[0].page).toBe(1);
    expect(passages.at(-1)!.page).toBe(file.source!.pages!.length);
  });

  it('takes the date the information dictionary states', () => {
    expect(file.metadata.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reports a truncated file by name, reading what it can or nothing, never throwing', async () => {
    const whole = readFileSync(path.join(dir, 'report.pdf'));
    const cut = await load('cut.pdf', whole.subarray(0, Math.floor(whole.length / 3)));
    expect(cut.articles).toEqual([]);
    expect(cut.problems).toHaveLength(1);
    expect(cut.problems[0].message).toMatch(/^truncated PDF: the file ends before its end marker \(%%EOF\), so it was cut short/);
  });
});

describe('PDF files written by hand', () => {
  it('decodes Chinese in a font that is not embedded, through the CMaps pdf.js ships', async () => {
    const pdf = handPdf({
      pages: [['全省统计公报发布。'], ['全年地区生产总值增长5.4%。'], ['城镇新增就业86.4万人。']],
      info: { Title: '江川省统计公报', Author: '江川省统计局', CreationDate: "D:20250310093000+08'00'" },
    });
    const file = await load('bulletin.pdf', pdf);
    expect(file.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(file.text).toBe('全省统计公报发布。\n\n全年地区生产总值增长5.4%。\n\n城镇新增就业86.4万人。');
    expect(file.source!.pages).toEqual([0, 11, 28]);
    expect(statistics(file).map((s) => [s.text, s.page])).toEqual([['5.4%', 2], ['86.4万', 3]]);
    expect(file.metadata).toEqual({ authors: ['江川省统计局'], date: '2025-03-10' });
  });

  it('reads radicals that CJK fonts share with characters as those characters', async () => {
    const file = await load('radicals.pdf', handPdf({ pages: [['⼯业增加值增⻓6.1%，⺠营经济占⽐过半。']] }));
    expect(file.text).toBe('工业增加值增长6.1%，民营经济占比过半。');
  });

  it('says a scan (pages that are images) has no text layer and is not read by OCR', async () => {
    const file = await load('scan.pdf', handPdf({ pages: [[''], ['']], scanned: true }));
    expect(file.articles).toEqual([]);
    expect(file.problems).toEqual([{ severity: 'error', message: 'no text layer: the pages are images (a scanned PDF?) and StatCite does not run OCR' }]);
  });

  it('says an encrypted PDF needs a password', async () => {
    const file = await load('secret.pdf', handPdf({ pages: [['内部资料']], encrypted: true }));
    expect(file.problems).toEqual([
      { severity: 'error', message: 'encrypted PDF: it needs a password to open, and StatCite cannot read it; save a copy without the password' },
    ]);
  });

  it('says bytes that are no PDF are not one, and a PDF damaged inside is damaged', async () => {
    const fake = await load('fake.pdf', Buffer.from('<html><body>这不是PDF</body></html>'));
    expect(fake.articles).toEqual([]);
    expect(fake.problems).toEqual([{ severity: 'error', message: 'not a PDF: the file does not start with a PDF header (%PDF-)' }]);
    const hollow = await load('hollow.pdf', Buffer.from('%PDF-1.7\n' + 'x'.repeat(3000) + '\n%%EOF\n'));
    expect(hollow.problems).toEqual([{ severity: 'error', message: 'damaged PDF: Invalid PDF structure' }]);
  });

  it('reads a 500-page PDF whole, every page in place', async () => {
    const pages = Array.from({ length: 500 }, (_, i) => [`第${i + 1}页：全年新增就业${i + 1}万人。`]);
    const file = await load('long.pdf', handPdf({ pages }));
    expect(file.source!.pages).toHaveLength(500);
    const stats = statistics(file);
    expect(stats).toHaveLength(500);
    expect(stats.every((s, i) => s.page === i + 1 && s.value === (i + 1) * 10000)).toBe(true);
  });
});
