import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as check } from '../../../src/cli/check';

afterEach(() => vi.restoreAllMocks());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await check(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function draft(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'statcite-trace-')), name);
  writeFileSync(file, text);
  return file;
}

describe('statcite check: figures typed in the draft', () => {
  const text = '湖北去年刑事发案下降21.5%。\n湖北去年刑事发案下降23.5%。\n北京刑事发案下降21.5%。\n现发命案下降20.6%[^1]。\n\n[^1]: 我的注释\n';

  it('reports each figure with its candidate statistic ids and counts them; warnings do not fail', async () => {
    const file = draft('draft.md', text);
    const { code, out, err } = await cli([file, '--corpus', 'sample/corpus']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file}:1:11: info: 21\\.5%: Matches 21\\.5% in 湖北省委政法委《.+》\\. \\[stat-\\w+\\]$`));
    expect(lines[1]).toMatch(new RegExp(`^${file}:2:11: warning: 23\\.5%: 湖北省委政法委《.+》 gives 21\\.5% for this, not 23\\.5%\\. \\[stat-\\w+\\]$`));
    expect(lines[2]).toBe(`${file}:3:9: info: 21.5%: No source in the corpus states 21.5%.`);
    expect(lines).toHaveLength(3); // the cited figure is not reported
    expect(err).toContain('4 figure(s): 1 cited, 1 traceable, 1 differ from their source, 1 unsourced');
  });

  it('--json: {line, column, figure, status, candidates: [{id, value, unit, metric, subject, report, score}]}', async () => {
    const { code, out } = await cli([draft('draft.md', text), '--corpus', 'sample/corpus', '--json']);
    expect(code).toBe(0);
    const figures = JSON.parse(out).filter((f: { status?: string }) => f.status);
    expect(figures.map((f: { line: number; column: number; figure: string; status: string }) => [f.line, f.column, f.figure, f.status])).toEqual([
      [1, 11, '21.5%', 'found'],
      [2, 11, '23.5%', 'differs'],
      [3, 9, '21.5%', 'unsourced'],
      [4, 7, '20.6%', 'cited'],
    ]);
    expect(figures[0].candidates[0]).toMatchObject({ id: expect.stringMatching(/^stat-/), value: 21.5, unit: '%', metric: '刑事发案', subject: '湖北省', report: expect.stringMatching(/^湖北省委政法委《/), score: 1 });
    expect(figures[1].candidates[0]).toMatchObject({ id: figures[0].candidates[0].id, value: 21.5 });
    expect(figures[2].candidates).toEqual([]);
  });
});

describe('statcite check --metric-aliases', () => {
  it('keys the corpus and the draft with the user’s aliases: a figure named by another name of its metric is found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-trace-'));
    const corpus = path.join(dir, 'corpus');
    writeFileSync(path.join(dir, 'aliases.txt'), '旅客发送量 客运量\n');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'report.txt'), '交通运输工作报告\n\n2025年，全省旅客发送量增长12.5%。\n');
    const file = draft('draft.md', '2025年全省客运量增长12.5%。\n');
    const status = async (extra: string[]) => JSON.parse((await cli([file, '--corpus', corpus, '--json', ...extra])).out).find((f: { status?: string }) => f.status)?.status;
    expect(await status([])).toBe('unsourced');
    expect(await status(['--metric-aliases', path.join(dir, 'aliases.txt')])).toBe('found');
  });
});
