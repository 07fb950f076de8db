/**
 * Relevance on the sample corpus: for each query, the passage or statistic a reader wants must be
 * among the first five results. The expectation names text that result (its report title or its
 * whole passage or sentence) must contain.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import { SearchIndex } from '../../../src/core/search/index';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import type { SearchOptions } from '../../../src/core/search/types';

const SAMPLE = path.join(__dirname, '../../fixtures/workspace/corpus/000_fadfd726848b77a0.txt');
const file = loadCorpusFile(readFileSync(SAMPLE), SAMPLE);
const index = SearchIndex.create(loadTokenizer());
index.add(file);

const EXPECTATIONS: Array<{ query: string; wants: string; options?: SearchOptions }> = [
  { query: '未成年人犯罪 下降', wants: '未成年人犯罪数同比下降20.3%' },
  { query: '刑事发案 下降', wants: '刑事发案同比下降21.5%' },
  { query: '综治中心 数量', wants: '四级综治中心1377个' },
  { query: '命案', wants: '现发命案下降20.6%' },
  { query: '复吸率', wants: '复吸率下降6.8%' },
  { query: '法律明白人', wants: '20万名法律明白人' },
  { query: '营商环境 口碑', wants: '营商环境最佳口碑省份' },
  { query: '电信诈骗', wants: '电信诈骗案连续两年下降' },
  { query: '派出所警力', wants: '派出所警力占县总警力46.4%' },
  { query: '46.4%', wants: '46.4%' },
  { query: '20.3', wants: '20.3%' },
  { query: '扫黑除恶', wants: '巩固扫黑除恶成果' },
  { query: '信访 源头治理', wants: '信访源头治理和实质解决成效明显' },
  { query: '短视频大赛', wants: '短视频大赛' },
  { query: '涉企 执法司法', wants: '涉企执法司法' },
  { query: '数据要素 跨境', wants: '数据要素跨境' },
  { query: '重新犯罪', wants: '重新犯罪人数同比下降23.2%', options: { statisticsOnly: true } },
  { query: '未成年人犯罪 下降', wants: '未成年人犯罪数同比下降20.3%', options: { statisticsOnly: true } },
  // While typing: the last word is still incomplete.
  { query: '未成年人犯罪 下', wants: '未成年人犯罪数同比下降20.3%', options: { prefixLast: true } },
  { query: '综治中', wants: '综治中心', options: { prefixLast: true } },
];

/** The whole passage or sentence behind a result, not just its snippet. */
function textOf(id: string): string {
  for (const article of file.articles)
    for (const report of article.reports)
      for (const section of [report.intro, ...report.sections]) {
        const statistic = section.statistics.find((s) => s.id === id);
        if (statistic) return statistic.sentence;
        const passage = section.passages.find((p) => p.id === id);
        if (passage) return passage.ranges.map((r) => file.text.slice(r.start, r.end)).join('');
      }
  return '';
}

describe('relevance on the sample corpus', () => {
  it.each(EXPECTATIONS)('$query → $wants in the top 5', ({ query, wants, options }) => {
    const top = index.search(query, { limit: 5, ...options });
    expect(top.map((r) => `${r.report}\n${textOf(r.id)}`).some((t) => t.includes(wants)), top.map((r) => r.snippet).join('\n')).toBe(true);
  });
});

describe('snippets', () => {
  it('join a sentence split by a page break without a gap', () => {
    const [top] = index.search('公办专门学校', { limit: 1, statisticsOnly: true });
    expect(top?.snippet).toContain('公办专门学校13所');
  });
});
