import { describe, expect, it } from 'vitest';
import { disambiguate, type Reference } from '../../../src/core/cite/reference';
import { styleFor } from '../../../src/core/cite/styles';

/**
 * GB/T 7714-2015 entry by entry against examples of the standard's own kind (its appendix A and
 * clauses 8–10): each document kind, print and online (/OL), in 顺序编码制 and 著者-出版年制.
 */
function ref(fields: Partial<Reference> & Pick<Reference, 'type' | 'title'>): Reference {
  return { key: fields.title, authors: [], online: false, language: 'zh', ...fields };
}
const numeric = (r: Reference) => styleFor('gbt7714-numeric').entry(r, 'plain');
const authorYear = (r: Reference) => styleFor('gbt7714-author-year').entry(r, 'plain');

const newspaper = ref({ type: 'N', authors: ['丁文祥'], title: '数字革命与竞争国际化', publication: '中国青年报', date: '2000-11-20', page: '15' });
const PEOPLE = 'http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm';
const newspaperOnline = ref({
  type: 'N',
  online: true,
  authors: ['余建斌'],
  title: '我们的科技一直在追赶: 访中国工程院院长周济',
  publication: '人民日报',
  date: '2013-01-12',
  page: '2',
  accessed: '2013-03-20',
  url: PEOPLE,
});
const CNNIC = 'http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf';
const reportOnline = ref({ type: 'R', online: true, authors: ['中国互联网络信息中心'], title: '第29次中国互联网络发展状况统计报告', date: '2012-01-16', accessed: '2013-03-26', url: CNNIC });
const CREADER = 'http://www.creader.com/news/20011219/200112190019.html';
const web = ref({ type: 'EB', online: true, authors: ['萧钰'], title: '出版业信息化迈入快车道', date: '2001-12-19', accessed: '2002-04-15', url: CREADER });
const book = ref({ type: 'M', authors: ['汪冰'], title: '电子图书馆理论与实践研究', place: '北京', publisher: '北京图书馆出版社', date: '1997', page: '16' });

describe('GB/T 7714-2015 顺序编码制, by document kind', () => {
  it('[N] newspaper: 报纸名, 出版日期(版次)', () => {
    expect(numeric(newspaper)).toEqual({ text: '丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).', missing: [] });
  });
  it('[N] without name, date and 版次: the standard requires them, so each shows as 不详', () => {
    const bare = ref({ type: 'N', authors: ['湖北省委政法委'], title: '着力加强政法基础设施建设' });
    expect(numeric(bare)).toEqual({ text: '湖北省委政法委. 着力加强政法基础设施建设[N]. [报纸名不详], [出版日期不详](版次不详).', missing: ['publication', 'date', 'page'] });
  });
  it('[N/OL] online newspaper: 报纸名, 出版日期(版次)[引用日期]. URL.', () => {
    expect(numeric(newspaperOnline)).toEqual({
      text: `余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12(2)[2013-03-20]. ${PEOPLE}.`,
      missing: [],
    });
  });
  it('[N/OL] without 版次 and 引用日期: no 版次 (a web article may have none), the 引用日期 it requires shows as 不详', () => {
    const { page: _page, accessed: _accessed, ...rest } = newspaperOnline;
    expect(numeric(rest)).toEqual({
      text: `余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12[引用日期不详]. ${PEOPLE}.`,
      missing: ['accessed'],
    });
  });
  it('[R/OL] online report: (发布日期)[引用日期]. URL.', () => {
    expect(numeric(reportOnline).text).toBe(`中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. (2012-01-16)[2013-03-26]. ${CNNIC}.`);
  });
  it('[R/OL] with a cited page: the monograph pattern 出版地: 出版者, 出版年: 引文页码[引用日期]', () => {
    expect(numeric({ ...reportOnline, page: '25', place: '北京', publisher: '中国互联网络信息中心' }).text).toBe(
      `中国互联网络信息中心. 第29次中国互联网络发展状况统计报告[R/OL]. 北京: 中国互联网络信息中心, 2012: 25[2013-03-26]. ${CNNIC}.`,
    );
  });
  it('[R] print report: 出版地: 出版者, 出版年: 引文页码; the standard’s placeholders when unknown', () => {
    const who = ref({
      type: 'R',
      language: 'en',
      authors: ['World Health Organization'],
      title: 'Factors regulating the immune response: report of WHO Scientific Group',
      place: 'Geneva',
      publisher: 'WHO',
      date: '1970',
    });
    expect(numeric(who).text).toBe('World Health Organization. Factors regulating the immune response: report of WHO Scientific Group[R]. Geneva: WHO, 1970.');
    expect(numeric({ ...who, page: '25' }).text).toBe('World Health Organization. Factors regulating the immune response: report of WHO Scientific Group[R]. Geneva: WHO, 1970: 25.');
    expect(numeric(ref({ type: 'R', authors: ['湖北省委政法委'], title: '政法工作报告' }))).toEqual({
      text: '湖北省委政法委. 政法工作报告[R]. [出版地不详]: [出版者不详], [出版年不详].',
      missing: ['place', 'publisher', 'date'],
    });
    expect(numeric(ref({ type: 'R', language: 'en', title: 'Annual report' })).text).toBe('Annual report[R]. [S.l.]: [s.n.], [year unknown].');
  });
  it('[EB/OL]: (发布日期)[引用日期]. URL.; without a publication date that element is left out', () => {
    expect(numeric(web)).toEqual({ text: `萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. ${CREADER}.`, missing: [] });
    const oclc = ref({
      type: 'EB',
      online: true,
      language: 'en',
      authors: ['Online Computer Library Center, Inc.'],
      title: 'About OCLC: history of cooperation',
      accessed: '2012-03-27',
      url: 'http://www.oclc.org/about/cooperation.en.html',
    });
    expect(numeric(oclc)).toEqual({
      text: 'Online Computer Library Center, Inc. About OCLC: history of cooperation[EB/OL]. [2012-03-27]. http://www.oclc.org/about/cooperation.en.html.',
      missing: [],
    });
  });
  it('[EB/OL] without 引用日期 and URL, which it requires: placeholders, listed as missing', () => {
    expect(numeric(ref({ type: 'EB', online: true, title: '中国的法治建设' }))).toEqual({
      text: '中国的法治建设[EB/OL]. [引用日期不详]. [获取路径不详].',
      missing: ['accessed', 'url'],
    });
  });
  it('[M] book with 引文页码, and [M/OL]', () => {
    expect(numeric(book).text).toBe('汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.');
    const online = ref({ type: 'M', online: true, authors: ['赵耀东'], title: '新时代的工业工程师', place: '台北', publisher: '天下文化出版社', date: '1998', accessed: '1998-09-26', url: 'http://www.ie.nthu.edu.tw/info/ie.newie.htm' });
    expect(numeric(online).text).toBe('赵耀东. 新时代的工业工程师[M/OL]. 台北: 天下文化出版社, 1998[1998-09-26]. http://www.ie.nthu.edu.tw/info/ie.newie.htm.');
  });
  it('[J] journal: 刊名, 年, 卷(期): 页码, and [J/OL]', () => {
    const journal = ref({ type: 'J', authors: ['李炳穆'], title: '韩国图书馆法', publication: '图书情报工作', date: '2008', volume: '52', issue: '6', page: '6-12' });
    expect(numeric(journal).text).toBe('李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008, 52(6): 6-12.');
    expect(numeric({ ...journal, volume: undefined }).text).toBe('李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008(6): 6-12.');
    expect(numeric({ ...journal, online: true, accessed: '2013-10-25', url: 'http://www.docin.com/p-400265742.html' }).text).toBe(
      '李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.',
    );
  });
  it('[D] thesis, [C] proceedings, [A] archive, [S] standard with its number', () => {
    expect(numeric(ref({ type: 'D', authors: ['马欢'], title: '人类活动影响下海河流域典型区水循环变化分析', place: '北京', publisher: '清华大学', date: '2011', page: '27' })).text).toBe(
      '马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 北京: 清华大学, 2011: 27.',
    );
    expect(numeric(ref({ type: 'C', authors: ['中国力学学会'], title: '第3届全国实验流体力学学术会议论文集', place: '天津', date: '1990' }))).toEqual({
      text: '中国力学学会. 第3届全国实验流体力学学术会议论文集[C]. 天津: [出版者不详], 1990.',
      missing: ['publisher'],
    });
    expect(numeric(ref({ type: 'A', authors: ['中国第一历史档案馆', '辽宁省档案馆'], title: '中国明朝档案总汇', place: '桂林', publisher: '广西师范大学出版社', date: '2001' })).text).toBe(
      '中国第一历史档案馆, 辽宁省档案馆. 中国明朝档案总汇[A]. 桂林: 广西师范大学出版社, 2001.',
    );
    const standard = ref({ type: 'S', authors: ['全国信息与文献标准化技术委员会'], title: '文献著录: 第4部分 非书资料', number: 'GB/T 3792.4—2009', place: '北京', publisher: '中国标准出版社', date: '2010', page: '3' });
    expect(numeric(standard).text).toBe('全国信息与文献标准化技术委员会. 文献著录: 第4部分 非书资料: GB/T 3792.4—2009[S]. 北京: 中国标准出版社, 2010: 3.');
  });
  it('[P] patent: 专利号, 公告日期; [P/OL] adds [引用日期]. URL.', () => {
    expect(numeric(ref({ type: 'P', authors: ['邓一刚'], title: '全智能节电器', number: '200610171314.3', date: '2006-12-13' })).text).toBe('邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.');
    const url = 'http://211.152.9.47/sipoasp/zlijs/hyjs-yxnew.asp?recid=01128777.2&leixin=0';
    expect(numeric(ref({ type: 'P', online: true, authors: ['西安电子科技大学'], title: '光折变自适应光外差探测方法', number: '01128777.2', date: '2002-03-06', accessed: '2002-05-28', url })).text).toBe(
      `西安电子科技大学. 光折变自适应光外差探测方法: 01128777.2[P/OL]. 2002-03-06[2002-05-28]. ${url}.`,
    );
  });
});

describe('GB/T 7714-2015 names', () => {
  it('Western personal names: surname in capitals, initials without points; bodies as written', () => {
    const crane = ref({ type: 'M', language: 'en', authors: ['Diana Crane'], title: 'Invisible college', place: 'Chicago', publisher: 'Univ. of Chicago Press', date: '1972' });
    expect(numeric(crane).text).toBe('CRANE D. Invisible college[M]. Chicago: Univ. of Chicago Press, 1972.');
    expect(numeric({ ...crane, authors: ['Kennedy, William James', 'R. E. Garrison'] }).text.startsWith('KENNEDY W J, GARRISON R E. ')).toBe(true);
    expect(numeric({ ...crane, authors: ['EINSTEIN A', 'LI Jiangning', 'Augustus de Morgan'] }).text.startsWith('EINSTEIN A, LI Jiangning, DE MORGAN A. ')).toBe(true);
    expect(numeric({ ...crane, authors: ['U.S. Department of Transportation'] }).text.startsWith('U.S. Department of Transportation. ')).toBe(true);
  });
  it('more than three: the first three, then 等 or et al. by the language of the entry', () => {
    const four = ['陈浩培', '潘志凡', '杨舒雯', '李明'];
    expect(numeric({ ...newspaper, authors: four }).text.startsWith('陈浩培, 潘志凡, 杨舒雯, 等. ')).toBe(true);
    const english = { ...newspaper, language: 'en', authors: ['Mary E. Fourney', 'John Smith', 'Anne Lee', 'Zoe Zhao'] };
    expect(numeric(english).text.startsWith('FOURNEY M E, SMITH J, LEE A, et al. ')).toBe(true);
  });
});

describe('GB/T 7714-2015 著者-出版年制', () => {
  it('the year follows the author after a comma: 汪冰, 1997. … 北京: 北京图书馆出版社: 16.', () => {
    expect(authorYear(book)).toEqual({ text: '汪冰, 1997. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社: 16.', missing: [] });
  });
  it('newspapers keep month-day of the date: 丁文祥, 2000. … 中国青年报, 11-20(15).', () => {
    expect(authorYear(newspaper).text).toBe('丁文祥, 2000. 数字革命与竞争国际化[N]. 中国青年报, 11-20(15).');
    expect(authorYear(newspaperOnline).text).toBe(`余建斌, 2013. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 01-12(2)[2013-03-20]. ${PEOPLE}.`);
  });
  it('online works keep their full (发布日期)', () => {
    expect(authorYear(web).text).toBe(`萧钰, 2001. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. ${CREADER}.`);
    expect(authorYear(reportOnline).text).toBe(`中国互联网络信息中心, 2012. 第29次中国互联网络发展状况统计报告[R/OL]. (2012-01-16)[2013-03-26]. ${CNNIC}.`);
  });
  it('journal: 刊名, 卷(期): 页码', () => {
    const journal = ref({
      type: 'J',
      language: 'en',
      authors: ['W. J. Kennedy', 'R. E. Garrison'],
      title: 'Morphology and genesis of nodular chalks and hardgrounds in the Upper Cretaceous of southern England',
      publication: 'Sedimentology',
      date: '1975',
      volume: '22',
      page: '311',
    });
    expect(authorYear(journal).text).toBe('KENNEDY W J, GARRISON R E, 1975. Morphology and genesis of nodular chalks and hardgrounds in the Upper Cretaceous of southern England[J]. Sedimentology, 22: 311.');
  });
  it('the other kinds: the year moves to the author, the rest reads as in 顺序编码制', () => {
    const url = 'http://thesis.lib.pku.edu.cn/dlib/List.asp?DocID=6328';
    expect(authorYear(ref({ type: 'D', online: true, authors: ['吴云芳'], title: '面向中文信息处理的现代汉语并列结构研究', place: '北京', publisher: '北京大学', date: '2003', accessed: '2013-10-14', url })).text).toBe(
      `吴云芳, 2003. 面向中文信息处理的现代汉语并列结构研究[D/OL]. 北京: 北京大学[2013-10-14]. ${url}.`,
    );
    expect(authorYear(ref({ type: 'P', authors: ['邓一刚'], title: '全智能节电器', number: '200610171314.3', date: '2006-12-13' })).text).toBe('邓一刚, 2006. 全智能节电器: 200610171314.3[P]. 2006-12-13.');
    expect(authorYear(ref({ type: 'S', authors: ['国家标准化管理委员会'], title: '信息与文献 参考文献著录规则', number: 'GB/T 7714—2015', place: '北京', publisher: '中国标准出版社', date: '2015', page: '5' })).text).toBe(
      '国家标准化管理委员会, 2015. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社: 5.',
    );
    expect(authorYear(ref({ type: 'J', online: true, authors: ['李炳穆'], title: '韩国图书馆法', publication: '图书情报工作', date: '2008', volume: '52', issue: '6', page: '6-12', accessed: '2013-10-25', url: 'http://www.docin.com/p-400265742.html' })).text).toBe(
      '李炳穆, 2008. 韩国图书馆法[J/OL]. 图书情报工作, 52(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.',
    );
    expect(authorYear(ref({ type: 'R', authors: ['湖北省委政法委'], title: '政法工作报告' }))).toEqual({
      text: '湖北省委政法委, [出版年不详]. 政法工作报告[R]. [出版地不详]: [出版者不详].',
      missing: ['date', 'place', 'publisher'],
    });
  });
  it('unknown author: 佚名 / Anon, reported; unknown year: a placeholder (the system sorts by it)', () => {
    expect(authorYear(ref({ type: 'EB', online: true, title: '中国的法治建设', accessed: '2026-01-05', url: 'https://www.scio.gov.cn/fz.html' }))).toEqual({
      text: '佚名, [出版年不详]. 中国的法治建设[EB/OL]. [2026-01-05]. https://www.scio.gov.cn/fz.html.',
      missing: ['authors', 'date'],
    });
  });
  it('same author, same year: 1997a, 1997b in the list and in the text', () => {
    const second = { ...book, key: 'b2', title: '数字图书馆', date: '1997-10' };
    const first = { ...book, key: 'b1', date: '1997-03' };
    const other = { ...book, key: 'b3', authors: ['李明'] };
    const [a, b, c] = disambiguate([second, first, other]);
    expect([a.yearSuffix, b.yearSuffix, c.yearSuffix]).toEqual(['b', 'a', undefined]);
    expect(authorYear(b).text).toBe('汪冰, 1997a. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社: 16.');
    expect(styleFor('gbt7714-author-year').inText(a, 1)).toBe('（汪冰，1997b）');
    const many = Array.from({ length: 28 }, (_, i) => ({ ...book, key: `k${i}`, title: `T${String(i).padStart(2, '0')}` }));
    expect(disambiguate(many).slice(24).map((r) => r.yearSuffix)).toEqual(['y', 'z', 'aa', 'ab']);
  });
  it('in text: （著者，年）; the first author and 等 / et al. after a space; Western surnames only', () => {
    const style = styleFor('gbt7714-author-year');
    expect(style.inText(book, 1)).toBe('（汪冰，1997）');
    expect(style.inText({ ...book, authors: ['陈浩培', '潘志凡'] }, 1)).toBe('（陈浩培 等，1997）');
    expect(style.inText({ ...book, language: 'en', authors: ['Diana Crane'] }, 1)).toBe('(CRANE, 1997)');
    expect(style.inText({ ...book, language: 'en', authors: ['W. J. Kennedy', 'R. E. Garrison'], yearSuffix: 'a' }, 1)).toBe('(KENNEDY et al., 1997a)');
  });
});
