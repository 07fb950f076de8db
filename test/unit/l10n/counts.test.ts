/**
 * Counts in the outline read right in both languages: 1 article / 2 articles in English, the measure
 * word each noun takes in Chinese. vscode.l10n is stood in for by the real bundle.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ui = vi.hoisted(() => ({ bundle: {} as Record<string, string>, language: 'en' }));
vi.mock('vscode', () => ({
  l10n: { t: (message: string, ...args: unknown[]) => (ui.bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i])) },
  env: {
    get language() {
      return ui.language;
    },
  },
}));

import { countText, countsText } from '../../../src/vscode/outline/counts';

const chinese: Record<string, string> = JSON.parse(readFileSync(path.join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8'));

describe('counts in English', () => {
  beforeEach(() => Object.assign(ui, { bundle: {}, language: 'en' }));

  it('says one in the singular and every other number in the plural', () => {
    expect(['file', 'article', 'report', 'section', 'statistic'].map((w) => countText(w as never, 1))).toEqual([
      '1 file',
      '1 article',
      '1 report',
      '1 section',
      '1 statistic',
    ]);
    expect(countText('article', 2)).toBe('2 articles');
    expect(countText('statistic', 0)).toBe('0 statistics');
    expect(countText('file', 14230)).toBe('14,230 files');
  });

  it('leaves out what there is none of', () => {
    expect(countsText(['article', 1], ['statistic', 1])).toBe('1 article · 1 statistic');
    expect(countsText(['section', 0], ['statistic', 12])).toBe('12 statistics');
    expect(countsText(['section', 0])).toBeUndefined();
  });
});

describe('counts in Chinese', () => {
  beforeEach(() => Object.assign(ui, { bundle: chinese, language: 'zh-cn' }));

  it('puts the measure word each noun takes, the same for one and for many', () => {
    expect(countText('file', 1)).toBe('1 个文件');
    expect(countText('file', 2705)).toBe('2,705 个文件');
    expect(countText('article', 1)).toBe('1 篇文章');
    expect(countText('article', 3)).toBe('3 篇文章');
    expect(countText('report', 1)).toBe('1 份报告');
    expect(countText('report', 3)).toBe('3 份报告');
    expect(countText('section', 1)).toBe('1 节');
    expect(countText('statistic', 5)).toBe('5 项统计数据');
    expect(countText('statistic', 1)).toBe('1 项统计数据');
    expect(countsText(['report', 2], ['statistic', 9])).toBe('2 份报告 · 9 项统计数据');
  });
});
