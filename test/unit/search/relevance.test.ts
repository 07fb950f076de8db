/**
 * Relevance on the sample corpus: for each query, the passage or statistic a reader wants must be
 * among the first five results. The expectation names text that result (its report title or its
 * whole passage or sentence) must contain.
 *
 * Then the query language: phrases, exclusions, fields and figure conditions, each with every
 * result a reader wants (all among the first k, k = max(5, how many are wanted)) and those that
 * must not come at all. recall@k over the whole set is printed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import { SearchIndex } from '../../../src/core/search/index';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import type { SearchOptions, SearchResult } from '../../../src/core/search/types';

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

/** The whole passage behind a result, or a statistic's metric and sentence, not just its snippet. */
function textOf(id: string): string {
  for (const article of file.articles)
    for (const report of article.reports)
      for (const section of [report.intro, ...report.sections]) {
        const statistic = section.statistics.find((s) => s.id === id);
        if (statistic) return `${statistic.metric}\n${statistic.sentence}`;
        const passage = section.passages.find((p) => p.id === id);
        if (passage) return passage.ranges.map((r) => file.text.slice(r.start, r.end)).join('');
      }
  return '';
}

/**
 * Query-language expectations. A statistic is named by its figure with the eight characters before
 * it and the one after (化解率达98.6%。), a passage by its whole text; `wants` and `not` are parts of
 * those names, `every` a part every result's passage or sentence holds.
 */
const LANGUAGE: Array<{ query: string; wants: string[]; not?: string[]; every?: string }> = [
  // Phrases: across a page break (信访工作法治\n\n化), width and case folded.
  { query: '"信访工作法治化"', wants: ['积极推进信访工作法治化', '紧扣打通信访工作法治化'], every: '信访工作法治化' },
  { query: '“矛盾纠纷化解率”', wants: ['纠纷化解率达96.7%'], every: '矛盾纠纷化解率' },
  { query: '"吸附率" 矛盾纠纷', wants: ['纠纷吸附率达99.8%'], every: '吸附率' },
  { query: '＂四级综治中心１３７７个＂', wants: ['建设四级综治中心1377个'], every: '四级综治中心1377个' },
  // Exclusions.
  { query: '信访工作法治化 -首都', wants: ['紧扣打通信访工作法治化'], not: ['积极推进信访工作法治化'] },
  { query: '未成年人犯罪 下降 -湖北', wants: ['犯罪人数同比下降35.4%'], not: ['人犯罪数同比下降20.3%'] },
  // Fields.
  { query: 'metric:化解率', wants: ['纠纷化解率达96.7%', '、化解率达98.6%', '万件、化解率99.8%'], not: ['纠纷吸附率达99.8%'] },
  { query: 'subject:福建 kind:percent', wants: ['纠纷化解率达96.7%'], not: ['、化解率达98.6%'] },
  // Conditions alone list what meets them in reading order.
  { query: 'report:江苏 kind:count', wants: ['法治政府示范地区7个', '环\n\n境建设40条'], not: ['1377', '134.6万'] },
  { query: 'period:2025 矛盾纠纷', wants: ['基层排查矛盾纠纷134.6万件'] },
  { query: 'kind:rank 全国', wants: ['护社会满意度全国第一。', '预防工作排名全国第一,'] },
  // Figure conditions.
  { query: '化解率 >98%', wants: ['、化解率达98.6%', '万件、化解率99.8%'], not: ['纠纷化解率达96.7%', '纠纷吸附率达99.8%'] },
  { query: '化解率 >99%', wants: ['万件、化解率99.8%'], not: ['纠纷吸附率达99.8%', '、化解率达98.6%'] },
  {
    query: '下降 >20%',
    wants: ['刑事发案同比下降21.5%', '现发命案下降20.6%', '犯罪人数同比下降23.2%', '年人犯罪同比下降32.8%', '未成年人犯罪下降28.2%', '犯罪人数同比下降35.4%', '人犯罪数同比下降20.3%'],
    not: ['吸毒人员复吸率下降6.8%'],
  },
  { query: '>=100万件', wants: ['基层排查矛盾纠纷134.6万件', '和12个部门数据223万件'], not: ['34.7万'] },
  { query: '>=100亿元', wants: ['510亿'], not: ['60.67亿'] },
  { query: '未成年人犯罪 10..30%', wants: ['人犯罪数同比下降20.3%', '未成年人犯罪下降28.2%'], not: ['下降35.4%', '下降32.8%'] },
];

/** A result's name: a statistic's figure in context, a passage's text. */
function nameOf(r: SearchResult): string {
  return r.kind === 'statistic' ? file.text.slice(r.start - 8, r.end + 1) : textOf(r.id);
}

const recall: Array<{ query: string; found: number; wanted: number }> = [];

afterAll(() => {
  const found = recall.reduce((n, r) => n + r.found, 0);
  const wanted = recall.reduce((n, r) => n + r.wanted, 0);
  const missed = recall.filter((r) => r.found < r.wanted).map((r) => `${r.query} (${r.found}/${r.wanted})`);
  console.log(`search relevance: recall@k ${(found / wanted).toFixed(3)} over ${recall.length} queries (${found} of ${wanted} wanted results)${missed.length ? `; missed: ${missed.join(', ')}` : ''}`);
});

describe('relevance on the sample corpus', () => {
  it.each(EXPECTATIONS)('$query → $wants in the top 5', ({ query, wants, options }) => {
    const top = index.search(query, { limit: 5, ...options });
    const hit = top.map((r) => `${r.report}\n${textOf(r.id)}`).some((t) => t.includes(wants));
    recall.push({ query, found: hit ? 1 : 0, wanted: 1 });
    expect(hit, top.map((r) => r.snippet).join('\n')).toBe(true);
  });
});

describe('relevance of the query language on the sample corpus', () => {
  it.each(LANGUAGE)('$query', ({ query, wants, not = [], every }) => {
    const all = index.search(query);
    const k = Math.max(5, wants.length);
    const top = all.slice(0, k).map(nameOf);
    const found = wants.filter((w) => top.some((name) => name.includes(w)));
    recall.push({ query, found: found.length, wanted: wants.length });
    const shown = all.map(nameOf).join('\n');
    expect(found, shown).toEqual(wants);
    expect(all.map(nameOf).filter((name) => not.some((n) => name.includes(n))), shown).toEqual([]);
    if (every) expect(all.filter((r) => !textOf(r.id).includes(every)).map(nameOf)).toEqual([]);
  });
});

describe('snippets', () => {
  it('join a sentence split by a page break without a gap', () => {
    const [top] = index.search('公办专门学校', { limit: 1, statisticsOnly: true });
    expect(top?.snippet).toContain('公办专门学校13所');
  });
});
