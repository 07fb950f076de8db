import { describe, expect, it } from 'vitest';
import { extract, figure } from './helpers';

// Sentences written in the manner of provincial and national government work reports; none of
// them comes from the sample corpus.
describe('extractStatistics: the usual constructions of work reports', () => {
  it('growth rates are changes with direction and basis', () => {
    const s = figure('全省地区生产总值比上年增长5.8%，总量迈上新台阶。', '5.8%');
    expect(s).toMatchObject({ value: 5.8, unit: '%', kind: 'change', change: 'up', basis: '比上年', metric: '地区生产总值' });
    const d = figure('规模以上工业企业利润同比下降3.2%。', '3.2%');
    expect(d).toMatchObject({ kind: 'change', change: 'down', basis: '同比', metric: '规模以上工业企业利润' });
  });

  it('percentage points are changes in 百分点', () => {
    const s = figure('一般公共预算收入占比下降1.5个百分点。', '1.5个百分点');
    expect(s).toMatchObject({ value: 1.5, unit: '百分点', kind: 'change', change: 'down', metric: '一般公共预算收入占比' });
    const r = figure('常住人口城镇化率达到65.2%，比上年末提高0.9个百分点。', '0.9个百分点');
    expect(r).toMatchObject({ change: 'up', basis: '比上年末', metric: '常住人口城镇化率' });
  });

  it('scaled amounts after 突破 are amounts in 元', () => {
    const s = figure('全年社会消费品零售总额突破5.2万亿元。', '5.2万亿');
    expect(s).toMatchObject({ value: 5.2e12, unit: '元', kind: 'amount', metric: '社会消费品零售总额' });
  });

  it('streaks count the years in Arabic or Chinese numerals', () => {
    expect(figure('粮食产量连续10年稳定在700亿斤以上。', '10')).toMatchObject({ value: 10, unit: '年', kind: 'streak', metric: '粮食产量' });
    expect(figure('营商环境评价连续三年保持全国前列。', '三')).toMatchObject({ value: 3, unit: '年', kind: 'streak' });
  });

  it('ranks: 前x位, 居全国第x位, and word-only firsts', () => {
    expect(figure('数字经济规模跻身全国前5位。', '5')).toMatchObject({ value: 5, unit: '位', kind: 'rank', metric: '数字经济规模' });
    expect(figure('人均地区生产总值居全国第3位。', '3')).toMatchObject({ value: 3, kind: 'rank', metric: '人均地区生产总值' });
    expect(figure('新能源汽车产量全国第一。', '第一')).toMatchObject({ value: 1, kind: 'rank', metric: '新能源汽车产量' });
  });

  it('approximate counts keep the stated number: 余 stays outside the figure, 多 before a scale word inside', () => {
    const s = figure('全年办理群众诉求120余万件。', '120余万');
    expect(s).toMatchObject({ value: 1_200_000, unit: '件', kind: 'count', approx: true, metric: '办理群众诉求' });
    const e = figure('线上服务企业8400余家。', '8400');
    expect(e).toMatchObject({ value: 8400, unit: '家', approx: true });
    expect(figure('接待游客3400多万人次。', '3400多万')).toMatchObject({ value: 34_000_000, unit: '人次', approx: true });
    expect(figure('居民消费价格上涨2%左右。', '2%')).toMatchObject({ approx: true, change: 'up' });
    expect(figure('森林覆盖率约为42%。', '42%')).toMatchObject({ approx: true, kind: 'percent' });
  });

  it('doubling: 翻一番 and 翻两番', () => {
    expect(figure('农村居民人均可支配收入比2015年翻一番。', '翻一番')).toMatchObject({ value: 2, unit: '倍', kind: 'change', change: 'up', metric: '农村居民人均可支配收入' });
    expect(figure('高新技术产业产值实现翻两番。', '翻两番')).toMatchObject({ value: 4, kind: 'change' });
  });

  it('shares: 占比 and 占 keep the whole ratio as the metric', () => {
    expect(figure('战略性新兴产业增加值占比达到18.6%。', '18.6%')).toMatchObject({ kind: 'percent', metric: '战略性新兴产业增加值占比' });
    expect(figure('民营经济占全省经济总量的比重为55%。', '55%')).toMatchObject({ kind: 'percent', metric: '民营经济占全省经济总量的比重' });
  });

  it('per-capita figures are amounts with their per-capita metric', () => {
    expect(figure('城镇居民人均可支配收入达到5.1万元。', '5.1万')).toMatchObject({ value: 51_000, unit: '元', kind: 'amount', metric: '城镇居民人均可支配收入' });
  });

  it('a 分别 list gives one statistic per figure, each with its own metric', () => {
    const stats = extract('第一产业、第二产业和第三产业增加值分别增长3.5%、6.1%和5.4%。');
    expect(stats.map((s) => [s.text, s.metric, s.kind, s.change])).toEqual([
      ['3.5%', '第一产业', 'change', 'up'],
      ['6.1%', '第二产业', 'change', 'up'],
      ['5.4%', '第三产业增加值', 'change', 'up'],
    ]);
  });

  it('one figure shared by several metrics (均增长) is one statistic', () => {
    const stats = extract('城镇和农村居民人均可支配收入均增长6%。');
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ value: 6, kind: 'change', change: 'up', metric: '城镇和农村居民人均可支配收入' });
  });

  it('由X降至Y is one change whose from is X', () => {
    const stats = extract('全省贫困发生率由5.6%降至0.8%。');
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ text: '0.8%', value: 0.8, kind: 'change', change: 'down', metric: '全省贫困发生率'.replace('全省', '') });
    expect(stats[0].from).toMatchObject({ value: 5.6, unit: '%', text: '5.6%' });
    const time = extract('企业开办时间从5个工作日压缩至1天半。');
    expect(time).toHaveLength(1);
    expect(time[0]).toMatchObject({ text: '1天半', value: 1.5, unit: '天', kind: 'change', change: 'down', metric: '企业开办时间' });
  });

  it('a level reached by a verb of movement keeps its kind and gets the direction', () => {
    expect(figure('研发经费投入强度提高到2.6%。', '2.6%')).toMatchObject({ kind: 'percent', change: 'up', metric: '研发经费投入强度' });
    expect(figure('每万人口高价值发明专利拥有量增至12.5件。', '12.5')).toMatchObject({ kind: 'count', change: 'up', unit: '件' });
  });

  it('absolute increments are changes in the unit; 新增 flows are plain counts', () => {
    expect(figure('税收收入增加120亿元。', '120亿')).toMatchObject({ value: 1.2e10, unit: '元', kind: 'change', change: 'up', metric: '税收收入' });
    expect(figure('二氧化碳排放减少350万吨。', '350万')).toMatchObject({ unit: '吨', kind: 'change', change: 'down' });
    const flow = figure('城镇新增就业68.5万人。', '68.5万');
    expect(flow).toMatchObject({ kind: 'count', unit: '人', metric: '城镇新增就业' });
    expect(flow.change).toBeUndefined();
  });

  it('estimates for the year and targets are statistics', () => {
    const est = figure('预计全年地区生产总值增长5%左右。', '5%');
    expect(est).toMatchObject({ kind: 'change', change: 'up', approx: true, metric: '地区生产总值' });
    const stats = extract('今年发展的主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率5.5%左右。', '2025-01-20');
    expect(stats.map((s) => [s.metric, s.kind, s.approx, s.period])).toEqual([
      ['地区生产总值', 'change', true, '2025年'],
      ['城镇调查失业率', 'percent', true, '2025年'],
    ]);
  });

  it('成 is a tenth: 九成 → 90 %', () => {
    expect(figure('九成以上的行政许可事项实现网上办理。', '九成')).toMatchObject({ value: 90, unit: '%', kind: 'percent', approx: true });
  });

  it('counts with measure words name the verb and what it governs', () => {
    expect(figure('新建改建农村公路1.2万公里。', '1.2万')).toMatchObject({ value: 12_000, unit: '公里', kind: 'count', metric: '新建改建农村公路' });
    expect(figure('培育国家级专精特新“小巨人”企业236家。', '236')).toMatchObject({ metric: '培育国家级专精特新“小巨人”企业' });
    expect(figure('建成5G基站12.3万个。', '12.3万')).toMatchObject({ metric: '建成5G基站' });
    // Verbs that only say a quantity was reached are no part of it.
    expect(figure('累计建成5G基站12.3万个。', '12.3万').metric).toBe('建成5G基站');
    expect(figure('宁波舟山港完成集装箱吞吐量612.4万标准箱。', '612.4万').metric).toBe('集装箱吞吐量');
  });

  it('Chinese numerals and percent words', () => {
    expect(figure('共设立一百二十个便民服务站。', '一百二十')).toMatchObject({ value: 120, unit: '个' });
    expect(figure('筹集资金两千三百万元。', '两千三百万')).toMatchObject({ value: 23_000_000, kind: 'amount' });
    expect(figure('百分之三十的村实现集体经济收入超十万元。', '百分之三十')).toMatchObject({ value: 30, unit: '%' });
    expect(figure('婴儿死亡率降至2.1‰。', '2.1‰')).toMatchObject({ value: 2.1, unit: '‰', change: 'down' });
  });

  it('scale-only figures count (超百亿美元, 突破亿人次)', () => {
    expect(figure('引进超百亿美元项目。', '百亿')).toMatchObject({ value: 1e10, unit: '美元', kind: 'amount', approx: true });
  });

  it('resolves 去年 against the article date and reads explicit years', () => {
    expect(figure('去年全省粮食产量增长2.1%。', '2.1%', '2025-01-20').period).toBe('2024年');
    expect(figure('2024年全省粮食产量增长2.1%。', '2.1%').period).toBe('2024年');
    expect(figure('去年全省粮食产量增长2.1%。', '2.1%').period).toBe('去年');
  });

  it('subject: a place the sentence names, else what the report is about', () => {
    expect(figure('江苏省地区生产总值增长5.8%。', '5.8%').subject).toBe('江苏省');
    expect(figure('地区生产总值增长5.8%。', '5.8%').subject).toBe('某省');
  });

  it('keeps the figure and sentence ranges exact', () => {
    const text = '一、经济运行。全省地区生产总值增长5.8%，好于预期。';
    const s = figure(text, '5.8%');
    expect(text.slice(s.range.start, s.range.end)).toBe('5.8%');
    expect(text.slice(s.sentenceRange.start, s.sentenceRange.end)).toBe('全省地区生产总值增长5.8%，好于预期。');
    expect(s.sentence).toBe('全省地区生产总值增长5.8%，好于预期。');
  });
});

describe('extractStatistics: work-report wording beyond the sample', () => {
  it('a 分别 after clauses that each gave a figure takes their metrics in order', () => {
    const stats = extract('全年港口货物吞吐量12.6亿吨，集装箱吞吐量3100万标箱，分别增长4.2%和7.5%。');
    expect(stats.slice(2).map((s) => [s.text, s.metric, s.change])).toEqual([['4.2%', '港口货物吞吐量', 'up'], ['7.5%', '集装箱吞吐量', 'up']]);
  });

  it('城乡, 进出口 and 存贷款 name two metrics for a pair of figures', () => {
    expect(extract('城乡居民人均消费支出分别增长4.1%和6.8%。').map((s) => s.metric)).toEqual(['城镇居民人均消费支出', '农村居民人均消费支出']);
    expect(extract('全市本外币存贷款余额分别增长8%和9.5%。').map((s) => s.metric)).toEqual(['本外币存款余额', '本外币贷款余额']);
    // One figure shared by both stays one statistic with the whole phrase.
    expect(extract('城乡居民收入均增长6%。').map((s) => s.metric)).toEqual(['城乡居民收入']);
  });

  it('a threshold noun after the figure (新台阶, 大关) is not what is counted', () => {
    expect(figure('全省粮食总产量跨上700亿斤大关。', '700亿')).toMatchObject({ value: 7e10, unit: '斤', metric: '粮食总产量' });
    const stats = extract('全市经济总量迈上3万亿元新台阶，达到30125亿元。');
    expect(stats.map((s) => s.metric)).toEqual(['经济总量', '经济总量']);
  });

  it('reporting and planning words and price bases are not part of the metric', () => {
    expect(figure('一般公共预算收入完成452亿元。', '452亿').metric).toBe('一般公共预算收入');
    expect(figure('今年财政赤字率拟按3.8%安排。', '3.8%').metric).toBe('财政赤字率');
    expect(figure('农村居民人均可支配收入26000元，扣除价格因素实际增长6.2%。', '6.2%').metric).toBe('农村居民人均可支配收入');
    expect(figure('税收收入380亿元，同口径增长4.4%。', '4.4%').metric).toBe('税收收入');
  });

  it('增产 and 减收 are changes; 占比 is no comparison', () => {
    expect(figure('棉花产量561万吨，增产9.7%。', '9.7%')).toMatchObject({ kind: 'change', change: 'up', metric: '棉花产量' });
    expect(figure('非税收入减收12亿元。', '12亿')).toMatchObject({ kind: 'change', change: 'down', unit: '元' });
    expect(figure('服务业增加值占比提高到56.1%。', '56.1%')).toMatchObject({ kind: 'percent', change: 'up', metric: '服务业增加值占比' });
  });

  it('上调 and 下调 are changes; a share after a copula measures the subject before it', () => {
    expect(figure('城乡居民基础养老金上调3%。', '3%')).toMatchObject({ kind: 'change', change: 'up' });
    expect(figure('存款准备金率下调0.5个百分点。', '0.5个百分点')).toMatchObject({ change: 'down', metric: '存款准备金率' });
    expect(figure('税收收入860亿元，为年初预算的98.7%。', '98.7%')).toMatchObject({ kind: 'percent', metric: '税收收入' });
  });

  it('a per-head base between the verb and the level keeps the direction', () => {
    expect(figure('城乡低保标准提高到每人每月780元。', '780')).toMatchObject({ kind: 'amount', change: 'up', value: 780 });
  });

  it('days counted by a metric in 天数 are a count; ages only when reached', () => {
    expect(figure('全市空气质量优良天数为301天。', '301')).toMatchObject({ kind: 'count', unit: '天', metric: '空气质量优良天数' });
    expect(figure('人均预期寿命达到80.2岁。', '80.2')).toMatchObject({ kind: 'count', unit: '岁', value: 80.2 });
    expect(extract('为3岁以下婴幼儿提供托育服务，关爱60周岁以上老年人。')).toEqual([]);
  });

  it('a scaled figure with no unit takes the measure its metric names', () => {
    expect(figure('全年接待入境游客人次1.2亿。', '1.2亿')).toMatchObject({ value: 1.2e8, unit: '人次', kind: 'count' });
    expect(figure('全省常住人口4650万，比上年减少12万人。', '4650万')).toMatchObject({ unit: '人', metric: '常住人口' });
    expect(extract('项目总投资20亿，建设周期两年。')).toEqual([]);
  });

  it('a unit written once at the end of a list belongs to each figure in it', () => {
    const stats = extract('森林覆盖率达到61.2%，湿地保护率达到55%，分别比上年提高0.3个和1.1个百分点。');
    expect(stats.slice(2).map((s) => [s.text, s.value, s.unit, s.kind, s.change, s.metric])).toEqual([
      ['0.3个', 0.3, '百分点', 'change', 'up', '森林覆盖率'],
      ['1.1个百分点', 1.1, '百分点', 'change', 'up', '湿地保护率'],
    ]);
    expect(extract('新建和改建农村公路分别为1.2万和0.8万公里。').map((s) => [s.value, s.unit])).toEqual([[12000, '公里'], [8000, '公里']]);
    expect(extract('2023和2024年，我们召开会议。')).toEqual([]);
  });

  it('a gap below or above a named level has its direction', () => {
    expect(figure('城镇登记失业率3.1%，低于控制目标0.9个百分点。', '0.9个百分点')).toMatchObject({ kind: 'change', change: 'down' });
  });

  it('a minus sign after a word is a negative figure, not a range', () => {
    expect(figure('人口自然增长率为-1.2‰。', '-1.2‰')).toMatchObject({ value: -1.2, unit: '‰', change: 'down' });
    expect(extract('2021-2025年规划，编号A-3。')).toEqual([]);
  });
});

describe('extractStatistics: what is not a statistic', () => {
  it.each([
    ['dates and years', '2024年1月18日至19日召开全省经济工作会议，2021—2025年规划。'],
    ['slogans and labels with numerals', '坚定拥护“两个确立”、坚决做到“两个维护”，落实“十二个坚持”和中央八项规定精神，谋划“十五五”发展。'],
    ['documents and congresses', '制定《关于加快发展的十条意见》，学习贯彻党的二十届四中全会和二十届中央纪委五次全会精神。'],
    ['list markers', '一、经济运行。（一）加强领导。(1)完善机制。一是稳增长，二是促改革。'],
    ['structure words', '健全省市县乡四级综治中心，在省、市、县三级设立专门机构。'],
    ['hotline numbers', '畅通“12345”政务服务热线，及时处置“110”报警。'],
    ['enumerations summed up', '抓住排查、化解、反馈三个环节，实行一人一档、一案一码。'],
    ['ordinals that are not ranks', '第一时间学习《文选》第一卷，召开第十四届人大第三次会议。'],
    ['durations outside a streak', '过去5年，我们用3年时间完成改革，5年来成效明显。'],
    ['first times and batches', '首次举办进博会分会场，入选首批试点。'],
  ])('%s', (_label, text) => {
    expect(extract(text).map((s) => s.text)).toEqual([]);
  });

  it('figures that refer back to one already given (这9部作品) are not new statistics', () => {
    expect(extract('拍摄了9部短视频，此次大赛即这9部作品的比拼。').map((s) => s.text)).toEqual(['9']);
  });
});

describe('extractStatistics: bad input', () => {
  it('does not crash on very long lines and stays linear', () => {
    const line = '全省地区生产总值增长5.8%，'.repeat(20_000);
    const started = Date.now();
    const stats = extract(line);
    expect(stats).toHaveLength(20_000);
    expect(Date.now() - started).toBeLessThan(10_000); // generous: guards against quadratic blow-ups only
  });

  it('finds nothing in a file of digits only', () => {
    expect(extract('1234567890'.repeat(10_000))).toEqual([]);
  });

  it('reads mixed full- and half-width punctuation and digits', () => {
    const stats = extract('受理案件１２３，４５６件，结案率达９８．５％;办结12,345件.');
    expect(stats.map((s) => [s.value, s.unit])).toEqual([[123456, '件'], [98.5, '%'], [12345, '件']]);
  });

  it('takes no statistic from URLs or HTML markup', () => {
    const text = '<p class="x" data-count="45个" style="width:100%">详见https://www.gov.cn/2024/5678个.html和<a href="/a/12%">链接</a></p>&#12345;';
    expect(extract(text)).toEqual([]);
    const withText = '<p><strong>央视网消息</strong>：全国粮食产量增长1.3%。</p>';
    expect(extract(withText).map((s) => [s.text, s.metric, s.subject])).toEqual([['1.3%', '粮食产量', '全国']]);
  });
});

describe('extractStatistics: news wording', () => {
  it('durations with a half, streaks in months, and growth of tenths', () => {
    expect(figure('重庆到昆明的运行时间将减少至约两个半小时。', '两个半小时')).toMatchObject({ value: 2.5, unit: '小时', kind: 'duration', change: 'down', approx: true });
    expect(figure('核心CPI涨幅连续3个月保持稳定。', '3')).toMatchObject({ value: 3, unit: '月', kind: 'streak' });
    expect(figure('雪场游客数同比增长超九成。', '九成')).toMatchObject({ value: 90, unit: '%', kind: 'change', change: 'up', approx: true });
  });

  it('a noun right after the measure word is what is counted', () => {
    expect(figure('河北崇礼8个滑雪场全面开板。', '8').metric).toBe('全面开板的滑雪场');
    const added = figure('这一年，社区乡村新增了1.1万个助餐点。', '1.1万');
    expect(added).toMatchObject({ kind: 'count', metric: '助餐点' });
  });

  it('a comparison with an earlier rate lends the metric of the figure before', () => {
    const stats = extract('1—2月份投资同比增长5.5%，比去年全年增速加快0.4个百分点。');
    expect(stats.map((s) => [s.text, s.metric, s.change])).toEqual([['5.5%', '投资', 'up'], ['0.4个百分点', '投资增速', 'up']]);
  });

  it('a parenthesis does not cut the metric', () => {
    expect(figure('全省县（市、区）农作物耕种收综合机械化率达到55％。', '55％').metric).toBe('县（市、区）农作物耕种收综合机械化率');
  });
});

describe('extractStatistics: from-to with dates and runs of rankings', () => {
  it('从2020年的X增加到2024年的Y is one change from X', () => {
    const stats = extract('脱贫人口人均纯收入从2020年的10740元增加到2024年的17522元。');
    expect(stats.map((s) => [s.text, s.kind, s.change, s.metric, s.from?.value, s.period])).toEqual([['17522', 'change', 'up', '脱贫人口人均纯收入', 10740, '2024年']]);
  });

  it('a run that continues the figure before takes its metric', () => {
    const stats = extract('研发经费支出增长8.1%、超过3.6万亿元，连续9年位居世界第二位。');
    expect(stats.map((s) => [s.text, s.kind, s.metric])).toEqual([
      ['8.1%', 'change', '研发经费支出'],
      ['3.6万亿', 'amount', '研发经费支出'],
      ['9', 'streak', '研发经费支出'],
      ['二', 'rank', '研发经费支出'],
    ]);
  });

  it('a time at the head of a passage dates the sentences that name none, not a time in the middle', () => {
    expect(extract('2024年，全省粮食增产。油料产量增长3%。').map((s) => s.period)).toEqual(['2024年']);
    expect(extract('全省粮食比2020年增产。油料产量增长3%。').map((s) => s.period)).toEqual([undefined]);
  });
});
