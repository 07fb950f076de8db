import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../src/core/cite/reference';
import { styleFor, type StyleId } from '../../../src/core/cite/styles';

const newspaper: Reference = {
  key: 'rep-bj',
  type: 'N',
  online: false,
  authors: ['北京市委政法委'],
  title: '牢记使命责任 忠诚履职担当 坚决捍卫首都安全',
  publication: '检察日报',
  date: '2026-01-21',
  page: '3',
  language: 'zh',
};
// The sample corpus: the text says it is a newspaper (本报) and who wrote each report, nothing more.
const newspaperBare: Reference = { key: 'rep-hb', type: 'N', online: false, authors: ['湖北省委政法委'], title: '着力加强政法基础设施建设 以高水平安全保障高质量发展', language: 'zh' };
const online: Reference = {
  key: 'rep-web',
  type: 'EB',
  online: true,
  authors: ['国务院新闻办公室'],
  title: '中国的法治建设',
  publication: '国新网',
  date: '2025-12-10',
  accessed: '2026-01-05',
  url: 'https://www.scio.gov.cn/fz.html',
  language: 'zh',
};
const onlineBare: Reference = { key: 'rep-web2', type: 'EB', online: true, authors: [], title: '中国的法治建设', language: 'zh' };
const report: Reference = {
  key: 'rep-r',
  type: 'R',
  online: false,
  authors: ['北京市统计局'],
  title: '北京市2025年国民经济和社会发展统计公报',
  publisher: '北京市统计局',
  place: '北京',
  date: '2026-03-01',
  language: 'zh',
};
const reportBare: Reference = { key: 'rep-r2', type: 'R', online: false, authors: ['湖北省委政法委'], title: '政法工作报告', language: 'zh' };

function entry(style: StyleId, ref: Reference) {
  return styleFor(style).entry(ref, 'plain');
}

describe('APA 7', () => {
  it('newspaper, full and missing', () => {
    expect(styleFor('apa').entry(newspaper, 'markdown').text).toBe('北京市委政法委. (2026, January 21). 牢记使命责任 忠诚履职担当 坚决捍卫首都安全. *检察日报*, 3.');
    expect(entry('apa', newspaperBare)).toEqual({
      text: '湖北省委政法委. (n.d.). 着力加强政法基础设施建设 以高水平安全保障高质量发展. [publication unknown].',
      missing: ['date', 'publication'],
    });
  });
  it('online, full and missing', () => {
    expect(styleFor('apa').entry(online, 'markdown').text).toBe('国务院新闻办公室. (2025, December 10). *中国的法治建设*. 国新网. https://www.scio.gov.cn/fz.html');
    expect(entry('apa', onlineBare)).toEqual({ text: '中国的法治建设. (n.d.). [URL unknown]', missing: ['date', 'url'] });
  });
  it('report: a publisher that is the author is not repeated; missing publisher shows', () => {
    expect(styleFor('apa').entry(report, 'latex').text).toBe('北京市统计局. (2026). \\textit{北京市2025年国民经济和社会发展统计公报}.');
    expect(entry('apa', reportBare)).toEqual({ text: '湖北省委政法委. (n.d.). 政法工作报告. [publisher unknown].', missing: ['date', 'publisher'] });
  });
  it('in text: (Author, Year), & for two, et al. for three or more', () => {
    const apa = styleFor('apa');
    expect(apa.inText(newspaper, 1)).toBe('(北京市委政法委, 2026)');
    expect(apa.inText({ ...newspaper, authors: ['A', 'B'] }, 1)).toBe('(A & B, 2026)');
    expect(apa.inText({ ...newspaperBare, authors: ['A', 'B', 'C'] }, 1)).toBe('(A et al., n.d.)');
  });
});

describe('APA and Chicago: the other kinds', () => {
  const journal: Reference = { ...newspaper, type: 'J', title: 'Invisible colleges', publication: 'Sociology', date: '1972', volume: '22', issue: '3', page: '311-320' };
  it('journal volume and issue; a print work keeps its URL out', () => {
    expect(styleFor('apa').entry(journal, 'markdown').text).toBe('北京市委政法委. (1972). Invisible colleges. *Sociology*, *22*(3), 311-320.');
    expect(entry('chicago', journal).text).toBe('北京市委政法委. 1972. “Invisible colleges.” Sociology 22 (3): 311-320.');
    expect(entry('apa', { ...report, url: 'https://example.org/r.pdf' }).text).toBe('北京市统计局. (2026). 北京市2025年国民经济和社会发展统计公报.');
    expect(entry('apa', { ...report, url: 'https://example.org/r.pdf', online: true }).text).toBe('北京市统计局. (2026). 北京市2025年国民经济和社会发展统计公报. https://example.org/r.pdf');
  });
  it('a thesis or a standard reads as a book; 2026a in text and list', () => {
    expect(entry('chicago', { ...report, type: 'D', publisher: '北京大学' }).text).toBe('北京市统计局. 2026. 北京市2025年国民经济和社会发展统计公报. 北京: 北京大学.');
    expect(styleFor('apa').inText({ ...report, yearSuffix: 'a' }, 1)).toBe('(北京市统计局, 2026a)');
    expect(entry('chicago', { ...report, yearSuffix: 'b' }).text.startsWith('北京市统计局. 2026b. ')).toBe(true);
  });
});

describe('Chicago author-date', () => {
  it('newspaper, full and missing', () => {
    expect(styleFor('chicago').entry(newspaper, 'markdown').text).toBe('北京市委政法委. 2026. “牢记使命责任 忠诚履职担当 坚决捍卫首都安全.” *检察日报*, January 21, 2026.');
    expect(entry('chicago', newspaperBare)).toEqual({
      text: '湖北省委政法委. n.d. “着力加强政法基础设施建设 以高水平安全保障高质量发展.” [publication unknown], [date unknown].',
      missing: ['date', 'publication'],
    });
  });
  it('online, full and missing', () => {
    expect(entry('chicago', online).text).toBe('国务院新闻办公室. 2025. “中国的法治建设.” 国新网. December 10, 2025. https://www.scio.gov.cn/fz.html.');
    expect(entry('chicago', onlineBare)).toEqual({ text: '“中国的法治建设.” n.d. [URL unknown].', missing: ['date', 'url'] });
  });
  it('report, full and missing', () => {
    expect(entry('chicago', report).text).toBe('北京市统计局. 2026. 北京市2025年国民经济和社会发展统计公报. 北京: 北京市统计局.');
    expect(entry('chicago', reportBare)).toEqual({
      text: '湖北省委政法委. n.d. 政法工作报告. [place unknown]: [publisher unknown].',
      missing: ['date', 'place', 'publisher'],
    });
  });
  it('authors: "A, B, and C"; in text (Author Year)', () => {
    expect(entry('chicago', { ...newspaper, authors: ['A', 'B', 'C'] }).text.startsWith('A, B, and C. 2026.')).toBe(true);
    expect(styleFor('chicago').inText(newspaper, 1)).toBe('(北京市委政法委 2026)');
    expect(styleFor('chicago').inText({ ...newspaper, authors: ['A', 'B', 'C', 'D'] }, 1)).toBe('(A et al. 2026)');
  });
});
