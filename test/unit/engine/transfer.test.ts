/** Large files cross from the worker to the host in slices (src/core/engine/transfer.ts). */
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { joinFile, splitFile } from '../../../src/core/engine/transfer';
import { handPdf } from '../../fixtures/formats/build';
import { load, statistics } from '../corpus/formats/helpers';

describe('a large file crosses to the host in slices', () => {
  it('splits a 500-page PDF into bounded slices that join back to the same file, leaving the original alone', async () => {
    const pages = Array.from({ length: 500 }, (_, i) => [`第${i + 1}页：全年新增就业${i + 1}万人，增长${(i % 9) + 1}.5%。`]);
    const file = await load('long.pdf', handPdf({ pages }));
    const before = JSON.stringify(file);
    const { slices, shell } = splitFile(file, 120);
    expect(JSON.stringify(file)).toBe(before);
    expect(slices.length).toBeGreaterThan(10);
    for (const part of slices) expect(part.reduce((n, s) => n + s.passages.length + s.statistics.length, 0)).toBeLessThanOrEqual(120);
    expect(statistics(shell)).toEqual([]);
    // As across a worker's message port: every part and the shell serialised on their own.
    const copy = <T>(x: T): T => deserialize(serialize(x)) as T;
    const joined = joinFile(copy(shell), slices.map(copy).flat());
    expect(joined).toEqual(file);
    expect(statistics(joined)).toHaveLength(1000);
  });

  it('sends a small file whole', async () => {
    const file = await load('short.pdf', handPdf({ pages: [['全年增长5.4%。']] }));
    const { slices, shell } = splitFile(file);
    expect(slices).toEqual([]);
    expect(shell).toBe(file);
  });
});
