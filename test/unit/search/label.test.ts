import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import { SearchIndex } from '../../../src/core/search/index';
import { resultHeading } from '../../../src/core/search/label';
import { loadTokenizer } from '../../../src/core/search/tokenizer';

const SAMPLE = path.join(__dirname, '../../fixtures/workspace/corpus/000_fadfd726848b77a0.txt');
const file = loadCorpusFile(readFileSync(SAMPLE), SAMPLE);
const index = SearchIndex.create(loadTokenizer());
index.add(file);
const statistics = new Map(file.articles.flatMap((a) => a.reports).flatMap((r) => [r.intro, ...r.sections]).flatMap((s) => s.statistics).map((s) => [s.id, s]));

describe('result headings', () => {
  it('passages lead with report › section, not the page title they all share', () => {
    const passages = index.search('综治中心').filter((r) => r.kind === 'passage');
    expect(passages.length).toBeGreaterThan(2);
    const headings = passages.map((r) => resultHeading(r));
    for (const [i, h] of headings.entries()) {
      expect(h.label.startsWith(passages[i].report)).toBe(true);
      expect(h.label).toContain(passages[i].section);
      // The page title is shared by all: it comes last.
      expect(h.description).toBe(passages[i].article);
    }
    expect(new Set(headings.map((h) => h.label)).size).toBe(headings.length);
  });

  it('statistics lead with the figure as written and its metric, then subject, period and place', () => {
    const [top] = index.search('矛盾纠纷化解率', { statisticsOnly: true });
    const statistic = statistics.get(top.id)!;
    const { label, description } = resultHeading(top, statistic);
    expect(label).toBe(`${statistic.text}${statistic.unit === '%' ? '' : statistic.unit} ${statistic.metric}`);
    expect(description.split(' · ')[0]).toBe(statistic.subject);
    expect(description).toContain(top.report);
  });
});
