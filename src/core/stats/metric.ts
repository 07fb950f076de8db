/**
 * The metric of a figure: the noun phrase before it in its clause (刑事发案同比下降21.5% → 刑事发案),
 * or, for a count whose verb comes first, what the verb governs (培育20万名法律明白人 → 法律明白人).
 */
import {
  APPROX_BEFORE, BASIS, BASIS_YEAR, DOWN_RATE, DOWN_VERBS, DRIVE_VERBS, EMPTY_VERBS, NOUN_VERBS, OBJECT_VERBS, PLACES, THRESHOLD_NOUNS, UP_RATE, UP_VERBS, VERB_ADVERBS,
} from './lexicon';

const NUM = '[0-9０-９〇一二两三四五六七八九十]';
/** Time expressions that set a period, not a metric. */
const TIME_EXPR =
  `(?:[0-9]{4}|[〇一二三四五六七八九]{4})年度?(?:上半年|下半年|前三季度|一季度|全年|年底|年末|底|末|初)?` +
  `|今年以来|去年|今年|上年|前年|本年|明年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|前${NUM}+个月` +
  `|${NUM}+(?:[—\\-–至到~]${NUM}+)?月份?|近年来|近${NUM}+年来?|过去${NUM}+年|${NUM}+年来|每年|全年|年内|当年|目前|截至目前` +
  `|年末|年底|年初|[0-9]{1,2}日|[\\u4e00-\\u9fff]{2}期间`;

const LEADING = new RegExp(
  `^(?:(?:${TIME_EXPR})的?|截至[^，。]{1,12}?(?:年底|年末|月底|月末|底|末)|这里的|当地的` +
  `|全省|全市|全区|全县|全州|全院|全系统|我省|我市|我区|我县|我国|本市|本省|本区|该院|该市|该省` +
  `|(?:${PLACES.replace('全国|', '')})(?:省|市|自治区)?(?=[\\u4e00-\\u9fa5“0-9])` +
  `|其中|同时|此外|另外|并且|和|及(?!时)|与(?!会)|以及|已经|已|共有|先后|共计|累计|通过|助推|推动|带动` +
  `|(?:位于|落户|地处|坐落于|总部位于|来自)[^，。；、]{1,12}?的` +
  `|扣除价格因素后?|按可比价格计算|[0-9]{1,2}[.．、]\\s*|[（(][一二三四五六七八九十0-9]{1,3}[)）]|作为|成为|一度` +
  `|预计|预期|力争|争取|确保|实现了|实现|进一步|进入|位居|位列|居(?=全|第|前|首|西部|东部|中部)|排名|名列|跻身|、|，|\\s)`,
);

const TRAILING = new RegExp(
  `(?:${APPROX_BEFORE}|${UP_VERBS}|${DOWN_VERBS}|${UP_RATE}|${DOWN_RATE}|${BASIS}|${BASIS_YEAR}` +
  `|新增|达到|达|为|是|至|到|了|共计|共|合计|总计|累计|分别|均|都|仅|只有|有|突破|再|又|也|还|进一步|大幅|持续|(?:每[人户亩年月天日])+|人均|户均` +
  `|稳步|逐步|平均|年均|的|由|从|将|首次|已经|已|仍然|仍|依然|继续|稳居|(?:稳定|保持|控制|维持)在|进入|居|位居|位列|排名|名列|跃居|跻身|前|第|连续|创|为期|实现` +
  // Words of reporting and planning, and price bases (完成3862亿元, 拟按3%安排, 同口径增长, 实际增长).
  `|完成|保持|预计|拟按|拟安排|拟|安排|迈上|跨上|站上|实际|名义|同口径|可比口径|按可比价格计算` +
  // 占比 is the metric's own word, not a comparison (税收占比提高到…).
  `|(?<!占)(?:比|较)(?:“[^”]{1,10}”|[^，。“”比较]{0,8}?)(?:末期|末|期间|同期|时期|年|月|水平|以前|之前)` +
  `|(?<!占)(?:比|较)[^，。比较]{1,10}(?:高|低|快|慢|多|少)` +
  `|(?:在)?(?:${TIME_EXPR})|(?<!占)(?:全国|全省|全市|全区|全球|世界)|西部|东部|中部|\\s)$`,
);

/** Verbs a metric is cut at: those it keeps (审结, 建成) and those that only say a quantity was reached (完成). */
const ANY_VERB = `${OBJECT_VERBS}|${EMPTY_VERBS}`.split('|').sort((a, b) => b.length - a.length).join('|');
/**
 * The characters TRAILING's words end with: those of its word lists, of the time words, and of its
 * patterns (比上年末, 比…多, 稳定在, 每人每年, 全国, 西部, a space).
 */
const TRAILING_END = new Set(
  [
    ...[APPROX_BEFORE, UP_VERBS, DOWN_VERBS, UP_RATE, DOWN_RATE, BASIS].flatMap((words) => words.split('|')).map((word) => word.at(-1) ?? ''),
    ...'新增达到为是至了共计合总累分别均都仅只有突破再又也还进一步大幅持续人户亩年月天日稳逐平的由从将首次已经仍然依继居在入列名排跃跻身前第连续创期实现完成保预计拟按安排迈上跨站际义口径算',
    ...'末底期间同时平以之高低快慢多少度半季初份来内当目国省市区球界部 \t\n\r\u3000',
  ].map((c) => c.charCodeAt(0)),
);
/** Longer than any word TRAILING strips (比上年同期, 比“十三五”末期, 在2024年上半年, 每人每年), with the character its look-behinds read. */
const MAX_TRAILING = 16;
const LEADING_VERB = new RegExp(`^(?:(?:${ANY_VERB})了?)+`);
/** A verb right before an organ's head is part of its name (新疆生产建设兵团, 建设银行): no verb to cut at. */
const INNER_VERB = new RegExp(`(?:${ANY_VERB})了?(?!兵团|银行|集团|公司|局|厅|委|部|中心)`, 'g');
const LEADING_EMPTY = new RegExp(`^(?:(?:${EMPTY_VERBS})了?)+`);
const LEADING_ADVERB = new RegExp(`^(?:${VERB_ADVERBS})`);
/** Nouns that make a verb before them part of the name of a measure (办理数量, 审结率, 审批时间). */
const MEASURE_NOUN = /^(?:数量|总量|总数|件数|人数|次数|数|量|率|时间|时长|金额|规模)$/;
/** Words that stay with the verb after them: manner (紧急转移), and a stage of a procedure (诉前调解, 事中监管). */
const MANNER_BEFORE = /(?:紧急|主动|集中|新|[诉审庭判访事][前中后])$/;
/** A verb with nothing it governs (修改78件, 紧急转移2.2万人): the noun is the one counted before. */
const ONLY_VERBS = new RegExp(`^(?:${VERB_ADVERBS})?(?:(?:${ANY_VERB})了?)+$`);
const ONLY_KEPT_VERBS = new RegExp(`^(?:${VERB_ADVERBS})?(?:(?:${OBJECT_VERBS}|${NOUN_VERBS})了?)+$`);

/** Strips time words, places and connectives before, and verbs, bases and markers after. */
export function cleanPhrase(phrase: string): string {
  // 占到了全国的: the share's base stays (占全国), the verb's endings go.
  let text = phrase.replace(/占(?:到了?|了)/g, '占');
  for (let changed = true; changed && text; ) {
    changed = false;
    const lead = LEADING.exec(text);
    if (lead && lead[0].length > 0) {
      text = text.slice(lead[0].length);
      changed = true;
    }
    // TRAILING ends at $, which a regex finds only by trying every start: try the last characters
    // only, and only when the last one can end one of its words.
    const tailStart = Math.max(0, text.length - MAX_TRAILING);
    const trail = TRAILING_END.has(text.charCodeAt(text.length - 1)) ? TRAILING.exec(tailStart === 0 ? text : text.slice(tailStart)) : null;
    if (trail && trail[0].length > 0) {
      text = text.slice(0, tailStart + trail.index);
      changed = true;
    }
  }
  // A reporting clause in front names who speaks, not what is measured (…委员会20日宣布将联邦基金利率…).
  const reported = /^(?:.*?(?:宣布|表示|称)(?:将|把)|.+?宣布)/.exec(text);
  if (reported && text.length - reported[0].length >= 2) text = text.slice(reported[0].length);
  // 合计进出口, 共计投入: an adverb of summing inside the phrase is no part of the name.
  return unwrapQuotes(text).replace(/(?<=[\u4e00-\u9fff”])(?:合计|共计|总计|累计)(?=[\u4e00-\u9fff])/g, '');
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

/**
 * What follows a streak when it only says how its metric moved or stood (连续两年上升, 连续3个月处于…,
 * 连续10年位居全球第一); a run of its own (连续5年获评…省份) names its metric after it.
 */
export const MOVEMENT_START = new RegExp(`^(?:${UP_VERBS}|${DOWN_VERBS}|处于|保持|稳定|维持|控制|位居|稳居|居|低于|高于|超过|快于|慢于)`);
/** Verbs of two characters or more: a single 降 or 增 inside a noun (强降水) is no verb. */
const longVerbs = (verbs: string): string => verbs.split('|').filter((v) => v.length >= 2).join('|');

/**
 * Words that start what a clause says of the noun counted before them: 5位科学家|增选为两院院士,
 * 8000个项目|参展, 近四成受访者|每月至少参加…
 */
const PREDICATE_HEAD = new RegExp(
  `(?:已经|已|(?<![平日人户年月])均|都|将|正在|每[年月周天日]|至少|全部|全面|被(?![\u4e00-\u9fff]{1,2}人)|主动|采取|受到|重整|赶赴|前往|表示|认为|愿意|希望|入选|当选|增选为|增选|成为|获评|荣获|获得|评为|认定为|入围|` +
    `进入|跻身|参展|参加|参与|参赛|受益|享受|出现|达到|通过|开通|开板|高于|低于|快于|慢于|位居|纳入|列入|保持|落户|上榜|` +
    `使用|用上|用到|采用|选择|购买|拥有|持有|加入|接受|享有|实现|完成|${longVerbs(UP_VERBS)}|${longVerbs(DOWN_VERBS)})`,
);
const APPROX_TAIL = new RegExp(`(?:${APPROX_BEFORE})$`);
/** A time or a manner adverbial also opens the predicate (10万名公务员当地时间15日举行罢工). */
const ADVERBIAL = /当地时间|今天|昨天|当天|当日|日前|近日|[0-9]{1,2}日|去年|今年|上年|上半年|下半年|前[两三四五六七八九十0-9]{1,2}个月|乘[^，。]{1,3}抵达/;

/**
 * The noun a count measures, from the words after its unit to the clause end or, when
 * `cutByFigure`, the next figure: the noun alone, or — when the clause goes on to say something of
 * it — that as a noun phrase (5位科学家增选为两院院士 → 增选为两院院士的科学家; 57个县（市）地区生产总值
 * 增速高于全省平均水平 → 地区生产总值增速高于全省平均水平的县（市）). Before another figure the words
 * that belong to it are left out (50多个国家和地区近3000家 → 国家和地区; 7轮强降水和“桦加沙”等3个台风 → 强降水).
 */
export function objectPhrase(words: string, cutByFigure: boolean): { phrase: string; nounEnd: number } {
  // 帐篷2600顶、折叠床5000张等救灾物资: 等 sums up the list; it is not what the figure counts.
  if (words.startsWith('等')) return { phrase: '', nounEnd: 0 };
  let text = words;
  if (cutByFigure) {
    text = text.replace(APPROX_TAIL, '');
    if (/等$/.test(text)) text = text.replace(/(?:和|及|与|以及|、)[^和及与、]*等$/, '').replace(/等$/, '');
  }
  let at = text.length;
  const paren = /^([^（(]+[（(][^（）()]{1,8}[）)])/.exec(text);
  if (paren) {
    at = paren[1].length;
  } else {
    const verb = PREDICATE_HEAD.exec(text);
    const adverbial = ADVERBIAL.exec(text);
    const predicate = verb && (!adverbial || verb.index <= adverbial.index) ? verb : adverbial;
    if (predicate && predicate.index > 0) {
      // 受访者对国内消费环境总体表示满意: a preposition before the verb opens the predicate.
      const preposition = /[对在向为]/.exec(text.slice(2, predicate.index));
      at = preposition ? preposition.index + 2 : predicate.index;
    }
  }
  const noun = cleanObject(text.slice(0, at));
  const rest = text.slice(at).replace(/(?:的|了|和|等|\s)+$/, '');
  // Only a short predicate reads well in front of its noun; a long one is another statement.
  const phrase = noun && rest && rest.length <= 18 && !/[0-9]/.test(rest) ? attributive(rest, noun) : noun;
  return { phrase, nounEnd: at };
}

/**
 * The topic of the clause before a figure's clause: its noun phrase before its verb
 * (2022年粮食产量再创新高 → 粮食产量), for a run that names no metric of its own.
 */
export function clauseTopic(before: string): string {
  const clauses = before.split(/[，,；;、\s]+/).filter((c) => c !== '');
  const last = cleanPhrase(clauses[clauses.length - 1] ?? '');
  const verb = new RegExp(`(?:再创|创|再次|首次|实现|${PREDICATE_HEAD.source})`).exec(last);
  const topic = verb ? last.slice(0, verb.index) : last;
  return topic.length >= 2 && topic.length <= 16 ? topic : '';
}

const SHORT_RATE = /^([\u4e00-\u9fff]{2,4})率$/;

/** Verbs whose rate names no object of its own: 化解率, 吸附率, 办结率 (失业率, 出生率 do). */
const OBJECT_RATE = /^(化解|吸附|办结|结案|执结|调解|受理|查处|处置|回复|答复|整改|破案|侦破|审结)率$/;

/**
 * A rate that names no object takes the object of the figure before it in the sentence:
 * 矛盾纠纷134.6万件、化解率99.8% → 矛盾纠纷化解率; 矛盾纠纷吸附率99.8%、化解率98.6% → 矛盾纠纷化解率.
 */
export function completeRate(metric: string, previous: string | undefined): string {
  if (!previous) return metric;
  if (!OBJECT_RATE.test(metric)) {
    // 基本养老保险参保人数…，参保率95%: a short rate whose action the figure before names is that figure's.
    const stem = SHORT_RATE.exec(metric)?.[1];
    const at = stem ? previous.indexOf(stem) : -1;
    return at > 0 ? previous.slice(0, at) + metric : metric;
  }
  const sibling = /^(.*?)(?:化解|吸附|办结|结案|执结|调解|受理|查处|处置|回复|答复|整改|破案|侦破|审结)率$/.exec(previous);
  const base = sibling ? sibling[1] : previous;
  // 基层排查矛盾纠纷 → 矛盾纠纷: the object is what the last verb governs.
  let object = base;
  for (const m of base.matchAll(INNER_VERB)) {
    const rest = base.slice(m.index + m[0].length);
    if (rest.length >= 2) object = rest;
  }
  return object.length >= 2 && !/[0-9%]/.test(object) ? object + metric : metric;
}

/** The phrase after a figure's unit, as far as the clause goes: 9部展现检察履职的短视频 → 展现检察履职的短视频. */
const THRESHOLD_START = new RegExp(`^(?:${THRESHOLD_NOUNS})`);

export function cleanObject(phrase: string): string {
  if (THRESHOLD_START.test(phrase)) return '';
  // 台（套）现代化农机具: a parenthesis right after the unit qualifies the unit, not the noun.
  return phrase.replace(/^[（(][^（）()]{1,4}[）)]/, '').replace(/^(?:的|之)/, '').replace(/(?:的|和|及|与|以及|等|、|\s)+$/, '');
}

/**
 * Chooses the metric of a count or an amount: the verb with what it governs, joined with the noun
 * after the figure (培育20万名法律明白人 → 培育法律明白人; 推出…服务营商环境建设40条措施 → 推出服务营商环境建设措施);
 * words in front of the verb (a subject, an adverbial) are dropped.
 */
export function countMetric(before: string, after: string): string {
  if (before === '') return after;
  const kept = (phrase: string): string => phrase.replace(LEADING_EMPTY, '');
  if (ONLY_VERBS.test(before)) return kept(before) + after;
  const verb = LEADING_VERB.exec(before);
  if (verb && after && after.length <= 6 && before.length - verb[0].length >= 2) return kept(before) + after;
  const last = lastVerbs(before);
  // 紧急转移安置群众, 诉前调解成功纠纷: an adverb of manner or a stage stays with its verb.
  if (last) last.start -= MANNER_BEFORE.exec(before.slice(0, last.start))?.[0].length ?? 0;
  // 四川省消防救援总队调派412名指战员: the verb right before the figure governs the noun after it.
  if (after) return last && last.end === before.length ? kept(before.slice(last.start)) + after : after;
  // 按照…要求建设四级综治中心1377个: the metric is the last action and what it governs; in
  // 行政执法案件办理数量 the verb only names what is measured.
  const object = last ? before.slice(last.end) : '';
  return last && object.length >= 2 && !object.startsWith('的') && !MEASURE_NOUN.test(object) ? kept(before.slice(last.start)) : before;
}

/** The last run of verbs in a phrase: 全年各类调解组织|调解|矛盾纠纷, |新建改扩建|公办幼儿园. */
function lastVerbs(text: string): { start: number; end: number } | undefined {
  let run: { start: number; end: number } | undefined;
  INNER_VERB.lastIndex = 0;
  for (let m = INNER_VERB.exec(text); m; m = INNER_VERB.exec(text)) {
    run = run && run.end === m.index ? { start: run.start, end: m.index + m[0].length } : { start: m.index, end: m.index + m[0].length };
  }
  return run;
}

/** A metric that is only a verb (修改, 审结, 紧急转移): it counts the noun of the count before it. */
export function isVerbOnly(metric: string): boolean {
  return ONLY_KEPT_VERBS.test(metric);
}

/** What a verb-and-object metric counts: 清理文件 → 文件, 受理执行案件 → 执行案件; undefined without a leading verb. */
export function objectOf(metric: string): string | undefined {
  // 现有员额法官: what is counted is the 员额法官.
  if (/^(?:现有|拥有)/.test(metric)) return metric.slice(2);
  const adverb = LEADING_ADVERB.exec(metric)?.[0].length ?? 0;
  const verb = LEADING_VERB.exec(metric.slice(adverb));
  const object = verb ? metric.slice(adverb + verb[0].length) : '';
  return object !== '' && !ONLY_VERBS.test(object) ? object : undefined;
}

/** A share whose clause names only 占 (其中35岁以下的占18.5%, 占47.4%) is a share of the figure before. */
export function shareOf(metric: string, before: string): string | undefined {
  if (before === '') return undefined;
  // 税收收入764亿元，占比67.9%; 增长18.3%，对工业增长的贡献率: the share or effect of the figure before.
  if (/^(?:占比|比重)$/.test(metric)) return before + metric;
  // …占整体出口金额的比重提升至42.9%，对汽车出口增长贡献率达到51.6%: the contribution is of the share's part.
  if (/^对[\u4e00-\u9fff]{2,12}?的?(?:贡献率|贡献|拉动)$/.test(metric)) return before.replace(/占.*$/, '') + metric;
  // 约占全国总产量的七分之一: the share of the figure before in a whole the clause names.
  const whole = /^(?:约|近|超过|接近|仅)?占(.{2,})$/.exec(metric);
  if (whole) return `${before}占${whole[1]}`;
  const share = /^(.*?)的?占$/.exec(metric);
  if (!share) return undefined;
  return share[1] ? `${attributive(share[1], objectOf(before) ?? before)}占比` : `${before}占比`;
}

/** A qualifier before its noun: with 的 (增选为两院院士的科学家), without after a bound (35岁以下员额法官). */
export function attributive(qualifier: string, noun: string): string {
  return /(?:以上|以下|以内|以外)$/.test(qualifier) ? qualifier + noun : `${qualifier}的${noun}`;
}

/** 相关 at the start of a metric or right after its verb (审结相关案件), not after a noun (网络消费相关案件). */
const RELATED = new RegExp(`^(?:(?:${VERB_ADVERBS})?(?:${OBJECT_VERBS}|${EMPTY_VERBS})了?)?相关(?=[\\u4e00-\\u9fff])`);
const DRIVE_LEAD = new RegExp(`^(?:${VERB_ADVERBS})?(?:${DRIVE_VERBS})`);

/**
 * 相关 refers to what the clause before the figure's is about: the object of its verb (严惩侵害
 * 未成年人犯罪，审结相关案件 → 审结侵害未成年人犯罪案件; 打击诈骗犯罪，起诉相关犯罪嫌疑人 → 起诉诈骗犯罪嫌疑人).
 */
export function resolveRelated(metric: string, before: string): string {
  const related = RELATED.exec(metric);
  if (!related) return metric;
  // The clause right before, if it is a drive (严惩…, 打击…) that gives no figure.
  const last = /([^，,；;]*)[，,；;\s]*$/.exec(before)?.[1].trim() ?? '';
  const lead = DRIVE_LEAD.exec(last);
  const topic = lead && !/[0-9０-９]/.test(last) ? cleanPhrase(last.slice(lead[0].length)) : '';
  if (topic.length < 2 || topic.length > 16) return metric;
  // 诈骗犯罪 + 犯罪嫌疑人: the words they share are written once.
  const at = related[0].length - 2;
  const noun = metric.slice(at + 2);
  let shared = Math.min(topic.length, noun.length);
  while (shared > 0 && !topic.endsWith(noun.slice(0, shared))) shared--;
  return metric.slice(0, at) + topic + noun.slice(shared);
}
