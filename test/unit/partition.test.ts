import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../src/core/partition';

describe('partitionPoint', () => {
  const sorted = [1, 3, 3, 5, 8];
  it('gives the first index where the test stops holding, in the whole range or from `from`', () => {
    expect(partitionPoint(sorted.length, (i) => sorted[i] < 3)).toBe(1);
    expect(partitionPoint(sorted.length, (i) => sorted[i] <= 3)).toBe(3);
    expect(partitionPoint(sorted.length, (i) => sorted[i] < 0)).toBe(0);
    expect(partitionPoint(sorted.length, (i) => sorted[i] < 100)).toBe(5);
    expect(partitionPoint(sorted.length, (i) => sorted[i] < 3, 2)).toBe(2);
    expect(partitionPoint(0, () => true)).toBe(0);
  });
});
