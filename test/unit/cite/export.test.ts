import { describe, expect, it } from 'vitest';
import { parseBib, removeBib, toBibTeX, upsertBib } from '../../../src/core/cite/bibtex';
import { removeCsl, toCsl, upsertCsl } from '../../../src/core/cite/csl';
import { applyEdits } from '../../../src/core/cite/draft/edit';
import type { Reference } from '../../../src/core/cite/reference';
import { corpusLookup, parseAuthors, referenceFor } from '../../../src/core/cite/reference';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { sampleBytes } from '../corpus/helpers';
import { corpus } from './fixture';

const full: Reference = {
  key: 'rep-bj',
  type: 'N',
  online: false,
  authors: ['北京市委政法委'],
  title: '100% 安全',
  publication: '检察日报',
  date: '2026-01-21',
  page: '3',
  language: 'zh',
};

describe('references from the corpus', () => {
  it('the report’s own author, the stated type, nothing invented', () => {
    const ref = referenceFor(corpusLookup([corpus()]).report('rep-hb')!);
    expect(ref).toEqual({ key: 'rep-hb', type: 'N', online: false, authors: ['湖北省委政法委'], title: '着力加强政法基础设施建设', language: 'zh' });
  });
  it('the bundled page read without its sidecar cites as a newspaper: its text says 本报讯', () => {
    const lookup = corpusLookup([readCorpusFile(sampleBytes(), '/corpus/000_fadfd726848b77a0.txt')]);
    const refs = lookup.reports().map(referenceFor);
    expect(refs.length).toBeGreaterThan(3);
    expect(new Set(refs.map((r) => `${r.type}${r.online ? '/OL' : ''}`))).toEqual(new Set(['N']));
  });
  it('a URL makes a news item [N/OL] and a report [R/OL], unless the metadata says print', () => {
    const file = corpus();
    file.metadata = { url: 'https://paper.people.com.cn/jcrb/2026-01-21/3.html' };
    file.articles[0].reports[0].kind = 'news';
    const [news, report] = corpusLookup([file]).reports().map(referenceFor);
    expect([news.type, news.online, report.type, report.online]).toEqual(['N', true, 'R', true]);
    file.metadata.medium = 'print';
    expect(corpusLookup([file]).reports().map(referenceFor).map((r) => r.online)).toEqual([false, false]);
  });
  it('the page cited: the metadata’s, else the statistic’s (a PDF page); never for a newspaper’s 版次', () => {
    const file = corpus();
    file.metadata = { type: 'R' };
    const located = corpusLookup([file]).statistic('stat-crime')!;
    located.statistic.page = 25;
    expect(referenceFor(located).page).toBe('25');
    file.metadata = { type: 'R', page: '3' };
    expect(referenceFor(located).page).toBe('3');
    file.metadata = { type: 'N' };
    expect(referenceFor(located).page).toBeUndefined();
  });
  it('bylines: role words dropped, names kept in order', () => {
    expect(parseAuthors('全媒体记者 陈浩培 潘志凡 通讯员 杨舒雯')).toEqual(['陈浩培', '潘志凡', '杨舒雯']);
    expect(parseAuthors('□本报全媒体记者 吴盼伙、刘晨')).toEqual(['吴盼伙', '刘晨']);
  });
});

describe('BibTeX', () => {
  it('an entry with braced names and escaped text', () => {
    expect(toBibTeX(full)).toBe(
      '@newspaper{rep-bj,\n  author = {{北京市委政法委}},\n  title = {100\\% 安全},\n  journal = {检察日报},\n  date = {2026-01-21},\n  year = {2026},\n  pages = {3},\n  langid = {chinese}\n}',
    );
  });
  it('missing fields are left out, not invented', () => {
    expect(toBibTeX({ key: 'k', type: 'R', online: false, authors: [], title: 'T', language: 'zh' })).toBe('@report{k,\n  title = {T},\n  langid = {chinese}\n}');
  });
  it('a .bib with a syntax error is reported by line and left alone', () => {
    const bib = '@article{a,\n  title = {A}\n}\n\n@book{b,\n  title = {B\n';
    expect(parseBib(bib).errors).toEqual(['line 5: the @book entry is never closed (unbalanced braces)']);
    expect(upsertBib(bib, [full])).toEqual({ error: 'line 5: the @book entry is never closed (unbalanced braces)' });
    expect(parseBib('@article{title = {x}}').errors).toEqual(['line 1: the @article entry has no key']);
  });
  it('counts lines the way editors do, lone \\r included', () => {
    expect(parseBib('@article{a,\r  title = {A}\r}\r\r@book{b,\r  title = {B\r').errors).toEqual(['line 5: the @book entry is never closed (unbalanced braces)']);
  });
  it('adds new entries at the end and replaces an entry with the same key', () => {
    const bib = '@comment{x}\n@article{other, title = {O}}\n@newspaper{rep-bj, title = {old}}\n';
    const first = upsertBib(bib, [full]);
    if ('error' in first) throw new Error(first.error);
    const text = applyEdits(bib, first.edits);
    expect(text).toBe(`@comment{x}\n@article{other, title = {O}}\n${toBibTeX(full)}\n`);
    const second = upsertBib(text, [{ ...full, key: 'rep-hb' }]);
    if ('error' in second) throw new Error(second.error);
    expect(applyEdits(text, second.edits)).toBe(`${text}\n${toBibTeX({ ...full, key: 'rep-hb' })}\n`);
  });
});

describe('CSL-JSON', () => {
  it('an item with literal names and date parts', () => {
    expect(toCsl(full)).toEqual({
      id: 'rep-bj',
      type: 'article-newspaper',
      title: '100% 安全',
      author: [{ literal: '北京市委政法委' }],
      'container-title': '检察日报',
      issued: { 'date-parts': [[2026, 1, 21]] },
      page: '3',
      language: 'zh-CN',
    });
  });
  it('maps every GB/T 7714 type to the CSL type the GB/T 7714 CSL styles read back', () => {
    const types = { N: 'article-newspaper', J: 'article-journal', M: 'book', R: 'report', EB: 'webpage', A: 'collection', S: 'standard', C: 'paper-conference', D: 'thesis', P: 'patent' } as const;
    for (const [code, csl] of Object.entries(types)) expect(toCsl({ ...full, type: code as keyof typeof types }).type).toBe(csl);
  });
  it('Western persons are split into family and given; Chinese names and bodies stay literal', () => {
    const item = toCsl({ ...full, language: 'en', authors: ['Diana Crane', 'Kennedy, William James', 'World Health Organization', '汪冰'] });
    expect(item.author).toEqual([{ family: 'Crane', given: 'Diana' }, { family: 'Kennedy', given: 'William James' }, { literal: 'World Health Organization' }, { literal: '汪冰' }]);
    expect(item.language).toBe('en');
  });
  it('online: URL and accessed date; read in print: neither (the URL would make it /OL)', () => {
    const web = { ...full, url: 'https://paper.people.com.cn/x', accessed: '2026-02-01', volume: '5', issue: '2', number: 'GB/T 7714—2015' };
    expect(toCsl({ ...web, online: true })).toMatchObject({ URL: 'https://paper.people.com.cn/x', accessed: { 'date-parts': [[2026, 2, 1]] }, volume: '5', issue: '2', number: 'GB/T 7714—2015' });
    const print = toCsl({ ...web, online: false });
    expect([print.URL, print.accessed]).toEqual([undefined, undefined]);
  });
  it('upserts by id; broken JSON is an error and nothing changes', () => {
    const first = upsertCsl('', [toCsl(full)]);
    expect('text' in first && JSON.parse(first.text)).toEqual([toCsl(full)]);
    const other = { id: 'x', type: 'book', title: 'X' };
    const second = upsertCsl(JSON.stringify([other, { id: 'rep-bj', title: 'old' }]), [toCsl(full)]);
    expect('text' in second && JSON.parse(second.text)).toEqual([other, toCsl(full)]);
    expect(upsertCsl('[{', [])).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(upsertCsl('{}', [])).toEqual({ error: 'a CSL-JSON bibliography must be a JSON array of items' });
  });
});

describe('taking entries out again (a citation undone)', () => {
  it('BibTeX: the entry and the blank line StatCite put before it; other entries stay', () => {
    const bib = `@article{other, title = {O}}\n\n${toBibTeX(full)}\n`;
    expect(applyEdits(bib, removeBib(bib, ['rep-bj']))).toBe('@article{other, title = {O}}\n');
    expect(removeBib('@book{b,\n  title = {B\n', ['b'])).toEqual([]);
  });
  it('CSL-JSON: the item with that id', () => {
    const text = JSON.stringify([{ id: 'x', type: 'book', title: 'X' }, toCsl(full)]);
    expect(JSON.parse(removeCsl(text, ['rep-bj'])!)).toEqual([{ id: 'x', type: 'book', title: 'X' }]);
    expect(removeCsl('{', ['x'])).toBeUndefined();
  });
});
