/**
 * The words around a figure that decide whether it is a statistic and of which kind. Lists are
 * alternations for RegExp, longest first where one word is a prefix of another.
 */

const alt = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');

export const PERCENT_UNITS = alt(['%', '％', '‰', '个百分点', '百分点']);

export const MONEY_UNITS = alt(['元', '美元', '欧元', '港元', '港币', '日元', '英镑', '人民币', '元人民币', '澳元', '韩元', '卢布']);

/** Time units: a figure in them is a statistic only in a streak, duration or change construction. */
export const TIME_UNITS = alt(['年', '个月', '月', '个季度', '季度', '周', '天', '日', '个工作日', '工作日', '小时', '个小时', '分钟', '秒']);

/** Measure words and units of physical quantities (counts in the unit as written). */
export const COUNT_UNITS = alt([
  '个', '份', '次', '名', '人', '件', '家', '所', '部', '项', '条', '场', '户', '座', '台', '辆', '艘', '架',
  '起', '宗', '批', '篇', '本', '册', '张', '套', '处', '支', '间', '栋', '幢', '只', '头', '株', '棵', '种',
  '类', '轮', '门', '笔', '例', '枚', '颗', '位', '片', '块', '根', '趟', '列', '班',
  '人次', '件次', '场次', '户次', '辆次', '架次', '艘次', '班次', '车次', '家次', '批次', '起次', '万人次',
  '吨', '千克', '公斤', '克', '斤', '公里', '千米', '米', '平方米', '平方公里', '平方千米', '公顷', '亩',
  '千瓦时', '千瓦', '兆瓦', '吉瓦', '万千瓦', '兆瓦时', '吉瓦时', '太瓦时', '度', '立方米', '标箱', '标准箱', '载重吨', '总吨', '修正总吨', '升', '毫升',
  '千公顷', '顶', '盏', '副', '桶', '箱', '袋', '瓶', '盒', '双', '首', '幅', '剂', '剂次', '床',
  '倍', '微克/立方米', '毫克/升', 'GW', 'MW', 'kW', 'km', 'TEU', '岁', '周岁',
]);

/** Ages: a level reached (人均预期寿命达到78.6岁), but more often a bracket (60岁以上老年人). */
export const AGE_UNITS = new Set(['岁', '周岁']);

/**
 * Words naming two metrics at once, in the order their figures follow (城乡居民收入分别达到
 * x元和y元 → 城镇 x, 农村 y).
 */
export const PAIRED_WORDS: Record<string, [string, string]> = {
  城乡: ['城镇', '农村'],
  进出口: ['进口', '出口'],
  存贷款: ['存款', '贷款'],
  产销: ['产量', '销量'],
  产销量: ['产量', '销量'],
};

/** Nouns after a figure that name a threshold, not what is counted (迈上5万亿元新台阶). */
export const THRESHOLD_NOUNS = alt(['新台阶', '台阶', '大关', '关口', '新高', '新水平']);

/** Verbs that move a figure: a growth or an absolute increment when directly before it. */
export const UP_VERBS = alt(['增长', '增加', '上升', '提高', '提升', '上涨', '增', '涨', '升', '扩大', '攀升', '跃升', '多增', '回升', '净增', '加快', '增长了', '提高了', '增产', '增收', '上调', '调增', '上浮']);
export const DOWN_VERBS = alt(['下降', '减少', '降低', '下跌', '回落', '压降', '压减', '缩减', '缩小', '缩短', '下滑', '降', '减', '收窄', '压缩', '减轻', '少增', '放缓', '下降了', '减少了', '减产', '减收', '下调', '调减', '下浮']);
/** Words that say the following figure is a rate of change (增速为5%). */
export const UP_RATE = alt(['增幅', '增速', '涨幅', '增长率', '高于', '高出', '提速']);
export const DOWN_RATE = alt(['降幅', '跌幅', '低于']);

/** Comparison bases, as written. */
export const BASIS = alt([
  '同比', '环比', '比上年同期', '比上年', '较上年同期', '较上年', '比去年同期', '比去年', '较去年同期', '较去年',
  '比上年末', '较上年末', '比年初', '较年初', '比上月', '较上月', '比上个月', '较上个月', '比上季度', '较上季度', '比上周', '较上周',
]);
export const BASIS_YEAR = '(?:比|较)(?:[0-9]{4}|上|去)年(?:末|底|同期)?';

/** Markers of approximation directly before a figure. */
export const APPROX_BEFORE = alt(['约', '近', '超', '超过', '逾', '接近', '将近', '大约', '约为', '不到', '不足', '达约', '约合', '近于']);
/** Markers of approximation directly after a figure (or after its unit). */
export const APPROX_AFTER = alt(['余', '多', '左右', '以上', '上下', '之多', '许', '有余']);

/** Provincial-level places, for the subject of a statistic named in its sentence. */
export const PLACES = alt([
  '全国', '北京', '天津', '上海', '重庆', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西',
  '甘肃', '青海', '宁夏', '新疆', '香港', '澳门', '台湾',
]);

/**
 * A body named in the text: an administrative place (up to six characters ending in 省/市/县/区/州)
 * and a political-legal or government organ, e.g. 安徽省东至县检察院, 静安区人民法院, 杭州市公安局.
 */
export const ORGANISATION_RE = /[\u4e00-\u9fff]{1,6}?[省市县区州](?:人民)?(?:检察院|法院|公安局|公安厅|司法局|司法厅|委政法委|政法委|人民政府|政府)/g;

/**
 * Verbs whose object is what a count or an amount measures (建成2家中心, 制定法规规章17部, 审结案件6.8万件).
 * The metric is the verb with what it governs: 受理案件 and 审结案件, 修改文件 and 废止文件 are different
 * quantities, so the verb stays; words in front of it (a subject, an adverbial) go. Verbs that also end
 * common nouns (服务 of 政务服务, 处理 of 污水处理厂, 检查 of 安全检查) are left out.
 */
export const OBJECT_VERBS = alt([
  '建成', '建设', '新建', '改建', '改造', '修建', '新改建', '扩建', '改扩建', '新改扩建', '新建改扩建', '推出', '培育', '制定', '修订', '出台',
  '发布', '开展', '举办', '组织', '设立', '成立', '组建', '打造', '引进', '培训', '招录', '录用', '帮助', '带动', '下发',
  '印发', '处置', '排查', '整治', '受理', '办理', '审结', '执结', '办结', '审理', '审核', '审议', '提请', '起诉', '批捕', '判处', '查处',
  '侦破', '破获', '抓获', '打掉', '摧毁', '挽回', '追缴', '追回', '发放', '救助', '安置', '接待', '解决', '化解', '调解', '创成',
  '创建', '评选', '认定', '拍摄', '实施', '落实', '投入', '投放', '下达', '拨付', '筹集', '减免', '提供', '培养', '选派', '派出', '调派', '调拨', '吸纳', '签约', '签订', '引入', '收集', '接入', '汇聚', '汇集',
  '修改', '废止', '清理', '宣布失效', '撤销', '采纳', '收到', '交付', '转移', '搜救', '惠及', '批准', '核发', '约谈', '抽检',
]);
/** Verbs that only say a quantity was reached (完成集装箱吞吐量, 累计建成, 实现产值): cut, never kept. */
export const EMPTY_VERBS = alt(['完成', '实现', '推动', '统筹推动', '助推', '吸引', '安排', '集聚', '聚集', '拥有', '共有']);
/** Verbs that are nouns as well (出口 of 进出口总值): never cut at, but a count of them alone still borrows its noun. */
export const NOUN_VERBS = alt(['出口', '进口']);
/** Adverbs a verb of OBJECT_VERBS can carry in front (紧急转移2.2万人, 依法判处). */
export const VERB_ADVERBS = alt(['紧急', '依法', '主动', '先后', '共', '累计', '再', '已', '新']);
/** Verbs of a drive a clause is about (严惩侵害未成年人犯罪，审结相关案件…): what they govern is what 相关 refers to. */
export const DRIVE_VERBS = alt(['严惩', '惩治', '严厉打击', '打击', '严打', '防范', '治理', '整治', '聚焦', '针对', '加强', '深化', '推进']);
