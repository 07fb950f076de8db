import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../src/core/cite/reference';
import { formatEntries, styleFromCsl } from '../../../src/core/cite/styles';
import { cslStyle } from '../../../src/core/cite/styles/cslEngine';
import type { CitationStyle } from '../../../src/core/cite/styles/types';
import { GBT_AUTHOR_DATE, GBT_NUMERIC, apaCsl } from './fixture';

function load(xml: string, id = 'test.csl'): CitationStyle {
  const style = cslStyle(xml, id);
  if ('error' in style) throw new Error(style.error);
  return style;
}

const newspaper: Reference = { key: 'n', type: 'N', online: false, authors: ['丁文祥'], title: '数字革命与竞争国际化', publication: '中国青年报', date: '2000-11-20', page: '15', language: 'zh' };
const reportOnline: Reference = {
  key: 'r',
  type: 'R',
  online: true,
  authors: ['中国互联网络信息中心'],
  title: '第29次中国互联网络发展状况统计报告',
  date: '2012-01-16',
  accessed: '2013-03-26',
  url: 'http://www.cnnic.net.cn/x.pdf',
  language: 'zh',
};
const book: Reference = { key: 'b', type: 'M', online: false, authors: ['Diana Crane'], title: 'Invisible college', place: 'Chicago', publisher: 'Univ. of Chicago Press', date: '1972', language: 'en' };

describe('CSL styles through citeproc-js', () => {
  it('the GB/T 7714 numeric CSL file: entries without the list label, [N] and [R/OL] from the mapping', () => {
    const style = load(readFileSync(GBT_NUMERIC, 'utf8'), GBT_NUMERIC);
    expect(style.system).toBe('numeric');
    expect(style.name).toContain('GB/T 7714');
    expect(style.heading).toBe('参考文献');
    const [n, r, b] = formatEntries(style, [newspaper, reportOnline, book], 'plain');
    expect(n).toEqual({ text: '丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).', missing: [] });
    expect(r.text).toBe('中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. (2012-01-16)[2013-03-26]. http://www.cnnic.net.cn/x.pdf.');
    expect(b.text).toBe('Crane D. Invisible college[M]. Chicago: Univ. of Chicago Press, 1972.');
    expect(style.inText(newspaper, 1)).toBe('[1]');
  });
  it('a print newspaper with a URL stays [N]; online it is [N/OL] with its 引用日期', () => {
    const style = load(readFileSync(GBT_NUMERIC, 'utf8'));
    const withUrl = { ...newspaper, url: 'http://paper.people.com.cn/x.htm', accessed: '2013-03-20' };
    expect(style.entry(withUrl, 'plain').text).toBe('丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).');
    expect(style.entry({ ...withUrl, online: true }, 'plain').text).toBe('丁文祥. 数字革命与竞争国际化[N/OL]. 中国青年报, 2000-11-20(15)[2013-03-20]. http://paper.people.com.cn/x.htm.');
  });
  it('the GB/T 7714 author-date CSL file, and the letters it gives works of one author and year', () => {
    const style = load(readFileSync(GBT_AUTHOR_DATE, 'utf8'));
    expect(style.system).toBe('author-year');
    const second = { ...reportOnline, key: 'r2', title: '第30次中国互联网络发展状况统计报告', date: '2012-07-19' };
    const [first, later] = formatEntries(style, [reportOnline, second], 'plain');
    expect(first.text).toMatch(/^中国互联网络信息中心, 2012a\. 第29次/);
    expect(later.text).toMatch(/^中国互联网络信息中心, 2012b\. 第30次/);
    expect(style.inText(book, 1)).toBe('(Crane, 1972)');
  });
  it('APA from its CSL file, with italics in Markdown and LaTeX', () => {
    const style = load(apaCsl(), 'apa.csl');
    expect(style.heading).toBe('References');
    expect(style.entry(book, 'plain').text).toBe('Crane, D. (1972). Invisible college. Univ. of Chicago Press.');
    expect(style.entry(book, 'markdown').text).toBe('Crane, D. (1972). *Invisible college*. Univ. of Chicago Press.');
    expect(style.entry({ ...book, title: '100% sure' }, 'latex').text).toBe('Crane, D. (1972). \\textit{100\\% sure}. Univ. of Chicago Press.');
    expect(style.inText(book, 1)).toBe('(Crane, 1972)');
  });
  it('what a reference lacks is judged by what GB/T 7714 requires of its kind', () => {
    const style = load(apaCsl(), 'apa.csl');
    expect(style.entry({ ...newspaper, publication: undefined, page: undefined }, 'plain').missing).toEqual(['publication', 'page']);
  });
  it('a broken style file: the reason, naming the file, and the built-in style instead', async () => {
    expect(cslStyle('not a style', 'a.csl')).toEqual({ error: 'not a CSL style (no <style> element in the CSL namespace)' });
    const xml = readFileSync(GBT_NUMERIC, 'utf8');
    expect(cslStyle(xml.slice(0, xml.length / 2), 'b.csl')).toEqual({ error: expect.stringContaining('no <bibliography>') });
    expect(cslStyle(xml.replace('</style>', ''), 'c.csl')).toEqual({ error: 'the file ends before </style> (truncated?)' });
    const fallback = await styleFromCsl('<xml/>', '/w/styles/journal.csl');
    expect(fallback.style.id).toBe('gbt7714-numeric');
    expect(fallback.problem).toBe('/w/styles/journal.csl: not a CSL style (no <style> element in the CSL namespace); using GB/T 7714-2015 instead');
  });
  it('malformed XML is reported by line; a style citeproc cannot run is caught once, when loaded', () => {
    const xml = readFileSync(GBT_NUMERIC, 'utf8');
    const unclosed = xml.replace('<text variable="citation-number" prefix="[" suffix="]"/>', '<text variable="citation-number" prefix="[" suffix="]">');
    const at = xml.indexOf('<text variable="citation-number" prefix="[" suffix="]"/>');
    const lineOf = (offset: number) => xml.slice(0, offset).split('\n').length;
    const closing = lineOf(xml.indexOf('</layout>', at));
    expect(cslStyle(unclosed, 'd.csl')).toEqual({ error: `not well-formed XML: line ${closing}: </layout> closes <text> opened on line ${lineOf(at)}` });
    const noLayout = xml.replace(/<layout>[\s\S]*?<\/layout>\s*<\/bibliography>/, '</bibliography>');
    expect(cslStyle(noLayout, 'e.csl')).toEqual({ error: expect.stringMatching(/^citeproc cannot use the style: /) });
  });
});
