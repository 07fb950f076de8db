import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/search';
import { capture } from '../console';

const CORPUS = path.join(__dirname, '../../fixtures/workspace/corpus');

afterEach(() => vi.restoreAllMocks());

describe('statcite search', () => {
  it('prints the JSON the issue asks for', async () => {
    const { out } = capture();
    expect(await run(['复吸率', '--corpus', CORPUS, '--json', '--limit', '2'])).toBe(0);
    const results = JSON.parse(out.join('\n'));
    // The one paragraph that says 复吸率 says it in the statistic's sentence: folded into it.
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0]).sort()).toEqual(['column', 'end', 'file', 'id', 'kind', 'line', 'match', 'report', 'score', 'section', 'snippet', 'start'].sort());
    expect(results[0].snippet).toContain('复吸率下降6.8%');
  });

  it('points at the matched words: match in --json, file:line:col of the match in the text form', async () => {
    const { out } = capture();
    expect(await run(['信访工作法治化', '--corpus', CORPUS, '--json'])).toBe(0);
    const results = JSON.parse(out.join('\n'));
    const jiangsu = results.find((r: { report: string }) => r.report.includes('江苏'));
    const text = readFileSync(jiangsu.file, 'utf8');
    // The paragraph starts 340 characters before the words, on another line: the page break.
    expect(jiangsu.match.start - jiangsu.start).toBeGreaterThan(300);
    expect(text.slice(jiangsu.match.start, jiangsu.match.end).replace(/\s/g, '')).toBe('信访工作法治化');
    out.length = 0;
    expect(await run(['信访工作法治化', '--corpus', CORPUS])).toBe(0);
    const before = text.slice(0, jiangsu.match.start).split('\n');
    const location = `${jiangsu.file}:${before.length}:${before[before.length - 1].length + 1}`;
    expect(out.join('\n')).toContain(location);
  });

  it('explains a malformed query on stderr with exit code 2', async () => {
    const { out, err } = capture();
    expect(await run(['化解率', '"矛盾纠纷', '--corpus', CORPUS])).toBe(2);
    expect(await run(['kind:ratio', '--corpus', CORPUS])).toBe(2);
    expect(await run(['>abc', '--corpus', CORPUS])).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/phrase[\s\S]*«"矛盾纠纷»[\s\S]*kind:ratio[\s\S]*>abc/);
  });

  it('keeps to statistics with --stats-only', async () => {
    const { out } = capture();
    await run(['未成年人犯罪', '下降', '--corpus', CORPUS, '--json', '--stats-only']);
    const results = JSON.parse(out.join('\n'));
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r: { kind: string }) => r.kind === 'statistic')).toBe(true);
  });

  it('says so when nothing matches, and explains bad arguments', async () => {
    const { out, err } = capture();
    expect(await run(['的', '--corpus', CORPUS])).toBe(0);
    expect(out.join('\n')).toMatch(/no results/);
    expect(await run(['--corpus', CORPUS])).toBe(2);
    expect(await run(['x', '--corpus', CORPUS, '--limit', 'many'])).toBe(2);
    expect(await run(['x'])).toBe(2);
    expect(err.join('\n')).toMatch(/no query given[\s\S]*--limit needs a positive whole number[\s\S]*no corpus given/);
  });
});

describe('statcite search positions', () => {
  it('counts a lone \\r as a line break in file:line:column', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statcite-cr-'));
    try {
      const lines = ['标题', '', '第一段。', '', '第二段。', '', '今年全市刑事发案同比下降21.5%。'];
      await fs.writeFile(path.join(dir, 'cr.txt'), lines.join('\r'));
      const { out } = capture();
      expect(await run(['刑事发案', '--corpus', dir])).toBe(0);
      // The statistic's figure 21.5% is the line's 13th character; the paragraph, when it is not
      // folded into its statistic, points at 刑事发案, its 5th.
      const places = out.flatMap((l) => [.../cr\.txt:(\d+:\d+)/.exec(l)?.slice(1) ?? []]);
      expect(places).toContain('7:13');
      for (const place of places) expect(['7:5', '7:13']).toContain(place);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
