import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../src/core/cite/reference';
import { styleFor, type StyleId } from '../../../src/core/cite/styles';

const newspaper: Reference = {
  key: 'rep-bj',
  type: 'N',
  authors: ['北京市委政法委'],
  title: '牢记使命责任 忠诚履职担当 坚决捍卫首都安全',
  publication: '检察日报',
  date: '2026-01-21',
  page: '3',
  language: 'zh',
};
// The sample corpus: the text says it is a newspaper (本报) and who wrote each report, nothing more.
const newspaperBare: Reference = { key: 'rep-hb', type: 'N', authors: ['湖北省委政法委'], title: '着力加强政法基础设施建设 以高水平安全保障高质量发展', language: 'zh' };
const online: Reference = {
  key: 'rep-web',
  type: 'EB/OL',
  authors: ['国务院新闻办公室'],
  title: '中国的法治建设',
  publication: '国新网',
  date: '2025-12-10',
  accessed: '2026-01-05',
  url: 'https://www.scio.gov.cn/fz.html',
  language: 'zh',
};
const onlineBare: Reference = { key: 'rep-web2', type: 'EB/OL', authors: [], title: '中国的法治建设', language: 'zh' };
const report: Reference = {
  key: 'rep-r',
  type: 'R',
  authors: ['北京市统计局'],
  title: '北京市2025年国民经济和社会发展统计公报',
  publisher: '北京市统计局',
  place: '北京',
  date: '2026-03-01',
  language: 'zh',
};
const reportBare: Reference = { key: 'rep-r2', type: 'R', authors: ['湖北省委政法委'], title: '政法工作报告', language: 'zh' };

function entry(style: StyleId, ref: Reference) {
  return styleFor(style).entry(ref, 'plain');
}

describe('GB/T 7714-2015 顺序编码制', () => {
  it('newspaper: 报纸名, 出版日期(版次)', () => {
    expect(entry('gbt7714-numeric', newspaper)).toEqual({
      text: '北京市委政法委. 牢记使命责任 忠诚履职担当 坚决捍卫首都安全[N]. 检察日报, 2026-01-21(3).',
      missing: [],
    });
  });
  it('newspaper without publication, date and page shows each as 不详 and lists them', () => {
    expect(entry('gbt7714-numeric', newspaperBare)).toEqual({
      text: '湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展[N]. [报纸名不详], [出版日期不详](版次不详).',
      missing: ['publication', 'date', 'page'],
    });
  });
  it('more than three authors: the first three and ", 等"; English: ", et al."', () => {
    const four = { ...newspaper, authors: ['陈浩培', '潘志凡', '杨舒雯', '李明'] };
    expect(entry('gbt7714-numeric', four).text).toBe('陈浩培, 潘志凡, 杨舒雯, 等. 牢记使命责任 忠诚履职担当 坚决捍卫首都安全[N]. 检察日报, 2026-01-21(3).');
    const english = { ...four, authors: ['SMITH J', 'LI M', 'WANG Q', 'ZHAO L'], language: 'en' };
    expect(entry('gbt7714-numeric', english).text.startsWith('SMITH J, LI M, WANG Q, et al. ')).toBe(true);
    expect(entry('gbt7714-numeric', { ...newspaper, authors: ['陈浩培', '潘志凡', '杨舒雯'] }).text.startsWith('陈浩培, 潘志凡, 杨舒雯. ')).toBe(true);
  });
  it('online: (发布日期)[引用日期]. 获取路径.', () => {
    expect(entry('gbt7714-numeric', online).text).toBe('国务院新闻办公室. 中国的法治建设[EB/OL]. (2025-12-10)[2026-01-05]. https://www.scio.gov.cn/fz.html.');
  });
  it('online without author, dates and URL: the author is left out (8.1.4), the rest shows as 不详', () => {
    expect(entry('gbt7714-numeric', onlineBare)).toEqual({
      text: '中国的法治建设[EB/OL]. (发布日期不详)[引用日期不详]. [获取路径不详].',
      missing: ['date', 'accessed', 'url'],
    });
  });
  it('report: 出版地: 出版者, 出版年; the standard’s own [出版地不详] [出版者不详] when unknown', () => {
    expect(entry('gbt7714-numeric', report).text).toBe('北京市统计局. 北京市2025年国民经济和社会发展统计公报[R]. 北京: 北京市统计局, 2026.');
    expect(entry('gbt7714-numeric', reportBare)).toEqual({
      text: '湖北省委政法委. 政法工作报告[R]. [出版地不详]: [出版者不详], [出版年不详].',
      missing: ['place', 'publisher', 'year'],
    });
    expect(entry('gbt7714-numeric', { ...reportBare, language: 'en' }).text).toBe('湖北省委政法委. 政法工作报告[R]. [S.l.]: [s.n.], [year unknown].');
  });
  it('journal and book', () => {
    expect(entry('gbt7714-numeric', { ...newspaper, type: 'J', publication: '法学研究', page: '12-20' }).text).toBe(
      '北京市委政法委. 牢记使命责任 忠诚履职担当 坚决捍卫首都安全[J]. 法学研究, 2026: 12-20.',
    );
    expect(entry('gbt7714-numeric', { ...report, type: 'M', page: '35' }).text).toBe(
      '北京市统计局. 北京市2025年国民经济和社会发展统计公报[M]. 北京: 北京市统计局, 2026: 35.',
    );
  });
  it('in text: [n]', () => {
    expect(styleFor('gbt7714-numeric').inText(newspaper, 3)).toBe('[3]');
  });
  it('Markdown: a placeholder followed by "(" does not turn into a link', () => {
    expect(styleFor('gbt7714-numeric').entry(newspaperBare, 'markdown').text).toContain('[出版日期不详]\\(版次不详)');
  });
});

describe('GB/T 7714-2015 著者-出版年制', () => {
  it('newspaper: the year follows the author, the date keeps month-day', () => {
    expect(entry('gbt7714-author-year', newspaper).text).toBe('北京市委政法委. 2026. 牢记使命责任 忠诚履职担当 坚决捍卫首都安全[N]. 检察日报, 01-21(3).');
  });
  it('newspaper with missing metadata', () => {
    expect(entry('gbt7714-author-year', newspaperBare)).toEqual({
      text: '湖北省委政法委. [出版年不详]. 着力加强政法基础设施建设 以高水平安全保障高质量发展[N]. [报纸名不详], [出版日期不详](版次不详).',
      missing: ['year', 'publication', 'date', 'page'],
    });
  });
  it('online, and 佚名 for an unknown author (reported as missing)', () => {
    expect(entry('gbt7714-author-year', online).text).toBe('国务院新闻办公室. 2025. 中国的法治建设[EB/OL]. (2025-12-10)[2026-01-05]. https://www.scio.gov.cn/fz.html.');
    expect(entry('gbt7714-author-year', onlineBare)).toEqual({
      text: '佚名. [出版年不详]. 中国的法治建设[EB/OL]. (发布日期不详)[引用日期不详]. [获取路径不详].',
      missing: ['authors', 'year', 'date', 'accessed', 'url'],
    });
  });
  it('report', () => {
    expect(entry('gbt7714-author-year', report).text).toBe('北京市统计局. 2026. 北京市2025年国民经济和社会发展统计公报[R]. 北京: 北京市统计局.');
    expect(entry('gbt7714-author-year', reportBare).text).toBe('湖北省委政法委. [出版年不详]. 政法工作报告[R]. [出版地不详]: [出版者不详].');
  });
  it('in text: （著者，年）, first author and 等 for several', () => {
    const style = styleFor('gbt7714-author-year');
    expect(style.inText(newspaper, 1)).toBe('（北京市委政法委，2026）');
    expect(style.inText({ ...newspaper, authors: ['陈浩培', '潘志凡'] }, 1)).toBe('（陈浩培等，2026）');
    expect(style.inText({ ...newspaper, authors: ['Smith', 'Li'], language: 'en' }, 1)).toBe('(Smith et al., 2026)');
  });
});

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
