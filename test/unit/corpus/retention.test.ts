import { runInNewContext } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { pack } from '../../../src/core/corpus/packed';
import { sectionsOf } from '../../../src/core/corpus/walk';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile } from '../../../src/core/model';
import { FactsTable } from '../../../src/core/search/facts';
import { TraceIndex } from '../../../src/core/trace/index';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A news transcript with a long tail: what is cut from its text (titles, metrics) lies in its first lines. */
function longFile(n: number): CorpusFile {
  const text = [
    '---',
    `title: 第${n}期新闻联播全文内容摘要与各地经济运行情况汇总`,
    `author: 国家统计局国民经济综合统计司第${n}处综合分析研究小组`,
    '---',
    '',
    `# 第${n}期新闻联播全文内容摘要与各地经济运行情况汇总报道`,
    '',
    `全市地区生产总值同比增长${n}.5%，社会消费品零售总额达到${1000 + n}亿元，城镇居民人均可支配收入比上年增长6.${n}%。`,
    '',
    // About 4 MB of UTF-16 that nothing should keep once the file is gone.
    '各地区各部门认真贯彻落实党中央决策部署，扎实推进各项工作。'.repeat(70_000),
  ].join('\n');
  return loadCorpusFile(Buffer.from(text), `/c/${n}.md`);
}

/** Bytes of heap that `keep` holds of files it was given, after the files themselves are dropped. */
function retained(keep: (file: CorpusFile) => unknown): number {
  // Twice before measuring: what the first reads compile and cache (and the last text a module
  // holds on to) is not what the table keeps of each file.
  const kept: unknown[] = [keep(longFile(0)), keep(longFile(9))];
  gc();
  const before = getHeapStatistics().used_heap_size;
  for (let n = 1; n <= 8; n++) kept.push(keep(longFile(n)));
  gc();
  const after = getHeapStatistics().used_heap_size;
  expect(kept).toHaveLength(10);
  return after - before;
}

const MB = 2 ** 20;

describe('what is kept of a file just read', () => {
  it('the trace index keeps none of the text (8 files of 4 MB)', () => {
    const traces = new TraceIndex();
    expect(retained((file) => traces.add(file)) / MB).toBeLessThan(2);
    expect(traces.size).toBeGreaterThan(8);
  });

  it("a packed file's fields kept outside its bytes keep none of the text", () => {
    expect(retained((file) => {
      const { metadata, problems, summary } = pack(file);
      return { metadata, problems, summary };
    }) / MB).toBeLessThan(2);
  });

  it('the search facts keep none of the text', () => {
    const facts = new FactsTable();
    let slot = 0;
    expect(retained((file) => {
      for (const { article, report, section } of sectionsOf(file)) for (const s of section.statistics) facts.record(slot++, file, article, report, s);
      return slot;
    }) / MB).toBeLessThan(2);
  });
});
