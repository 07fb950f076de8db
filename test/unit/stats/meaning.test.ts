import { describe, expect, it } from 'vitest';
import { extractStatistics } from '../../../src/core/stats/extract';
import { reportSubject } from '../../../src/core/stats/subject';
import { extract, figure } from './helpers';

// What a figure measures, who it is about and when: the garbled labels of issue 10, each in a
// sentence written for this test in the manner of work reports and news (none is from a corpus).
describe('metric: a noun phrase a reader accepts as the name of the quantity', () => {
  it('a run after a list of measures names its own achievement (not 措施获评…)', () => {
    const stats = extract('出台优化营商环境20条措施，连续4年获评全国营商环境标杆城市。');
    expect(stats.map((s) => [s.text, s.kind, s.metric])).toEqual([
      ['20', 'count', '出台优化营商环境措施'],
      ['4', 'streak', '获评全国营商环境标杆城市'],
    ]);
  });

  it('a span measures what it is the span of (为期1年的清剿毒品集中攻坚, not 省委部署开展)', () => {
    expect(figure('市政府部署开展为期3个月的安全生产大检查。', '3')).toMatchObject({ kind: 'duration', metric: '安全生产大检查' });
  });

  it('a run with no metric of its own belongs to the topic of the clause before (not 保持在)', () => {
    expect(figure('全省粮食产量再创新高，连续8年保持在700亿斤以上。', '8')).toMatchObject({ kind: 'streak', metric: '粮食产量' });
    expect(figure('2022年粮食产量再创新高 连续8年稳定在1.3万亿斤以上', '8')).toMatchObject({ kind: 'streak', metric: '粮食产量' });
  });

  it('the metric of a run named after it stops before its verb (not 粮食产量超过)', () => {
    expect(figure('我省连续5年粮食产量超过700亿斤。', '5')).toMatchObject({ kind: 'streak', metric: '粮食产量' });
  });

  it('a counted noun that the clause goes on to describe reads as one noun phrase (not 科学家增选为, 高职学校入选第)', () => {
    expect(figure('全年有5位科学家增选为两院院士。', '5').metric).toBe('增选为两院院士的科学家');
    expect(figure('我省3所高职学校入选第二轮“双高计划”建设单位。', '3').metric).toBe('入选第二轮“双高计划”建设单位的高职学校');
    expect(figure('全省2名留守儿童成为全国唯一入选的少年代表。', '2').metric).toBe('成为全国唯一入选的少年代表的留守儿童');
    expect(figure('全省57个县（市）地区生产总值增速高于全省平均水平。', '57').metric).toBe('地区生产总值增速高于全省平均水平的县（市）');
  });

  it('before the next figure, its words and markers stay with it (not 国家和地区近, 强降水和“桦加沙”)', () => {
    const fair = extract('本届博览会吸引50多个国家和地区近3000家企业参展。');
    expect(fair.map((s) => [s.text, s.metric])).toEqual([['50', '国家和地区'], ['3000', '参展的企业']]);
    const storms = extract('全年有效应对7轮强降水和“桦加沙”等3个台风。');
    expect(storms.map((s) => [s.text, s.metric])).toEqual([['7', '强降水'], ['3', '台风']]);
  });

  it('a rate with no object of its own takes the object of the figure before (化解率 → 矛盾纠纷化解率)', () => {
    const after = extract('全年排查矛盾纠纷12.6万件、化解率98.1%。');
    expect(after.map((s) => s.metric)).toEqual(['排查矛盾纠纷', '矛盾纠纷化解率']);
    const sibling = extract('基层矛盾纠纷吸附率达97.5%、化解率达96.2%。');
    expect(sibling.map((s) => s.metric)).toEqual(['基层矛盾纠纷吸附率', '基层矛盾纠纷化解率']);
    expect(sibling.map((s) => s.metricKey)).toEqual(['矛盾纠纷吸附率', '矛盾纠纷化解率']);
    expect(after[1].metricKey).toBe(sibling[1].metricKey);
    // 失业率 names its own object.
    expect(extract('城镇新增就业8.2万人，失业率4.9%。').map((s) => s.metric)).toEqual(['城镇新增就业', '失业率']);
  });

  it('every statistic carries its metric key', () => {
    expect(figure('刑事案件发案数同比下降12.3%。', '12.3%').metricKey).toBe('刑事发案');
    expect(figure('未成年人犯罪人数同比下降8.1%。', '8.1%').metricKey).toBe('未成年人犯罪');
  });
});

describe('figures the news writes that were missed', () => {
  it('trade units: 载重吨, 标箱, and 千瓦 after 万', () => {
    expect(figure('全国造船完工量786万载重吨。', '786万')).toMatchObject({ value: 7.86e6, unit: '载重吨', kind: 'count' });
    expect(figure('集装箱吞吐量超600万标箱。', '600万')).toMatchObject({ value: 6e6, unit: '标箱', approx: true });
    expect(figure('新能源装机容量达到4690万千瓦。', '4690万')).toMatchObject({ value: 4.69e7, unit: '千瓦' });
  });

  it('a unit that starts with a scale character is the unit (2140.2千米 is not 2140200 米)', () => {
    expect(figure('线路全长2140.2千米。', '2140.2')).toMatchObject({ value: 2140.2, unit: '千米' });
  });

  it('fractions are shares: 四分之三, 3/4, 三分之一以上, 千分之五; not rounds or spans', () => {
    expect(figure('远程操控作业量占比已达四分之三。', '四分之三')).toMatchObject({ value: 75, unit: '%', kind: 'percent' });
    expect(figure('清洁能源占比接近3/4。', '3/4')).toMatchObject({ value: 75, unit: '%', approx: true });
    expect(figure('扩种面积占全省的三分之一以上。', '三分之一')).toMatchObject({ unit: '%', approx: true });
    expect(figure('事故率控制在千分之五以内。', '千分之五')).toMatchObject({ value: 5, unit: '‰' });
    expect(extract('女子组今晚进行八分之一决赛。')).toEqual([]);
    expect(extract('四分之三个世纪前，这里还是一片荒滩。')).toEqual([]);
    expect(extract('详见第4/3号决定。')).toEqual([]);
  });

  it('near thirty percent: 近三成 is 30 % and approximate', () => {
    expect(figure('高附加值船型订单同比增长近三成。', '三成')).toMatchObject({ value: 30, unit: '%', kind: 'change', change: 'up', approx: true });
  });
});

describe('period: the time the figure is of', () => {
  it('a base the figure builds on is not its period (在2024年压降50.2%的基础上再降5.9%)', () => {
    const stats = extract('去年刑事发案同比下降21.5%，四级登记信访在2024年压降50.2%的基础上再降5.9%。', '2026-01-21');
    expect(stats.map((s) => [s.text, s.period])).toEqual([['21.5%', '2025年'], ['50.2%', '2024年'], ['5.9%', '2025年']]);
    expect(extract('去年信访在2024年压降50.2%的基础上再降5.9%。').map((s) => s.period)).toEqual(['2024年', '去年']);
  });

  it('months and parts of the year take the year of the article date', () => {
    const stats = extract('1—11月份，全国规模以上工业增加值同比增长5.8%。前两个月，社会消费品零售总额增长4.0%。', '2022-11-15');
    expect(stats.map((s) => s.period)).toEqual(['2022年1—11月', '2022年1—2月']);
    expect(figure('12月份，居民消费价格同比上涨0.1%。', '0.1%', '2025-01-10').period).toBe('2024年12月');
    expect(figure('截至2月底，手持订单量2.15亿载重吨。', '2.15亿', '2025-03-18').period).toBe('2025年2月末');
  });

  it('left as written when the date is unknown', () => {
    expect(figure('1—11月份，规模以上工业增加值增长5.8%。', '5.8%').period).toBe('1—11月');
    expect(figure('去年粮食产量增长2.1%。', '2.1%').period).toBe('去年');
  });

  it('bases, datelines and names are no periods', () => {
    expect(figure('服务业生产指数比1—10月份加快0.1个百分点。', '0.1个百分点', '2024-12-16').period).toBeUndefined();
    expect(figure('本报北京3月17日电 造船完工量增长21.3%。', '21.3%', '2025-03-18').period).toBeUndefined();
    expect(figure('印发《规划纲要(2025年版)》，推出71项成果。', '71').period).toBeUndefined();
  });

  it('a time set at the head of a paragraph dates the next paragraphs of the section, not a new source', () => {
    const text = '过去一年，全省地区生产总值增长5.4%。\n高新技术企业达到2.3万家。\n一项调查显示，近四成受访者表示满意。';
    const topic = {};
    const stats = text.split('\n').flatMap((line) => {
      const start = text.indexOf(line);
      return extractStatistics(text, { passageId: line, ranges: [{ start, end: start + line.length }], date: '2026-01-20', topic });
    });
    expect(stats.map((s) => [s.text, s.period])).toEqual([['5.4%', '2025年'], ['2.3万', '2025年'], ['四成', undefined]]);
  });
});

describe('subject: who or what the figure is about', () => {
  const news = (text: string) => extractStatistics(text, { passageId: 'p', ranges: [{ start: 0, end: text.length }], report: { place: '福建省', subject: '福建省' } });

  it('the body acting at the head of the clause, as written', () => {
    expect(news('全省综治中心化解矛盾纠纷同比上升30.97%。')[0]).toMatchObject({ subject: '全省综治中心', metric: '化解矛盾纠纷' });
    expect(news('1—2月份，宁波舟山港完成集装箱吞吐量612.4万标准箱。')[0]).toMatchObject({ subject: '宁波舟山港', metric: '集装箱吞吐量' });
  });

  it('全省 and 我省 mean the report\'s place; 全国 and 我国 the country; places by their full name', () => {
    expect(news('全省地区生产总值增长5.4%。')[0].subject).toBe('福建省');
    expect(news('我国货物贸易进出口增长4.9%。')[0]).toMatchObject({ subject: '全国', metric: '货物贸易进出口' });
    expect(news('青海电网新能源装机容量达到4690万千瓦。')[0].subject).toBe('青海省');
    expect(news('欧元区2月份通胀率为2.4%。')[0].subject).toBe('欧元区');
  });

  it('a source that tells the figures gives its place, not itself', () => {
    expect(news('成都市文化广电旅游局发布数据，接待游客4860万人次。')[0].subject).toBe('成都市');
    expect(reportSubject(undefined, '记者3月17日从杭州市中级人民法院获悉，去年全市法院共受理案件48.6万件。')).toEqual({ place: '杭州市', subject: '全市法院' });
    expect(reportSubject(undefined, '成都市文化广电旅游局的数据显示，今年前两个月，全市接待游客4860万人次。')).toEqual({ place: '成都市', subject: '成都市' });
    expect(reportSubject(undefined, '近日，安徽省东至县检察院内，一场“大赛”正火热开展。')).toEqual({ place: '安徽省', subject: '安徽省东至县检察院' });
    expect(reportSubject(undefined, '国家统计局今天发布数据，1—11月份，规模以上工业增加值增长5.8%。')).toEqual({ place: '全国', subject: '全国' });
    expect(reportSubject(undefined, '美国劳工部公布的数据显示，美国11月份新增非农就业岗位22.7万个。')).toEqual({ place: '美国', subject: '美国' });
  });

  it('a report\'s figures are about the place its issuing body governs', () => {
    expect(reportSubject('湖北省委政法委', '')).toMatchObject({ place: '湖北省', subject: '湖北省' });
    expect(reportSubject('国务院', '')).toMatchObject({ place: '全国', subject: '全国' });
    expect(reportSubject('徐州市人民政府', '')).toMatchObject({ place: '徐州市', subject: '徐州市' });
    expect(reportSubject('重庆市委政法委', '')).toEqual({ place: '重庆市', subject: '重庆市', body: '重庆市委政法委' });
  });

  it('carries through the paragraph and to 该港, but a new point of a list starts over', () => {
    const stats = news('宁波舟山港完成吞吐量612.4万标准箱。其中，2月份完成287.9万标准箱。截至2月底，该港航线总数达305条。');
    expect(stats.map((s) => s.subject)).toEqual(['宁波舟山港', '宁波舟山港', '宁波舟山港']);
    const points = news('一是全省综治中心化解矛盾纠纷同比上升30.97%。二是打造基础平台。线上入驻单位8400余家。');
    expect(points.map((s) => s.subject)).toEqual(['全省综治中心', '福建省']);
  });
});
