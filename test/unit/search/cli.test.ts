import * as path from 'node:path';
import { promises as fs } from 'node:fs';
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
    expect(results).toHaveLength(2);
    expect(Object.keys(results[0]).sort()).toEqual(['column', 'end', 'file', 'id', 'kind', 'line', 'report', 'score', 'section', 'snippet', 'start'].sort());
    expect(results[0].snippet).toContain('复吸率下降6.8%');
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
      // The passage starts the line; the statistic's figure 21.5% is its 13th character.
      const places = out.flatMap((l) => [.../cr\.txt:(\d+:\d+)/.exec(l)?.slice(1) ?? []]);
      expect(places.length).toBeGreaterThan(0);
      for (const place of places) expect(['7:1', '7:13']).toContain(place);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
