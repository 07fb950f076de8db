import { describe, expect, it } from 'vitest';
import { SHIPPED_METRIC_KEYS } from '../../../src/core/stats/metricKey';
import { extract, figure } from './helpers';

// What a figure measures, on report and news wording the first rules were not written for. Every
// sentence is written for this test in the manner of work reports, bulletins and news.
const metrics = (text: string) => extract(text).map((s) => [s.text, s.metric]);

describe('metric: a count whose clause names only a verb counts the noun of the count before', () => {
  it('共清理文件2361件，修改78件，废止153件，宣布失效46件 → 修改文件, 废止文件, 宣布失效文件', () => {
    expect(metrics('开展规章清理，共清理文件2361件，修改78件，废止153件，宣布失效46件。')).toEqual([
      ['2361', '清理文件'], ['78', '修改文件'], ['153', '废止文件'], ['46', '宣布失效文件'],
    ]);
  });

  it('受理案件…，审结… and 收到意见建议…，采纳…: the verb is what tells the quantities apart', () => {
    expect(metrics('全省法院受理案件186.4万件，审结172.9万件。')).toEqual([['186.4万', '受理案件'], ['172.9万', '审结案件']]);
    expect(metrics('收到意见建议5640条，采纳2218条，采纳率为39.3%。')).toEqual([['5640', '收到意见建议'], ['2218', '采纳意见建议'], ['39.3%', '采纳率']]);
    expect(metrics('湖北省累计转移群众3.1万人，湖南省紧急转移2.2万人。')).toEqual([['3.1万', '转移群众'], ['2.2万', '紧急转移群众']]);
  });

  it('a noun of its own, an amount, or a phrase that names a quantity borrows nothing', () => {
    expect(metrics('进出口总值25.71万亿元。其中，出口14.62万亿元，进口11.09万亿元。')).toEqual([
      ['25.71万亿', '进出口总值'], ['14.62万亿', '出口'], ['11.09万亿', '进口'],
    ]);
    expect(metrics('早稻产量21.4万吨，晚稻产量36.9万吨。')).toEqual([['21.4万', '早稻产量'], ['36.9万', '晚稻产量']]);
  });

  it('the keys of such counts keep the quantities apart and group the same one', () => {
    const [filed, closed] = extract('受理案件186.4万件，审结172.9万件。');
    expect(filed.metricKey).not.toBe(closed.metricKey);
    expect(extract('审结案件2.21万件。')[0].metricKey).toBe(closed.metricKey);
    const [, amended, repealed] = extract('清理文件2361件，修改78件，废止153件。');
    expect(new Set([amended.metricKey, repealed.metricKey]).size).toBe(2);
    expect(SHIPPED_METRIC_KEYS.keyOf('修改文件')).toBe(amended.metricKey);
  });
});

describe('metric: nouns the first rules cut apart', () => {
  it('被执行人, 被告人 are nouns, not a passive 被', () => {
    expect(figure('6800余名失信被执行人主动履行义务。', '6800').metric).toBe('主动履行义务的失信被执行人');
    expect(figure('依法判处被告人1.2万名。', '1.2万').metric).toBe('判处被告人');
  });

  it('a clause that says what became of the counted noun reads as one noun phrase', () => {
    expect(figure('帮助38家企业重整再生。', '38').metric).toBe('帮助重整再生的企业');
    expect(figure('共有128名个人受到省级以上表彰。', '128').metric).toBe('受到省级以上表彰的个人');
  });

  it('等 after a list sums it up; it is not what the last figure counts', () => {
    expect(metrics('当地已调拨帐篷2600顶、折叠床5000张等救灾物资。')).toEqual([['2600', '调拨帐篷'], ['5000', '调拨折叠床']]);
  });

  it('a figure inside a relative clause keeps the noun it qualifies (营业收入超10亿元的企业有58家)', () => {
    expect(figure('宁波已集聚汽车零部件规上企业1260家，其中营业收入超10亿元的企业有58家。', '58').metric).toBe('营业收入超10亿元的企业');
  });

  it('a share of the noun counted before names both (其中35岁以下的占18.5%)', () => {
    expect(figure('全省法院现有员额法官7240名，其中35岁以下的占18.5%。', '18.5%').metric).toBe('35岁以下员额法官占比');
    expect(figure('判处罪犯8.9万人，其中判处五年以上有期徒刑的1.1万人。', '1.1万').metric).toBe('判处五年以上有期徒刑的罪犯');
  });

  it('a verb alone counts the noun of the count before even with a rate between them (其中出口3.4万辆 → 出口新车)', () => {
    expect(metrics('上半年交付新车18.2万辆，同比增长67%，其中出口3.4万辆。')).toEqual([['18.2万', '交付新车'], ['67%', '交付新车'], ['3.4万', '出口新车']]);
    // Only a verb alone borrows across a figure: a clause ending in 的 qualifies the noun of the figure just before.
    const cities = figure('高速铁路网覆盖97%的50万人口以上城市，高速公路网覆盖99%的20万人口以上城市。', '20万').metric;
    expect(cities.indexOf('城市')).toBe(cities.lastIndexOf('城市'));
    // A count in another unit is no noun to lend: 招录 counts people, not 件.
    expect(figure('受理案件5200件，增长3%，审结4800件，招录120人。', '120').metric).not.toContain('案件');
  });

  it('相关 names what the clause before is about (严惩侵害未成年人犯罪，审结相关案件 → 审结侵害未成年人犯罪案件)', () => {
    expect(figure('严惩侵害未成年人犯罪，审结相关案件1086件。', '1086').metric).toBe('审结侵害未成年人犯罪案件');
    expect(figure('依法打击电信网络诈骗犯罪，起诉相关犯罪嫌疑人1.2万人。', '1.2万').metric).toBe('起诉电信网络诈骗犯罪嫌疑人');
    // With no clause before it, 相关 stays as written.
    expect(figure('审结相关案件1086件。', '1086').metric).toBe('审结相关案件');
    // 相关 after a noun (网络消费相关案件), after a preposition (赴相关地区), or after a clause that gives a figure stays.
    expect(figure('整治消费乱象、审结网络消费相关案件近29万件。', '29万').metric).toBe('审结网络消费相关案件');
    expect(figure('吸引游客近12万人次，带动相关旅游收入6000万元。', '6000万').metric).not.toContain('游客');
    expect(figure('针对违法行为，派出工作组赴相关地区9个。', '9').metric).not.toContain('违法行为');
  });

  it('a stage of a procedure stays with its verb (诉前调解, 诉中调解); a rate after it is of the same procedure', () => {
    expect(metrics('全省法院诉前调解成功纠纷41.7万件，调解成功率为52.3%。')).toEqual([['41.7万', '诉前调解成功纠纷'], ['52.3%', '诉前调解成功率']]);
    expect(figure('全市法院诉中调解案件3.2万件。', '3.2万').metric).toBe('诉中调解案件');
  });

  it('a verb inside a name is no verb to cut at; 现有 and 日均 are part of what is measured', () => {
    expect(figure('新疆生产建设兵团报告新增确诊病例491例。', '491').metric).toContain('生产建设兵团');
    expect(figure('截至9月25日24时，现有确诊病例2962例。', '2962').metric).toBe('现有确诊病例');
    expect(figure('全国重点商圈日均客流为9.6万人次。', '9.6万').metric).toBe('重点商圈日均客流');
  });

  it('产销 names two metrics for a pair of figures', () => {
    expect(metrics('我国汽车产销量分别完成233.3万辆和238.2万辆。').map(([, m]) => m)).toEqual(['汽车产量', '汽车销量']);
    expect(metrics('全国新能源汽车产销分别完成702.4万辆和698.1万辆，同比分别增长38.6%和37.9%。').map(([, m]) => m)).toEqual([
      '新能源汽车产量', '新能源汽车销量', '新能源汽车产量', '新能源汽车销量',
    ]);
  });

  it('a place and a time at the head are no part of the metric (合肥上半年产量 → 产量)', () => {
    expect(figure('合肥上半年产量超60万辆', '60万').metric).toBe('产量');
  });
});

describe('units as reports write them', () => {
  it('吉瓦时, 兆瓦时 and 千公顷 are units; 顶 counts tents', () => {
    expect(figure('动力电池产量达到86.3吉瓦时。', '86.3')).toMatchObject({ value: 86.3, unit: '吉瓦时', metric: '动力电池产量' });
    expect(figure('储能装机达到520兆瓦时。', '520')).toMatchObject({ unit: '兆瓦时' });
    expect(figure('农作物受灾面积86.5千公顷。', '86.5')).toMatchObject({ value: 86.5, unit: '千公顷', metric: '农作物受灾面积' });
    expect(figure('调拨帐篷2600顶。', '2600')).toMatchObject({ value: 2600, unit: '顶', kind: 'count' });
  });

  it('a scale word before another unit still scales (3千万元, 1.2千米 stays kilometres)', () => {
    expect(figure('投入资金3千万元。', '3千万')).toMatchObject({ value: 3e7, unit: '元' });
    expect(figure('新建绿道1.2千米。', '1.2')).toMatchObject({ value: 1.2, unit: '千米' });
  });

  it('the distance in a race\'s name is no statistic; a distance built is', () => {
    expect(extract('女子200米蝶泳决赛中，中国选手夺冠。')).toEqual([]);
    expect(figure('新建高速公路200公里。', '200')).toMatchObject({ unit: '公里', kind: 'count' });
  });
});
