import { describe, expect, it } from 'vitest';
import { dateInTitle, isoDate, parseSidecar, sidecarMetadata, statedType } from '../../../src/core/corpus/metadata';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { sampleBytes } from './helpers';

const SIDECAR = JSON.stringify({
  defaults: { publication: '检察日报', language: 'zh', type: 'N' },
  files: {
    '000_fadfd726848b77a0.txt': { date: '2026-01-21', page: '3' },
    '*.md': { publication: '新闻联播', type: 'eb/ol' },
    'xwlb/2025*.md': { date: '2025' },
  },
});

describe('metadata', () => {
  const { sidecar, problems } = parseSidecar(SIDECAR, '/w/corpus/statcite.meta.json');

  it('reads the sidecar: defaults, then every entry matching the file (name, or path with /)', () => {
    expect(problems).toEqual([]);
    expect(sidecarMetadata(sidecar, '/w/corpus/000_fadfd726848b77a0.txt')).toEqual({
      publication: '检察日报',
      language: 'zh',
      type: 'N',
      date: '2026-01-21',
      page: '3',
    });
    expect(sidecarMetadata(sidecar, '/w/corpus/xwlb/20251210.md')).toEqual({
      publication: '新闻联播',
      language: 'zh',
      type: 'EB',
      medium: 'online',
      date: '2025',
    });
    expect(sidecarMetadata(sidecar, 'C:\\w\\corpus\\other.txt'.replace('C:', ''))).toEqual({ publication: '检察日报', language: 'zh', type: 'N' });
    expect(sidecarMetadata(sidecar, '/w/elsewhere/a.md')).toBeUndefined();
  });

  it('reports a broken or odd sidecar instead of throwing', () => {
    expect(parseSidecar('{ "files": ', 'm/statcite.meta.json').problems[0].message).toMatch(/^m\/statcite\.meta\.json: not valid JSON/);
    const odd = parseSidecar(JSON.stringify({ default: {}, files: { 'a.txt': { date: 'soon', editor: 'x', type: 'Z' } } }), 'statcite.meta.json');
    expect(odd.problems.map((p) => p.message)).toEqual([
      'statcite.meta.json: unknown key "default" ignored',
      'statcite.meta.json "a.txt": date "soon" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'statcite.meta.json "a.txt": unknown field "editor" ignored',
      'statcite.meta.json "a.txt": type "Z" is not one of N, J, M, R, EB, A, S, C, D, P (optionally with /OL)',
    ]);
  });

  it('gives the file its sidecar metadata and adds what the text states, never inventing the rest', () => {
    const file = readCorpusFile(sampleBytes(), '/w/corpus/000_fadfd726848b77a0.txt', sidecarMetadata(sidecar, '/w/corpus/000_fadfd726848b77a0.txt'));
    expect(file.metadata.date).toBe('2026-01-21');
    const [page, column] = file.articles;
    expect(page.metadata).toEqual(file.metadata);
    expect(page.metadata.authors).toBeUndefined();
    expect(page.metadata.url).toBeUndefined();
    expect(column.metadata).toEqual({ ...file.metadata, authors: ['闫晶晶'] });
  });

  it('reads the carrier with the type (N/OL) or on its own (medium: print), and journal fields', () => {
    const fields = { type: 'n/ol', volume: 52, 期: '6', number: 'GB/T 7714—2015' };
    expect(parseSidecar(JSON.stringify({ defaults: fields }), 's.json').sidecar.defaults).toEqual({ type: 'N', medium: 'online', volume: '52', issue: '6', number: 'GB/T 7714—2015' });
    expect(parseSidecar(JSON.stringify({ defaults: { type: 'N', 载体: '纸质' } }), 's.json').sidecar.defaults).toEqual({ type: 'N', medium: 'print' });
    expect(parseSidecar(JSON.stringify({ defaults: { medium: 'radio' } }), 's.json').problems[0].message).toBe('s.json defaults: medium "radio" is not print or online');
  });

  it('a page that states it is a newspaper (本报讯, 本报记者) is [N]; the sidecar still decides', () => {
    const bare = readCorpusFile(sampleBytes(), '/w/corpus/000_fadfd726848b77a0.txt');
    expect(new Set(bare.articles.map((a) => a.metadata.type))).toEqual(new Set(['N']));
    const stated = readCorpusFile(sampleBytes(), '/w/corpus/000_fadfd726848b77a0.txt', { type: 'M' });
    expect(new Set(stated.articles.map((a) => a.metadata.type))).toEqual(new Set(['M']));
    expect(statedType('本报北京1月19日电 记者从会上获悉')).toBe('N');
    expect(statedType('□本报全媒体记者 吴盼伙')).toBe('N');
    expect(statedType('本报告期内，公司实现营业收入12亿元。本报表由财务部编制。')).toBeUndefined();
  });

  it('takes the issuing body of a one-report article as its author', () => {
    const text = '2025年政府工作报告\n\n北京市人民政府\n\n一、过去一年的工作。全市地区生产总值增长5.2%。\n';
    const [article] = readCorpusFile(Buffer.from(text), 'r.txt').articles;
    expect(article.reports.map((r) => [r.title, r.author, r.sections.length])).toEqual([['2025年政府工作报告', '北京市人民政府', 1]]);
    expect(article.metadata).toEqual({ authors: ['北京市人民政府'] });
  });

  it('lets front matter win over the sidecar', () => {
    const md = '---\ndate: 2024-05-06\nauthor: 王五、赵六\n---\n# 标题\n\n正文。\n';
    const file = readCorpusFile(Buffer.from(md), '/w/corpus/a.md', sidecarMetadata(sidecar, '/w/corpus/a.md'));
    expect(file.metadata).toEqual({ publication: '新闻联播', language: 'zh', type: 'EB', medium: 'online', date: '2024-05-06', authors: ['王五', '赵六'] });
  });

  it('normalises dates and finds one printed in a title', () => {
    expect(['2025-12-10', '2025/1/5', '2025.01.05', '20251210', '2025年1月5日', '2025-12', '2025', '2025-12-10T08:00:00Z'].map(isoDate)).toEqual([
      '2025-12-10',
      '2025-01-05',
      '2025-01-05',
      '2025-12-10',
      '2025-01-05',
      '2025-12',
      '2025',
      '2025-12-10',
    ]);
    expect(['2025-13-01', 'yesterday', '12/10/2025'].map(isoDate)).toEqual([undefined, undefined, undefined]);
    expect(dateInTitle('《新闻联播》 (20251210)')).toBe('2025-12-10');
    expect(dateInTitle('会议纪要（2025年3月8日）')).toBe('2025-03-08');
    expect(dateInTitle('2025年工作总结')).toBeUndefined();
  });
});
