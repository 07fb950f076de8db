import { describe, expect, it } from 'vitest';
import { normalizeDigits, parseChineseNumeral, parseNumber, scaleValue } from '../../../src/core/stats/numbers';

describe('numbers', () => {
  it.each([
    ['两', 2], ['三', 3], ['十', 10], ['十二', 12], ['二十', 20], ['一百二十', 120], ['一百零五', 105],
    ['两千三百万', 23_000_000], ['三万五千', 35_000], ['一亿二千万', 120_000_000], ['三万亿', 3e12], ['二〇二五', 2025],
  ])('reads the Chinese numeral %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('rejects text that is not a numeral', () => {
    expect(parseChineseNumeral('一些')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
  });

  it('reads Arabic numbers with thousands separators, decimals and full-width digits', () => {
    expect(parseNumber('12,345')).toBe(12345);
    expect(parseNumber('60.67')).toBe(60.67);
    expect(parseNumber('９８．５')).toBe(98.5);
    expect(parseNumber('１２３，４５６')).toBe(123456);
    expect(normalizeDigits('３４００')).toBe('3400');
  });

  it('scales by 万, 亿 and 万亿', () => {
    expect(scaleValue('万')).toBe(1e4);
    expect(scaleValue('亿')).toBe(1e8);
    expect(scaleValue('万亿')).toBe(1e12);
    expect(scaleValue('千万')).toBe(1e7);
    expect(scaleValue('米')).toBeUndefined();
  });
});
