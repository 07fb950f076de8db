/**
 * The metric of a figure: the noun phrase before it in its clause (刑事发案同比下降21.5% → 刑事发案),
 * or, for a count whose verb comes first, what the verb governs (培育20万名法律明白人 → 法律明白人).
 */
import {
  APPROX_BEFORE, BASIS, BASIS_YEAR, DOWN_RATE, DOWN_VERBS, OBJECT_VERBS, PLACES, THRESHOLD_NOUNS, UP_RATE, UP_VERBS,
} from './lexicon';

const NUM = '[0-9０-９〇一二两三四五六七八九十]';
/** Time expressions that set a period, not a metric. */
const TIME_EXPR =
  `(?:[0-9]{4}|[〇一二三四五六七八九]{4})年度?(?:上半年|下半年|前三季度|一季度|全年|年底|年末|底|末|初)?` +
  `|去年|今年|上年|前年|本年|明年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度` +
  `|${NUM}+(?:[—\\-–至到~]${NUM}+)?月份?|近年来|近${NUM}+年来?|过去${NUM}+年|${NUM}+年来|每年|全年|年内|当年|目前|截至目前`;

const LEADING = new RegExp(
  `^(?:${TIME_EXPR}|截至[^，。]{1,12}?(?:年底|年末|月底|月末|底|末)` +
  `|全省|全市|全区|全县|全州|全院|全系统|我省|我市|我区|我县|我国|本市|本省|本区|该院|该市|该省` +
  `|(?:${PLACES.replace('全国|', '')})(?:省|市|自治区)?(?=[\\u4e00-\\u9fa5“0-9])` +
  `|其中|同时|此外|另外|并且|和|及(?!时)|与(?!会)|以及|已经|已|先后|共计|累计|通过|助推|推动|带动` +
  `|扣除价格因素后?|按可比价格计算|[0-9]{1,2}[.．、]\\s*|[（(][一二三四五六七八九十0-9]{1,3}[)）]|作为|成为|一度` +
  `|预计|预期|力争|争取|确保|实现了|实现|进一步|进入|位居|位列|居(?=全|第|前|首|西部|东部|中部)|排名|名列|跻身|、|，|\\s)`,
);

const TRAILING = new RegExp(
  `(?:${APPROX_BEFORE}|${UP_VERBS}|${DOWN_VERBS}|${UP_RATE}|${DOWN_RATE}|${BASIS}|${BASIS_YEAR}` +
  `|新增|达到|达|为|是|至|到|了|共计|共|合计|总计|累计|分别|均|都|仅|只有|有|突破|再|又|也|还|进一步|大幅|持续` +
  `|稳步|逐步|平均|年均|的|由|从|将|首次|已经|已|仍然|仍|依然|继续|稳居|(?:稳定|保持|控制|维持)在|进入|居|位居|位列|排名|名列|跃居|跻身|前|第|连续|创|为期|实现` +
  // Words of reporting and planning, and price bases (完成3862亿元, 拟按3%安排, 同口径增长, 实际增长).
  `|完成|保持|预计|拟按|拟安排|拟|安排|迈上|跨上|站上|实际|名义|同口径|可比口径|按可比价格计算` +
  // 占比 is the metric's own word, not a comparison (税收占比提高到…).
  `|(?<!占)(?:比|较)(?:“[^”]{1,10}”|[^，。“”比较]{0,8}?)(?:末期|末|期间|同期|时期|年|月|水平|以前|之前)` +
  `|(?<!占)(?:比|较)[^，。比较]{1,10}(?:高|低|快|慢|多|少)` +
  `|(?:在)?(?:${TIME_EXPR})|全国|全省|全市|全区|全球|世界|西部|东部|中部|\\s)$`,
);

const LEADING_VERB = new RegExp(`^(?:(?:${OBJECT_VERBS})了?)+`);
const INNER_VERB = new RegExp(`(?:${OBJECT_VERBS})了?`, 'g');
const ONLY_VERBS = new RegExp(`^(?:(?:${OBJECT_VERBS})了?)+$`);

/** Strips time words, places and connectives before, and verbs, bases and markers after. */
export function cleanPhrase(phrase: string): string {
  let text = phrase;
  for (let changed = true; changed && text; ) {
    changed = false;
    const lead = LEADING.exec(text);
    if (lead && lead[0].length > 0) {
      text = text.slice(lead[0].length);
      changed = true;
    }
    const trail = TRAILING.exec(text);
    if (trail && trail[0].length > 0) {
      text = text.slice(0, trail.index);
      changed = true;
    }
  }
  return unwrapQuotes(text);
}

/** “全国百城法治政府建设评估” → 全国百城法治政府建设评估; inner quotes stay (基层“两院”增核员额). */
function unwrapQuotes(text: string): string {
  const m = /^[“"「‘]([^“”"「」‘’]*)[”"」’]$/.exec(text);
  return m ? m[1] : text;
}

/** A ranking's scope alone (位居全国前3位 → 全国) says where, not what. */
const RANK_SCOPE = /^(?:全国|全省|全市|全区|全球|世界|西部|东部|中部|东北|同行业|行业|同类城市)$/;

/** A phrase that names nothing: empty, or a tail of the previous clause (的基础上). */
export function isEmptyPhrase(text: string): boolean {
  return text === '' || /^(?:的|基础上|之后|以后|以来|同时|其中|高于|低于|高出|快于|慢于|比|较)/.test(text) || /^[、，和及与]+$/.test(text) || RANK_SCOPE.test(text);
}

/** What follows a streak when it only says what the run did (连续两年上升, 连续3个月处于…). */
export const PREDICATE_START = new RegExp(`^(?:${UP_VERBS}|${DOWN_VERBS}|处于|保持|实现|位居|稳居|居|低于|高于|超过|成为|获得|获评)`);

/** The phrase after a figure's unit, as far as the clause goes: 9部展现检察履职的短视频 → 展现检察履职的短视频. */
const THRESHOLD_START = new RegExp(`^(?:${THRESHOLD_NOUNS})`);

export function cleanObject(phrase: string): string {
  if (THRESHOLD_START.test(phrase)) return '';
  // 台（套）现代化农机具: a parenthesis right after the unit qualifies the unit, not the noun.
  return phrase.replace(/^[（(][^（）()]{1,4}[）)]/, '').replace(/^(?:的|之)/, '').replace(/(?:的|和|及|与|以及|等|、|\s)+$/, '');
}

/**
 * Chooses the metric of a count or an amount: what its leading verb governs, joined with the noun
 * after the figure (推出…服务营商环境建设40条措施 → …服务营商环境建设措施).
 */
export function countMetric(before: string, after: string): string {
  if (before === '' || ONLY_VERBS.test(before)) return after || before;
  const verb = LEADING_VERB.exec(before);
  if (verb && after && after.length <= 6 && before.length - verb[0].length >= 2) return before.slice(verb[0].length) + after;
  // 河北崇礼8个滑雪场, 新增了1.1万个助餐点: a noun right after the measure word is what is counted.
  if (after) return after;
  // 按照…要求建设四级综治中心1377个: the metric is what the last action verb governs.
  let object = before;
  for (let m = INNER_VERB.exec(before); m; m = INNER_VERB.exec(before)) {
    const rest = before.slice(m.index + m[0].length);
    if (rest.length >= 2 && !rest.startsWith('的')) object = rest;
  }
  INNER_VERB.lastIndex = 0;
  return object;
}
