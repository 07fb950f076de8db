/** The command line reads HTML, PDF and Word files like text files, with pages in its JSON. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as cite } from '../../../../src/cli/cite';
import { run as outline } from '../../../../src/cli/outline';
import { run as search } from '../../../../src/cli/search';
import { run as stats } from '../../../../src/cli/stats';
import { docx, handPdf } from '../../../fixtures/formats/build';
import { WORK_SUMMARY } from '../../../fixtures/formats/documents';
import { fixture } from './helpers';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'statcite-cli-formats-'));
  copyFileSync(fixture('gov-bulletin.html'), path.join(dir, 'gov-bulletin.html'));
  writeFileSync(path.join(dir, 'work-summary.docx'), docx(WORK_SUMMARY));
  writeFileSync(
    path.join(dir, 'bulletin.pdf'),
    handPdf({ pages: [['江川省统计公报发布。'], ['全年地区生产总值增长5.4%。'], ['城镇新增就业86.4万人，城镇调查失业率为5.1%。']] }),
  );
  writeFileSync(path.join(dir, 'notes.docx'), '这不是Word文件。');
  writeFileSync(path.join(dir, 'scan.pdf'), handPdf({ pages: [['']], scanned: true }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function capture(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await run(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Row {
  id: string;
  file: string;
  figure: string;
  page?: number;
}

describe('statcite on HTML, PDF and Word files', () => {
  it('stats: reads every format of a folder, with the page of each figure of a PDF; bad files are named with the reason', async () => {
    const { code, out, err } = await capture(stats, [dir, '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Row[];
    const of = (name: string): Row[] => rows.filter((r) => r.file.endsWith(name));
    expect(of('gov-bulletin.html').length).toBeGreaterThan(20);
    expect(of('work-summary.docx').length).toBeGreaterThan(10);
    expect(of('bulletin.pdf').map((r) => [r.figure, r.page])).toEqual([['5.4%', 2], ['86.4万人', 3], ['5.1%', 3]]);
    expect(rows.filter((r) => !r.file.endsWith('.pdf')).every((r) => !('page' in r))).toBe(true);
    expect(err).toContain(`${path.join(dir, 'notes.docx')}: not a Word document: a .docx file is a ZIP archive, and this is not one`);
    expect(err).toContain(`${path.join(dir, 'scan.pdf')}: no text layer: the pages are images (a scanned PDF?) and StatCite does not run OCR`);
  });

  it('search: a result of a PDF comes with its page', async () => {
    const { out } = await capture(search, ['城镇调查失业率', '--corpus', dir, '--json']);
    const results = JSON.parse(out) as Array<{ file: string; kind: string; page?: number }>;
    // The paragraph says no more than its statistic, which stands for it (see Search).
    const pdf = results.find((r) => r.file.endsWith('bulletin.pdf'));
    expect(pdf?.page).toBe(3);
  });

  it('outline: sections of a PDF say the page they begin on', async () => {
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, handPdf({ pages: [['# 江川省工作报告', '江川省人民政府', '# 一、总体情况', '全年增长5.4%。'], ['# 二、主要工作', '新增就业86.4万人。']] }));
    try {
      const { out } = await capture(outline, [pdf, '--json']);
      const [file] = JSON.parse(out).files;
      expect(file.articles[0].reports[0].sections.map((s: { title: string; page: number }) => [s.title, s.page])).toEqual([
        ['一、总体情况', 1],
        ['二、主要工作', 2],
      ]);
    } finally {
      rmSync(pdf);
    }
  });

  it('cite: a statistic of a PDF carries its page', async () => {
    const rows = JSON.parse((await capture(stats, [path.join(dir, 'bulletin.pdf'), '--json'])).out) as Row[];
    const { code, out } = await capture(cite, [rows[1].id, '--corpus', dir, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).statistic).toMatchObject({ text: '86.4万', page: 3 });
  });
});
