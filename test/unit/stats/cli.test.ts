import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as compare } from '../../../src/cli/compare';
import { run as stats } from '../../../src/cli/stats';
import { alignRows, displayWidth } from '../../../src/cli/table';
import { capture } from '../console';

const CORPUS = path.join(__dirname, '../../fixtures/workspace/corpus');

afterEach(() => vi.restoreAllMocks());

describe('statcite compare', () => {
  it('lists every statistic of the metric however worded, one row each, by subject then period', async () => {
    const { out } = capture();
    expect(await compare(['未成年人犯罪人数', '--corpus', CORPUS, '--json'])).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.metric).toBe('未成年人犯罪');
    expect(result.rows.map((r: { subject: string; metric: string; value: number }) => [r.subject, r.metric, r.value])).toEqual([
      ['重庆市', '未成年人犯罪', 32.8],
      ['福建省', '未成年人犯罪人数', 35.4],
      ['湖北省', '未成年人犯罪数', 20.3],
    ]);
    expect(Object.keys(result.rows[0]).sort()).toEqual(['basis', 'change', 'end', 'file', 'id', 'key', 'kind', 'metric', 'period', 'report', 'start', 'subject', 'unit', 'value'].sort());
  });

  it('never merges different quantities: 刑事发案 leaves out 现发命案, 化解率 leaves out 吸附率', async () => {
    const { out } = capture();
    await compare(['刑事案件发案数', '--corpus', CORPUS, '--json']);
    const crime = JSON.parse(out.splice(0).join('\n'));
    expect(crime.rows.map((r: { metric: string; kind: string }) => [r.metric, r.kind])).toEqual([['刑事发案', 'change'], ['刑事发案', 'streak']]);
    await compare(['矛盾纠纷化解率', '--corpus', CORPUS, '--json']);
    const rates = JSON.parse(out.join('\n'));
    expect(rates.rows).toHaveLength(3);
    expect(rates.rows.every((r: { key: string }) => r.key === '矛盾纠纷化解率')).toBe(true);
  });

  it('prints an aligned table, widths counted in terminal columns', async () => {
    const { out } = capture();
    await compare(['矛盾纠纷化解率', '--corpus', CORPUS]);
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^subject\s+period\s+figure/);
    const where = lines.slice(0, 4).map((l) => displayWidth(l.slice(0, l.indexOf('/'))));
    expect(new Set(where).size).toBe(1);
    expect(lines[4]).toBe('3 statistics of 矛盾纠纷化解率');
  });

  it('an unknown metric gives no rows, exit 0 and a message on stderr; bad arguments exit 2', async () => {
    const { out, err } = capture();
    expect(await compare(['航班正常率', '--corpus', CORPUS, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ metric: '航班正常率', rows: [] });
    expect(err.join('\n')).toMatch(/no statistic measures “航班正常率”/);
    expect(await compare(['--corpus', CORPUS])).toBe(2);
    expect(await compare(['化解率'])).toBe(2);
    expect(await compare(['化解率', '--corpus', CORPUS, '--metric-aliases'])).toBe(2);
  });

  it('reads the user alias file, and says which file it cannot read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-compare-'));
    const file = path.join(dir, 'aliases.txt');
    writeFileSync(file, '命案 现发命案\n');
    const { out, err } = capture();
    await compare(['命案', '--corpus', CORPUS, '--json', '--metric-aliases', file]);
    expect(JSON.parse(out.splice(0).join('\n')).rows.map((r: { value: number }) => r.value)).toEqual([20.6]);
    await compare(['命案', '--corpus', CORPUS, '--json', '--metric-aliases', path.join(dir, 'missing.txt')]);
    expect(err.join('\n')).toContain(path.join(dir, 'missing.txt'));
  });
});

describe('statcite stats', () => {
  it('gives each statistic its metric key, subject and issuer', async () => {
    const { out } = capture();
    expect(await stats([CORPUS, '--json'])).toBe(0);
    const rows = JSON.parse(out.join('\n'));
    expect(rows.find((r: { figure: string }) => r.figure === '21.5%')).toMatchObject({ metricKey: '刑事发案', subject: '湖北省', issuer: '湖北省委政法委' });
  });
});

describe('aligned tables', () => {
  it('counts a CJK character as two columns', () => {
    expect(displayWidth('刑事发案 21.5%')).toBe(14);
    expect(alignRows([['湖北省', 'x'], ['ab', 'y']])).toEqual(['湖北省  x', 'ab      y']);
  });
});
