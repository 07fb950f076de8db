/**
 * Hostile input for the statistics mask and extractor: each case is large enough that a
 * super-linear pattern or loop would not return for minutes; the assertions check what is found,
 * never how long it took (bench/adversarial.mjs prints the times).
 */
import { describe, expect, it } from 'vitest';
import { maskedSpans } from '../../../src/core/stats/mask';
import { extract } from './helpers';

describe('hostile text for the statistics', () => {
  it('500,000 Markdown link openers "](" that never close mask nothing', () => {
    const text = `刑事发案同比下降21.5%${']('.repeat(500_000)}`;
    expect(maskedSpans(text)).toEqual([]);
    expect(extract(text).map((s) => s.text)).toEqual(['21.5%']);
  });

  it('link targets are still masked, with one level of parentheses', () => {
    const text = '见[报告](https://x.cn/2025(1)/v2.html)，增长5%';
    expect(maskedSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['](https://x.cn/2025(1)/v2.html)']);
    expect(extract(text).map((s) => s.text)).toEqual(['5%']);
  });

  it('openers of every masked kind, 200,000 times each, leave the figure after them', () => {
    for (const opener of ['<a', '<', '&#1', 'http://', 'www.', 'a@', '《', '“', '‘', '「', '"']) {
      const text = `${opener.repeat(200_000)}，刑事发案同比下降21.5%。`;
      expect(extract(text).map((s) => s.text), opener).toEqual(['21.5%']);
    }
  });

  it('a list of 100,000 figures joined by 、 gives every figure its item', () => {
    const text = `分别增长${'5%、'.repeat(100_000)}6%`;
    const stats = extract(text);
    expect(stats).toHaveLength(100_001);
    expect(stats.every((s) => s.unit === '%' && s.change === 'up')).toBe(true);
  });
});
