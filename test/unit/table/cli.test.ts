import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs, run } from '../../../src/cli/stats';

const SAMPLE = path.join(__dirname, '../../../sample/corpus');

async function stats(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await run(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('statcite stats: the table with its filters', () => {
  it('--metric by metric key, --kind, --subject, --sort: the rows the view would show', async () => {
    const all = JSON.parse((await stats(SAMPLE, '--json')).out);
    expect(all.length).toBeGreaterThan(50);
    const { code, out, err } = await stats(SAMPLE, '--json', '--metric', '未成年人犯罪', '--sort', 'value:desc');
    expect(code).toBe(0);
    expect(err).toBe('');
    const rows = JSON.parse(out);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { metricKey: string }) => r.metricKey === '未成年人犯罪')).toBe(true);
    expect(rows.map((r: { value: number }) => r.value)).toEqual(rows.map((r: { value: number }) => r.value).sort((a: number, b: number) => b - a));

    const changes = JSON.parse((await stats(SAMPLE, '--json', '--kind', 'change', '--subject', '湖北')).out);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((r: { kind: string; subject: string }) => r.kind === 'change' && r.subject.includes('湖北'))).toBe(true);
    expect(changes.length).toBeLessThan(all.filter((r: { subject?: string }) => r.subject?.includes('湖北')).length);
  });

  it('metric words that name no key exactly: the keys containing them, said on stderr', async () => {
    const { code, out, err } = await stats(SAMPLE, '--json', '--metric', '未成年人');
    expect(code).toBe(0);
    expect(err).toContain('showing the keys that contain it');
    expect(JSON.parse(out).every((r: { metricKey: string }) => r.metricKey.includes('未成年人'))).toBe(true);
    const none = await stats(SAMPLE, '--json', '--metric', '房价收入比');
    expect(none.code).toBe(0);
    expect(JSON.parse(none.out)).toEqual([]);
    expect(none.err).toContain('no statistic measures');
  });

  it('--xlsx writes a workbook whose rows are the filtered rows, values as numbers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statcite-xlsx-'));
    try {
      const target = path.join(dir, 'out.xlsx');
      const { code, err } = await stats(SAMPLE, '--xlsx', target, '--kind', 'change');
      expect(code).toBe(0);
      const expected = JSON.parse((await stats(SAMPLE, '--json', '--kind', 'change')).out);
      expect(err).toContain(`${expected.length} statistics written to ${target}`);
      const sheet = strFromU8(unzipSync(readFileSync(target))['xl/worksheets/sheet1.xml']);
      expect(sheet.match(/<row /g)).toHaveLength(expected.length + 1);
      expect(sheet).toContain(`<c r="B2"><v>${expected[0].value}</v></c>`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage errors name the problem and exit 2', async () => {
    for (const [args, message] of [
      [[SAMPLE, '--kind', 'bogus'], '--kind bogus'],
      [[SAMPLE, '--metric'], '--metric needs a value'],
      [[SAMPLE, '--min', 'ten'], '--min ten: not a number'],
      [[SAMPLE, '--from', '2024/01'], 'YYYY, YYYY-MM or YYYY-MM-DD'],
      [[SAMPLE, '--sort', 'nope'], '--sort nope'],
      [[SAMPLE, '--json', '--csv'], 'choose one of'],
      [['--json'], 'no corpus file or folder given'],
    ] as const) {
      const { code, err } = await stats(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain(message);
    }
  });

  it('parses every filter flag into the query', () => {
    expect(parseArgs(['c', '--metric', 'm', '--subject', 's', '--period', 'p', '--kind', 'change,count', '--report', 'r', '--file', 'f', '--from', '2024', '--to', '2024-06', '--min', '-1.5', '--max', '1e3', '--group'])).toEqual({
      paths: ['c'],
      format: 'table',
      xlsx: undefined,
      query: { metric: 'm', subject: 's', period: 'p', kinds: ['change', 'count'], report: 'r', file: 'f', dateFrom: '2024', dateTo: '2024-06', valueMin: -1.5, valueMax: 1000, groupByMetric: true },
    });
  });
});
