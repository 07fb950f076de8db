/**
 * Places and bodies a statistic can be about, as data: provincial-level places with their full
 * names, countries and economic areas, and the national bodies whose figures are the country's.
 */

/** Short name → full name of China's provincial-level places (湖北 → 湖北省, 重庆 → 重庆市). */
export const PROVINCES: Record<string, string> = {
  北京: '北京市', 天津: '天津市', 上海: '上海市', 重庆: '重庆市',
  内蒙古: '内蒙古自治区', 广西: '广西壮族自治区', 西藏: '西藏自治区', 宁夏: '宁夏回族自治区', 新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区', 澳门: '澳门特别行政区', 台湾: '台湾省',
  ...Object.fromEntries(
    ['河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海']
      .map((p) => [p, `${p}省`]),
  ),
};

/** Countries and economic areas that news reports figures of. */
export const COUNTRIES = [
  '美国', '日本', '韩国', '朝鲜', '英国', '法国', '德国', '意大利', '西班牙', '葡萄牙', '荷兰', '比利时', '瑞士', '瑞典', '挪威', '芬兰', '丹麦',
  '波兰', '奥地利', '希腊', '爱尔兰', '俄罗斯', '乌克兰', '白俄罗斯', '土耳其', '以色列', '伊朗', '伊拉克', '沙特阿拉伯', '沙特', '阿联酋', '卡塔尔',
  '埃及', '南非', '尼日利亚', '肯尼亚', '埃塞俄比亚', '印度', '巴基斯坦', '孟加拉国', '斯里兰卡', '尼泊尔', '哈萨克斯坦', '乌兹别克斯坦', '蒙古国',
  '越南', '老挝', '柬埔寨', '泰国', '缅甸', '马来西亚', '新加坡', '印度尼西亚', '印尼', '菲律宾', '澳大利亚', '新西兰', '加拿大', '墨西哥',
  '巴西', '阿根廷', '智利', '秘鲁', '哥伦比亚', '委内瑞拉', '古巴',
  '欧元区', '欧盟', '东盟', '非盟', '二十国集团', '七国集团',
];

/**
 * Bodies that speak for the whole country: their figures are the country's (全国) unless the
 * sentence names a place. Ministries are matched by their 部 ending (商务部, 农业农村部).
 */
export const NATIONAL_BODY = /国务院(?![\u4e00-\u9fff]{0,6}?(?:局|署|委|办|部))|中共中央|党中央|全国人大|全国政协|(?:国家|国务院|中央|全国|中国)[\u4e00-\u9fff]{0,10}?(?:局|署|委员会|委|院|办公室|办|部|会|中心|银行)|海关总署|[\u4e00-\u9fff]{2,7}?部(?=[^\u4e00-\u9fff]|获悉|了解|消息|发布|公布|数据|新闻|今天|日前|近日|介绍|表示|通报|最新|统计)/;

/** The heads of an organisation's name (局, 法院, 检察院 …), for a body named with its place in front. */
export const ORGAN_HEADS = '中级人民法院|高级人民法院|人民法院|法院|人民检察院|检察院|公安局|公安厅|司法局|司法厅|委政法委|政法委|人民政府|政府|委员会|办公室|局|厅|委';
