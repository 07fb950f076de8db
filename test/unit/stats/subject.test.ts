import { describe, expect, it } from 'vitest';
import { extractStatistics } from '../../../src/core/stats/extract';
import { statisticsIn } from './helpers';

// Who or what a figure is about, on report and news wording the first rules were not written for.
// Every sentence is written for this test in the manner of work reports, bulletins and news.
const passage = (text: string, place = '江川省', date?: string) =>
  extractStatistics(text, { passageId: 'p', ranges: [{ start: 0, end: text.length }], report: { place, subject: place }, date });
const subjects = (text: string, place?: string) => passage(text, place).map((s) => [s.text, s.subject]);

describe('subject: a clause head that starts with a verb names no body', () => {
  it('制定修订省政府规章: 省政府 is what is made, not who; the next sentences keep the report\'s place', () => {
    expect(subjects('全年提请审议地方性法规草案14件，制定修订省政府规章9件，废止规章3件。开展规章清理，共清理文件2361件。')).toEqual([
      ['14', '江川省'], ['9', '江川省'], ['3', '江川省'], ['2361', '江川省'],
    ]);
  });

  it('全省建成县级综治中心 is the province building centres, not a body named 全省建成县级综治中心', () => {
    expect(subjects('全省建成县级综治中心126个。全年各类调解组织调解矛盾纠纷68.4万件。“12345”热线受理群众诉求1286万件。')).toEqual([
      ['126', '江川省'], ['68.4万', '江川省'], ['1286万', '江川省'],
    ]);
  });

  it('but a body written with its place or scope is still the subject', () => {
    expect(subjects('全省综治中心化解矛盾纠纷20.3万件。')).toEqual([['20.3万', '全省综治中心']]);
    expect(subjects('杭州市中级人民法院审结案件3.2万件。')).toEqual([['3.2万', '杭州市中级人民法院']]);
  });
});

describe('subject: places by their administrative ending, zones, and 全市 in a wider report', () => {
  it('a county or district named at a clause head is the subject, whether or not it is a known city', () => {
    expect(subjects('分县（市、区）看，贵溪市地区生产总值612.5亿元，增长6.3%；余江区地区生产总值268.1亿元；月湖区增长5.4%。', '鹰潭市')).toEqual([
      ['612.5亿', '贵溪市'], ['6.3%', '贵溪市'], ['268.1亿', '余江区'], ['5.4%', '月湖区'],
    ]);
  });

  it('a figure naming only its place borrows the metric of the figure before (月湖区增长5.4% → 地区生产总值)', () => {
    expect(passage('余江区地区生产总值268.1亿元，增长5.7%；月湖区增长5.4%。', '鹰潭市').map((s) => s.metric)).toEqual(['地区生产总值', '地区生产总值', '地区生产总值']);
  });

  it('words that end like a place but name a kind of area are no place (城市, 社区, 示范区)', () => {
    expect(subjects('城市居民人均可支配收入增长4.2%。社区卫生服务中心达到126个。示范区新增企业320家。', '鹰潭市')).toEqual([
      ['4.2%', '鹰潭市'], ['126', '鹰潭市'], ['320', '鹰潭市'],
    ]);
    expect(subjects('主产区各类粮食企业收购小麦5700万吨。', '全国')).toEqual([['5700万', '全国']]);
  });

  it('a new area of a city is a place of its own (兰州新区, not 兰州市)', () => {
    expect(subjects('兰州新区新落地化工项目46个。兰州市地区生产总值增长5.1%。', '甘肃省')).toEqual([['46', '兰州新区'], ['5.1%', '兰州市']]);
  });

  it('全市 in a provincial report is the city named before it in the paragraph; in a city\'s report, that city', () => {
    expect(subjects('酒泉风电基地二期建成投运，全市风电装机达到2310万千瓦。', '甘肃省')).toEqual([['2310万', '酒泉市']]);
    expect(subjects('全市风电装机达到2310万千瓦。', '酒泉市')).toEqual([['2310万', '酒泉市']]);
  });
});

describe('subject: several places before 分别 share out its figures', () => {
  it('天水市、庆阳市分别增长6.9%和7.2%: one place each, the metric of the figure before', () => {
    const stats = passage('兰州市地区生产总值突破3800亿元，天水市、庆阳市分别增长6.9%和7.2%。', '甘肃省');
    expect(stats.map((s) => [s.text, s.subject, s.metric])).toEqual([
      ['3800亿', '兰州市', '地区生产总值'], ['6.9%', '天水市', '地区生产总值'], ['7.2%', '庆阳市', '地区生产总值'],
    ]);
  });

  it('苏州、南京绿色贷款余额分别为…: places first, the metric after them', () => {
    expect(passage('分地区看，苏州、南京绿色贷款余额分别为9860亿元和7420亿元。', '江苏省').map((s) => [s.subject, s.metric])).toEqual([
      ['苏州市', '绿色贷款余额'], ['南京市', '绿色贷款余额'],
    ]);
  });

  it('a list of metrics before 分别 is not a list of places', () => {
    expect(passage('一般公共预算收入、规上工业增加值分别增长4.6%和6.8%。', '湖南省').map((s) => [s.subject, s.metric])).toEqual([
      ['湖南省', '一般公共预算收入'], ['湖南省', '规上工业增加值'],
    ]);
  });
});

describe('subject: companies, banks, teams and events in news', () => {
  it('a company introduced by where it stands (落户…的) is the subject; 该集团 and 该行 refer back to it', () => {
    const stats = passage('落户常州金坛区的恒源动力电池集团上半年营业收入215.6亿元，增长28.4%。该集团今年新增储能电池订单超过30吉瓦时。', '全国');
    expect(stats.map((s) => s.subject)).toEqual(['恒源动力电池集团', '恒源动力电池集团', '恒源动力电池集团']);
    const bank = passage('江南农村商业银行绿色贷款余额增长21%。该行绿色贷款余额占全部贷款的比重已提升至18.7%。', '江苏省');
    expect(bank.map((s) => s.subject)).toEqual(['江南农村商业银行', '江南农村商业银行']);
  });

  it('inside a quotation, 全市 and 我们 are the speaker named after it', () => {
    expect(subjects('“今年前7个月，全市汽车零部件出口额达到486亿元，同比增长12.5%。”宁波市商务局副局长王海介绍。', '全国')).toEqual([
      ['486亿', '宁波市'], ['12.5%', '宁波市'],
    ]);
    expect(subjects('“我们今年已投放绿色贷款356亿元，”江南农村商业银行有关负责人说。', '江苏省')).toEqual([['356亿', '江南农村商业银行']]);
  });

  it('我们 and 公司 in a company\'s paragraph are the company named in it', () => {
    const text = '在位于肥东县的星驰汽车有限公司总装车间，新车正驶下生产线。“上半年我们交付新车18.2万辆，同比增长67%。”公司副总经理刘明告诉记者，今年公司计划交付40万辆。';
    expect(passage(text, '全国').map((s) => s.subject)).toEqual(['星驰汽车有限公司', '星驰汽车有限公司', '星驰汽车有限公司']);
  });

  it('a team is the subject of its medals (中国队, not 全国); an event of its entries; 中国经济 stays the country', () => {
    const text = '2025年世界游泳锦标赛17日晚闭幕。本届锦标赛共有来自200多个国家和地区的2600余名运动员参赛。中国队共获得12枚金牌、8枚银牌。';
    expect(subjects(text, '全国')).toEqual([['200', '世界游泳锦标赛'], ['2600', '世界游泳锦标赛'], ['12', '中国队'], ['8', '中国队']]);
    expect(subjects('中国经济总量增长5.2%。', '全国')).toEqual([['5.2%', '全国']]);
    expect(subjects('土耳其军队打击了471个目标。', '全国')).toEqual([['471', '土耳其']]);
  });

  it('中央财政 spends for the country', () => {
    expect(subjects('湖南省紧急转移2.2万人。中央财政下达救灾资金2.5亿元。', '湖北省')).toEqual([['2.2万', '湖南省'], ['2.5亿', '全国']]);
  });
});

describe('subject: a body named by its level alone', () => {
  const court = `四川省高级人民法院工作报告
四川省高级人民法院

2025年，全省法院受理案件186.4万件，审结172.9万件。省法院受理案件2.36万件，审结2.21万件。
`;
  const government = `甘肃省政府工作报告
甘肃省人民政府

过去一年，省政府出台稳经济政策措施42条。全省法院审结案件98.2万件。
`;

  it('省法院 in a court\'s report is the court itself; 全省法院 stays all the courts', () => {
    expect(statisticsIn(court, '/corpus/court.txt').map((s) => s.subject)).toEqual(['全省法院', '全省法院', '四川省高级人民法院', '四川省高级人民法院']);
  });

  it('省政府 in a government\'s report is its place', () => {
    expect(statisticsIn(government, '/corpus/gov.txt').map((s) => s.subject)).toEqual(['甘肃省', '全省法院']);
  });
});
