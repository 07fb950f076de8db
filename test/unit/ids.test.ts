import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/core/ids';

describe('stableId', () => {
  it('hashes its parts as one string with a 0 between each, written in base 36', () => {
    // The ids stored in caches and sidecars must not change: these are the values of the first version.
    expect(stableId('stat', 'sec-1', '5.4%', '地区生产总值', 0)).toBe('stat-1u0jf8gqoos');
    expect(stableId('x')).toBe('x-wvjl67o803');
    expect(stableId('a', '', 3, '中文')).toBe('a-25zch6gvy4p');
  });

  it('tells apart parts that only differ in where they split', () => {
    expect(stableId('p', 'ab', 'c')).not.toBe(stableId('p', 'a', 'bc'));
  });
});
