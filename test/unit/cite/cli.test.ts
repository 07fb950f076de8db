import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/cite';
import { loadCorpus } from '../../../src/cli/corpus';
import { GBT_NUMERIC, apaCsl } from './fixture';

const CORPUS = 'sample/corpus';

/** Runs `statcite cite …` and returns its exit code and what it printed. */
async function cite(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await run(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function crimeId(): Promise<string> {
  for (const file of await loadCorpus([CORPUS])) {
    for (const article of file.articles) {
      for (const report of article.reports) {
        if (report.author !== '湖北省委政法委') continue;
        const found = [report.intro, ...report.sections].flatMap((s) => s.statistics).find((s) => s.text === '21.5%');
        if (found) return found.id;
      }
    }
  }
  throw new Error('no 21.5% statistic in the 湖北 report of the sample');
}

afterEach(() => vi.restoreAllMocks());

describe('statcite cite', () => {
  it('prints the sentence with its marker and the reference entry of the sample', async () => {
    const id = await crimeId();
    const { code, out, err } = await cite([id, '--corpus', CORPUS]);
    expect(code).toBe(0);
    const [text, , entry] = out.split('\n');
    expect(text).toBe('湖北省去年刑事发案同比下降21.5%[^1]');
    expect(entry.startsWith('[^1]: 湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展[')).toBe(true);
    expect(entry.endsWith(`: ${id} -->`)).toBe(true);
    expect(err).toContain('missing: ');
  });

  it('--format latex --style apa --json: \\cite with the escaped figure, the BibTeX entry, what is missing', async () => {
    const id = await crimeId();
    const { code, out } = await cite([id, '--corpus', CORPUS, '--format', 'latex', '--style', 'apa', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.text).toMatch(/^湖北省去年刑事发案同比下降21\.5\\%\\cite\{rep-\w+\}$/);
    expect(result.reference).toMatch(/^@\w+\{rep-\w+,\n {2}author = \{\{湖北省委政法委\}\},/);
    expect(result.missing).toContain('date');
    expect(result.inText).toBe('(湖北省委政法委, n.d.)');
  });

  it('bad input: a clear message and exit code, never a stack trace', async () => {
    expect(await cite(['stat-none', '--corpus', CORPUS])).toMatchObject({ code: 1, err: expect.stringContaining('no statistic stat-none') });
    expect(await cite(['x', '--corpus', CORPUS, '--style', 'mla'])).toMatchObject({ code: 2, err: expect.stringContaining('--style must be one of') });
    expect(await cite(['x'])).toMatchObject({ code: 2, err: expect.stringContaining('--corpus needs') });
    expect(await cite(['--corpus', CORPUS])).toMatchObject({ code: 2, err: expect.stringContaining('a statistic id is needed') });
  });

  it('--style <file.csl>: the GB/T 7714 CSL file of the Zotero repository', async () => {
    const id = await crimeId();
    const { code, out, err } = await cite([id, '--corpus', CORPUS, '--style', path.relative(process.cwd(), GBT_NUMERIC), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.style).toBe(path.relative(process.cwd(), GBT_NUMERIC));
    // The CSL file leaves out what the sample does not state; StatCite still lists it as missing.
    expect(result.entry).toBe('湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展[N].');
    expect(result.missing).toEqual(['publication', 'date', 'page']);
    expect(result.inText).toBe('[1]');
  });

  it('--style <file.csl>: an APA CSL file, author-date in the text', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'statcite-')), 'apa.csl');
    writeFileSync(file, apaCsl());
    const { code, out } = await cite([await crimeId(), '--corpus', CORPUS, '--style', file, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.entry).toBe('湖北省委政法委. (n.d.). 着力加强政法基础设施建设 以高水平安全保障高质量发展.');
    expect(result.inText).toBe('(湖北省委政法委, n.d.)');
  });

  it('a broken .csl file is named with the reason, and the built-in style is used', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'statcite-')), 'broken.csl');
    writeFileSync(file, '<style xmlns="http://purl.org/net/xbiblio/csl"><citation/>');
    const { code, out, err } = await cite([await crimeId(), '--corpus', CORPUS, '--style', file]);
    expect(code).toBe(0);
    expect(err).toContain(`statcite cite: ${file}: the style has no <bibliography>, so it cannot write reference lists; using GB/T 7714-2015 instead`);
    expect(out).toContain('[^1]: 湖北省委政法委. ');
  });
});
