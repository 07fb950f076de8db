import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search/index';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import type { CorpusFile } from '../../../src/core/model';
import { buildFile } from './corpusFixture';
import { metricKeysWith, parseMetricAliases } from '../../../src/core/stats/metricKey';

const tokenizer = loadTokenizer();

const hubei = buildFile('/c/hubei.txt', '夯实高质量发展的安全根基', [
  {
    title: '着力加强政法基础设施建设',
    author: '湖北省委政法委',
    sections: [
      { title: '', paragraphs: ['湖北省坚持统筹发展和安全,去年刑事发案同比下降21.5%,现发命案下降20.6%。'], stats: [{ figure: '21.5%', metric: '刑事发案' }] },
      { title: '一、建强综治中心这个“基层平台”', paragraphs: ['按照“五个规范化”要求建设四级综治中心1377个,基本实现群众化解矛盾纠纷“最多跑一地”。'] },
      {
        title: '二、服务管理好有关群体',
        paragraphs: ['修订《湖北省预防未成年人犯罪条例》,新建专门学校13所,未成年人犯罪数同比下降20.3%。刑释人员重新犯罪人数同比下降23.2%。'],
        stats: [{ figure: '20.3%', metric: '未成年人犯罪数' }, { figure: '23.2%', metric: '刑释人员重新犯罪人数' }],
      },
    ],
  },
]);
const news = buildFile('/c/news.txt', '全国检察长会议', [
  {
    title: '完善低龄未成年人严重暴力犯罪核准追诉机制',
    sections: [{ title: '', paragraphs: ['会议强调,要强化未成年人权益保护和犯罪防治,从严惩治侵害未成年人犯罪。', 'ＧＤＰ同比增长５．３％,iPhone 销量上升。'] }],
  },
]);

function fresh(): SearchIndex {
  const index = SearchIndex.create(tokenizer);
  index.add(hubei);
  index.add(news);
  return index;
}

describe('SearchIndex', () => {
  it('ranks the passage a reader wants first and marks the matches', () => {
    const [top] = fresh().search('未成年人犯罪 下降');
    expect(top.file).toBe('/c/hubei.txt');
    expect(top.snippet).toContain('未成年人犯罪数同比下降20.3%');
    const marked = top.highlights.map(([s, e]) => top.snippet.slice(s, e));
    expect(marked).toEqual(expect.arrayContaining(['未成年人', '犯罪', '下降']));
    expect(top.report).toBe('着力加强政法基础设施建设');
  });

  it('gives the range to open: the figure of a statistic, the paragraph and first match of a passage', () => {
    const index = fresh();
    const stat = index.search('21.5%', { statisticsOnly: true })[0];
    expect(stat.kind).toBe('statistic');
    expect(hubei.text.slice(stat.start, stat.end)).toBe('21.5%');
    const passage = index.search('综治中心')[0];
    expect(passage.kind).toBe('passage');
    expect(hubei.text.slice(passage.start, passage.end)).toMatch(/^按照/);
    expect(hubei.text.slice(passage.match!.start, passage.match!.end)).toBe('综治中心');
    expect(passage.section).toBe('一、建强综治中心这个“基层平台”');
  });

  it('finds a figure by its number, and folds width and case', () => {
    const index = fresh();
    expect(index.search('20.3').some((r) => r.snippet.includes('20.3%'))).toBe(true);
    const gdp = index.search('gdp 5.3%')[0];
    expect(gdp.file).toBe('/c/news.txt');
    expect(gdp.highlights.map(([s, e]) => gdp.snippet.slice(s, e))).toEqual(expect.arrayContaining(['ＧＤＰ', '５．３％']));
  });

  it('requires every term, and falls back to any term when none has them all', () => {
    const index = fresh();
    const both = index.search('未成年人 下降');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((r) => r.snippet.includes('未成年人') && r.snippet.includes('下降'))).toBe(true);
    const loose = index.search('命案 检察长会议 不存在的词语');
    expect(loose.length).toBeGreaterThan(0);
  });

  it('matches the last term as a prefix only while typing', () => {
    const index = fresh();
    expect(index.search('综治中', { prefixLast: true }).some((r) => r.snippet.includes('综治中心'))).toBe(true);
    expect(index.search('刑释人', { prefixLast: true }).length).toBeGreaterThan(0);
    expect(index.search('刑释')).toEqual([]);
    expect(index.search('刑释', { prefixLast: true }).length).toBeGreaterThan(0);
  });

  it('filters to statistics, to one article or report', () => {
    const index = fresh();
    const stats = index.search('下降', { statisticsOnly: true });
    expect(stats.length).toBe(3);
    expect(stats.every((r) => r.kind === 'statistic')).toBe(true);
    const inNews = index.search('未成年人', { articleId: news.articles[0].id });
    expect(inNews.length).toBeGreaterThan(0);
    expect(inNews.every((r) => r.file === '/c/news.txt')).toBe(true);
    expect(index.search('未成年人', { reportId: hubei.articles[0].reports[0].id }).every((r) => r.file === '/c/hubei.txt')).toBe(true);
    expect(index.search('未成年人', { limit: 1 }).length).toBe(1);
  });

  it('follows the corpus file by file', () => {
    const index = fresh();
    index.remove('/c/hubei.txt');
    expect(index.search('综治中心')).toEqual([]);
    expect(index.search('未成年人').length).toBeGreaterThan(0);
    const changed = buildFile('/c/hubei.txt', '新标题', [{ title: '平安建设', sections: [{ title: '', paragraphs: ['枫桥经验在基层落地。'] }] }]);
    index.add(changed);
    index.add(changed);
    expect(index.search('枫桥经验').length).toBe(1);
    expect(index.search('综治中心')).toEqual([]);
  });

  it('answers odd queries with results or nothing, never an exception', () => {
    const index = fresh();
    for (const q of ['，。！？', '的 了 和', '.*+?^${}()|[]\\', '😀🎉', '', '   ', 'iPhone 未成年人', '矛盾纠纷'.repeat(500)]) {
      expect(() => index.search(q, { prefixLast: true })).not.toThrow();
    }
    expect(index.search('，。！？')).toEqual([]);
    expect(index.search('的 了 和')).toEqual([]);
    expect(index.search('iPhone 销量')[0].file).toBe('/c/news.txt');
  });

  it('reads the query language: phrases, exclusions, fields, dates and figure conditions', () => {
    const index = fresh();
    const phrase = index.search('"同比下降"');
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.every((r) => r.snippet.includes('同比下降'))).toBe(true);
    // The phrase is marked whole in the snippet.
    expect(phrase[0].highlights.map(([s, e]) => phrase[0].snippet.slice(s, e))).toContain('同比下降');
    expect(index.search('"下降同比"')).toEqual([]);
    expect(index.search('未成年人 -湖北').every((r) => r.file === '/c/news.txt')).toBe(true);
    expect(index.search('下降 >21%').map((r) => hubei.text.slice(r.start, r.end))).toEqual(['21.5%', '23.2%']);
    expect(index.search('下降 metric:未成年人犯罪').map((r) => hubei.text.slice(r.start, r.end))).toEqual(['20.3%']);
    expect(index.search('未成年人 report:检察长').every((r) => r.file === '/c/news.txt')).toBe(true);
    expect(index.search('未成年人 file:news').every((r) => r.file === '/c/news.txt')).toBe(true);
  });

  it('dates come from the article', () => {
    const dated = buildFile('/c/dated.txt', '新闻联播', [{ title: '要闻', sections: [{ title: '', paragraphs: ['粮食产量创历史新高。'] }] }]);
    dated.articles[0].metadata.date = '2022-11-15';
    const index = fresh();
    index.add(dated);
    expect(index.search('粮食产量 date:2022').length).toBe(1);
    expect(index.search('粮食产量 date:2022-01..2022-06')).toEqual([]);
    expect(index.search('粮食产量 -date:2023').length).toBe(1);
    expect(index.search('未成年人 date:2022')).toEqual([]);
  });

  it('a query of conditions alone lists what meets them in reading order, within the scope', () => {
    const index = fresh();
    const percents = index.search('kind:percent');
    expect(percents.map((r) => hubei.text.slice(r.start, r.end))).toEqual(['21.5%', '20.3%', '23.2%']);
    expect(index.search('<21%').map((r) => hubei.text.slice(r.start, r.end))).toEqual(['20.3%']);
    expect(index.search('kind:percent', { limit: 2 })).toHaveLength(2);
    expect(index.search('report:检察长')).toHaveLength(2);
    expect(index.search('report:检察长', { statisticsOnly: true })).toEqual([]);
    expect(index.search('-report:检察长', { articleId: news.articles[0].id })).toEqual([]);
  });

  it('a malformed query, or one without a word to search, finds nothing', () => {
    const index = fresh();
    for (const q of ['"未成年人', 'kind:ratio', '>abc', 'date:soon', 'colour:red 下降', '"的"', '的 >1%']) expect(index.search(q), q).toEqual([]);
  });

  it('saves the same documents whether a search has located them in the model or not', () => {
    const index = fresh();
    const saved = (): unknown => index.segments().map((segment) => index.serialize(segment));
    const before = saved();
    expect(index.search('未成年人犯罪 下降').length).toBeGreaterThan(0);
    expect(index.search('检察长').length).toBeGreaterThan(0);
    expect(saved()).toEqual(before);
  });

  it('saves and restores itself, segment by segment, with the model it was built from', () => {
    const index = fresh();
    const files = new Map([hubei, news].map((f) => [f.path, f]));
    const reload = (from: SearchIndex, model: ReadonlyMap<string, CorpusFile>): SearchIndex => {
      const loaded = SearchIndex.create(tokenizer, from.nextDocument);
      for (const segment of from.segments()) loaded.loadSegment(from.serialize(segment), model);
      return loaded;
    };
    const restored = reload(index, files);
    expect(restored.search('未成年人犯罪 下降')).toEqual(index.search('未成年人犯罪 下降'));
    // Conditions read what the restored index learns of its documents as it locates them.
    for (const q of ['下降 >21%', 'kind:percent', '未成年人 report:检察长', '下降 -kind:percent', '未成年人', '未成年人 -report:检察长']) {
      expect(reload(index, files).search(q), q).toEqual(index.search(q));
    }
    restored.remove('/c/news.txt');
    expect(restored.search('检察长').length).toBe(0);
    // Changed after a restore (the file now in a segment of its own), saved and restored again.
    restored.add(news);
    const again = reload(restored, files);
    expect(again.segments().length).toBe(2);
    const ids = (found: SearchIndex): string[] => found.search('检察长 会议').map((r) => r.id);
    expect(ids(again)).toEqual(ids(index));
    expect(ids(again).length).toBeGreaterThan(0);
    expect(again.documentCount).toBe(index.documentCount);
    // A file the model no longer has is left out; one it has with other documents does not fit.
    expect(reload(index, new Map([[hubei.path, hubei]])).search('检察长')).toEqual([]);
    const otherNews = buildFile(news.path, '全国检察长会议', [{ title: '会议', sections: [{ title: '', paragraphs: ['只有一段。'] }] }]);
    expect(() => reload(index, new Map([hubei, otherNews].map((f) => [f.path, f])))).toThrow(/news\.txt/);
  });
});

describe('SearchIndex with the user’s metric aliases', () => {
  const transport = buildFile('/c/transport.txt', '交通运输工作报告', [
    { title: '交通运输', sections: [{ title: '', paragraphs: ['全省货运量增长3.1%,旅客发送量增长12.5%。'], stats: [{ figure: '3.1%', metric: '货运量' }, { figure: '12.5%', metric: '旅客发送量' }] }] },
  ]);
  const keys = metricKeysWith(parseMetricAliases('旅客发送量 客运量\n', 'aliases.txt').groups);
  const index = SearchIndex.create(tokenizer);
  index.add(transport);
  const figures = (query: string, metricKeys?: typeof keys): string[] => index.search(query, {}, metricKeys).filter((r) => r.kind === 'statistic').map((r) => transport.text.slice(r.start, r.end));

  it('metric: finds a statistic by another name of its metric that the user’s aliases give, and only then', () => {
    expect(figures('metric:客运量', keys)).toEqual(['12.5%']);
    expect(figures('metric:客运量')).toEqual([]);
  });

  it('the figure a query’s words name by an alias leads its sentence', () => {
    expect(figures('客运量 增长', keys)[0]).toBe('12.5%');
    expect(figures('客运量 增长')[0]).toBe('3.1%');
  });
});
