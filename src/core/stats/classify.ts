/**
 * Whether a figure is a statistic and of which kind, by the words around it (STATISTICS.md):
 * verbs of change and movement, rate words, ranks, streaks, and the labels to leave out.
 */
import type { StatisticKind } from '../model';
import { AGE_UNITS, APPROX_BEFORE, DOWN_RATE, DOWN_VERBS, UP_RATE, UP_VERBS } from './lexicon';
import type { Token } from './tokens';

const STREAK_AFTER = /^(?:年|个月|月|个季度|季度|天|周|届|次)/;
/** Verbs that make a Chinese-numeral count a quantity (建成两个), not a label (两个维护). */
const QUANTITY_CONTEXT = /(?:共|达|达到|有|建成|新建|新增|增加|减少|累计|设立|成立|组建|打造|培育|引进|获得|获|创建|建设|完成|举办|开展|出台|制定|发布|推出|覆盖|涉及|包括|拥有|超|超过|近|约|增至|降至|为|办理|审结|查处)$/;
const NOT_AFTER_COUNT = /^(?:全会|会议|党代会|代表大会|一体|[一二两三四五六七八九十]|年)/;

export interface Classified {
  kind: StatisticKind;
  unit: string;
  change?: 'up' | 'down';
  /** The figure carries its own verb of change (so it does not inherit the previous one's). */
  ownChange: boolean;
  approx: boolean;
  from?: Token;
  fromStart?: number;
}

const APPROX_END = new RegExp(`(?:${APPROX_BEFORE})$`);
const RACE_BEFORE = /(?:男子|女子|混合|男女|[0-9]×)$/;
const RACE_AFTER = /^(?:自由泳|蝶泳|蛙泳|仰泳|个人混合泳|混合泳|栏|跑|接力|短跑|跨栏|竞走|障碍|决赛|半决赛|预赛|项目)/;
const GAP = /(?:(高于|快于|高出|多于)|(低于|慢于|少于))[^，。；、0-9]{0,10}$/;
const METRIC_MEASURE = /(人次|件次|户次|辆次|架次|艘次|人数|人口)(?:达到|达|为|是|共|有)?$/;
const LEVEL_VERB = new RegExp(`(?:(${UP_VERBS}|提升|延长|扩大)|(${DOWN_VERBS}))了?(?:至|到)$`);
const CHANGE_VERB = new RegExp(`(?:(${UP_VERBS})|(${DOWN_VERBS}))了?$`);
const RATE_WORD = new RegExp(`(?:(${UP_RATE}|(?<!占)(?:比|较)[^，。比较]{1,10}(?:高|快|多))|(${DOWN_RATE}|(?<!占)(?:比|较)[^，。比较]{1,10}(?:低|慢|少)))(?:全国平均水平|全国|全省|全市|平均水平|同期)?(?:为|达|达到|是)?$`);
/** Words between a verb of movement and its level: a time (增加到2024年的…) or a per-head base (提高到每人每月203元). */
const QUALIFIER_END = /(?:(?:19|20)[0-9]{2}年(?:底|末)?|去年|上年|今年|(?:每[人户亩年月天日])+|人均|户均)的?$/;
/** 由 or 从 opening "from X", with a time qualifier (从2020年的10740元). */
const MOVE_START = /(由|从)(?:(?:19|20)[0-9]{2}年(?:底|末)?的?|去年的?|上年的?)?$/;

/** Decides whether a token is a statistic and of which kind; undefined when it is not one. */
export function classify(text: string, token: Token, clauseStart: number, tokens: Token[], k: number): Classified | undefined {
  if (token.preset) return { ...token.preset, unit: token.unit, ownChange: Boolean(token.preset.change), approx: false };
  const near = text.slice(Math.max(0, token.start - 12), token.start);
  const afterTail = text.slice(token.tailEnd, token.tailEnd + 6);
  const stripped = near.replace(APPROX_END, '');
  const approx = stripped.length !== near.length;

  // Ordinals: 第N is a rank only after a ranking verb (居全国第3位); 第一卷, 第二十届 are labels.
  if (text[token.start - 1] === '第') {
    const rankContext = /(?:居|位居|位列|排名|排|名列|跃居|升至|跻身|列)(?:全国|全省|全市|全球|世界|[^，。]{0,6})?第$/.test(near);
    if (rankContext && (token.unit === '位' || token.unit === '名' || token.unit === '')) return { kind: 'rank', unit: '位', ownChange: false, approx: false };
    return undefined;
  }
  if (/(?:这|那|此|该|上述|前述|其余|另外)$/.test(near)) return undefined; // 这9部作品: a figure already given
  if (text[token.start - 1] === '前' && /^(?:位|名|强)$/.test(token.unit)) return { kind: 'rank', unit: '位', ownChange: false, approx: false };
  if (token.unitClass === 'none') {
    // 国内旅游人次48.9亿, 参保人数13.3亿: a scaled figure takes the measure its metric names.
    const measure = token.scaled ? METRIC_MEASURE.exec(stripped) : null;
    return measure ? { kind: 'count', unit: /^人[数口]$/.test(measure[1]) ? '人' : measure[1], ownChange: false, approx } : undefined;
  }
  if (!token.scaled && token.unit === '年' && token.value >= 1900 && token.value <= 2100) return undefined; // a year
  if (token.unit === '月' || token.unit === '周' && afterTail.startsWith('年')) return undefined; // dates, anniversaries
  if (token.unitClass === 'count' && NOT_AFTER_COUNT.test(afterTail)) return undefined;
  // 女子200米蝶泳, 100米栏: a distance that names a race, not a quantity.
  if (/^(?:米|公里|千米)$/.test(token.unit) && (RACE_BEFORE.test(near) || RACE_AFTER.test(afterTail))) return undefined;
  // 78公斤级, 30万吨级, 千米级: a class of size, not a quantity.
  if (token.unitClass === 'count' && token.unit !== '' && afterTail.startsWith('级')) return undefined;

  // 由10%降至1.5%, 从30天缩短至1天半: one statistic whose `from` is the first figure.
  // 增加到2024年的17522元: a time qualifier may stand between the verb and the level.
  const qualified = stripped.replace(QUALIFIER_END, '');
  const level = LEVEL_VERB.exec(qualified);
  if (level) {
    const verbStart = token.start - (near.length - qualified.length) - level[0].length;
    const from = findFrom(text, tokens, k, verbStart, clauseStart);
    const change: 'up' | 'down' = level[1] ? 'up' : 'down';
    if (from) return { kind: 'change', unit: token.unit, change, ownChange: true, approx, from: from.token, fromStart: from.start };
    return { kind: levelKind(token), unit: token.unit, change, ownChange: true, approx };
  }
  // An age is a level when reached and said last (人均预期寿命达到78.6岁。); before a noun it
  // describes someone (为80岁的老人) or a bracket (3岁以下婴幼儿).
  if (AGE_UNITS.has(token.unit) && (!/(?:达到|达|为|是)$/.test(stripped) || !/^(?:[，。；、,;！？!?）)\s]|$)/.test(text.slice(token.tailEnd, token.tailEnd + 1)))) return undefined;

  if (token.unitClass === 'time') {
    if (/连续$/.test(stripped)) return { kind: 'streak', unit: token.unit, ownChange: false, approx };
    if (/创$/.test(stripped) && /^(?:来|以来)?(?:新低|新高|最低|最高|最好|最佳|最大|最小|最多|最少)/.test(afterTail)) return { kind: 'streak', unit: token.unit, ownChange: false, approx };
    if (/(?:为期|用时|历时|耗时|仅用|只用)$/.test(stripped)) return { kind: 'duration', unit: token.unit, ownChange: false, approx };
    // 优良天数达到312天: the metric is itself a number of days, so the figure counts them.
    if (/(?:天数|日数)(?:达到|达|为|有|共|是)?$/.test(stripped)) return { kind: 'count', unit: token.unit, ownChange: false, approx };
    const moved = CHANGE_VERB.exec(stripped);
    if (moved && /(?:缩短|延长|提前|压缩|减少|增加)了?$/.test(stripped)) return { kind: 'change', unit: token.unit, change: moved[1] ? 'up' : 'down', ownChange: true, approx };
    return undefined;
  }
  if (STREAK_AFTER.test(token.unit) && /连续$/.test(stripped)) return { kind: 'streak', unit: token.unit, ownChange: false, approx };

  // A Chinese-numeral count without scale words is a label (两个确立, 四个关键环节) unless a verb of
  // quantity introduces it; one that sums up a list of exactly that many items is never a statistic.
  if (token.chinese && !token.scaled && token.unitClass === 'count') {
    if (token.value === 1) return undefined;
    const clause = text.slice(clauseStart, token.start);
    if (!QUANTITY_CONTEXT.test(stripped)) return undefined;
    if ((clause.match(/、/g)?.length ?? 0) === token.value - 1) return undefined;
  }
  if (token.chinese && !token.scaled && token.unitClass === 'percent' && token.value < 1) return undefined;
  if (token.unitClass === 'count' && !token.chinese && token.value === 0) return undefined;

  const rate = RATE_WORD.exec(stripped);
  const verb = CHANGE_VERB.exec(stripped);
  const flow = verb && /新增了?$/.test(stripped); // 新增就业x万人 is a plain count
  if (verb && !flow) return { kind: 'change', unit: token.unit, change: verb[1] ? 'up' : 'down', ownChange: true, approx };
  // A rate word with a negative figure (自然增长率为-0.99‰) is a fall.
  if (rate && (token.unitClass === 'percent' || token.unit === '倍')) return { kind: 'change', unit: token.unit, change: rate[1] && token.value >= 0 ? 'up' : 'down', ownChange: true, approx };
  // 低于预期目标0.3个百分点: a gap in points below or above a named level.
  const gap = token.unit === '百分点' ? GAP.exec(stripped) : null;
  if (gap) return { kind: 'change', unit: token.unit, change: gap[1] ? 'up' : 'down', ownChange: true, approx };
  if (token.unit === '百分点') return { kind: 'change', unit: token.unit, ownChange: false, approx };
  return { kind: levelKind(token), unit: token.unit, ownChange: false, approx };
}

/** The unit as a statistic carries it: 个月 → 月, 元人民币 → 元. */
export function unitName(unit: string): string {
  if (unit === '人民币' || unit === '元人民币') return '元';
  return /^个(?:月|季度|小时|工作日)$/.test(unit) ? unit.slice(1) : unit;
}

function levelKind(token: Token): StatisticKind {
  switch (token.unitClass) {
    case 'percent':
      return token.unit === '百分点' ? 'change' : 'percent';
    case 'money':
      return 'amount';
    case 'time':
      return 'duration';
    default:
      return 'count';
  }
}

/** The X of 由X降至Y: a figure right after 由/从 in the same clause, before the verb. */
function findFrom(text: string, tokens: Token[], k: number, verbStart: number, clauseStart: number): { token: Token; start: number } | undefined {
  for (let j = k - 1; j >= 0; j--) {
    const candidate = tokens[j];
    if (candidate.start < clauseStart) return undefined;
    if (candidate.tailEnd > verbStart) continue;
    const base = Math.max(clauseStart, candidate.start - 12);
    const lead = text.slice(base, candidate.start).replace(APPROX_END, '');
    const move = MOVE_START.exec(lead);
    if (!move || !/^[^，。；]{0,8}$/.test(text.slice(candidate.tailEnd, verbStart))) return undefined;
    return { token: candidate, start: base + move.index };
  }
  return undefined;
}
