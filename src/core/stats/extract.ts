/**
 * Statistic extraction from one passage, by the rules of STATISTICS.md: find every number, read
 * the unit and the words around it, keep those that measure something, and say what they measure.
 * Rules are about the language (units, verbs of change, bases, ranks), not about any sample text.
 */
import type { SourceRange, Statistic, StatisticKind } from '../model';
import {
  AGE_UNITS, APPROX_AFTER, APPROX_BEFORE, BASIS, BASIS_YEAR, COUNT_UNITS, DOWN_RATE, DOWN_VERBS, MONEY_UNITS, PAIRED_WORDS,
  ORGANISATION_RE, PERCENT_UNITS, PLACES, TIME_UNITS, UP_RATE, UP_VERBS,
} from './lexicon';
import { isMasked, maskedSpans } from './mask';
import { PREDICATE_START, cleanObject, cleanPhrase, countMetric, isEmptyPhrase } from './metric';
import {
  ARABIC_NUMBER, CHINESE_NUMERAL, SCALE_WORD, cleanFloat, parseChineseNumeral, parseNumber, scaleValue,
} from './numbers';
import { joinRanges } from '../corpus/text';
import { sourceOffset } from '../corpus/walk';
import { Sentences } from './text';

/** A statistic before the annotator gives it its stable id. */
export type ExtractedStatistic = Omit<Statistic, 'id'>;

export interface PassageInput {
  passageId: string;
  /** The passage's ranges in the file's text, in reading order. */
  ranges: SourceRange[];
  /** Who reports it when the sentence names no place: the report's issuing body. */
  subject?: string;
  /** Article date (ISO), to resolve 去年 / 今年. */
  date?: string;
}

const UNIT_SETS = {
  percent: new Set(PERCENT_UNITS.split('|')),
  money: new Set(MONEY_UNITS.split('|')),
  time: new Set(TIME_UNITS.split('|')),
};
const ALL_UNITS = [PERCENT_UNITS, MONEY_UNITS, TIME_UNITS, COUNT_UNITS].join('|').split('|')
  .sort((a, b) => b.length - a.length).map(escape).join('|');

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\%]/g, (ch) => (ch === '%' ? ch : `\\${ch}`));
}

const SCALE_ONLY = '万亿|千亿|百亿|十亿|千万|百万|十万|亿|万';
const TOKEN = new RegExp(
  `(百分之(?:${CHINESE_NUMERAL}|${ARABIC_NUMBER})(?:点[零〇一二三四五六七八九]+)?)` +
    `|(${ARABIC_NUMBER})(?:(多|余)?(${SCALE_WORD}))?` +
    `|(${CHINESE_NUMERAL})(?:(多|余)([万亿]+))?` +
    `|(?<=超过|超|突破|逾|迈上|跨上)(${SCALE_ONLY})`,
  'g',
);
const TAIL = new RegExp(`(余|多)?(?:(${ALL_UNITS})(半)?)?(${APPROX_AFTER})?`, 'y');
const WORD_RANK = /(?:全国|全球|世界|全省|全市|全区|全县|全州|西部|东部|中部|东北|西南|西北|华东|华北|华南|华中|亚洲|同行业|行业|同类城市|副省级城市|省会城市|长江经济带)(?:排名|排|居|位居|位列)?(第一|首位|首个|首家|第1位)/g;
const DOUBLING = /翻了?([一两二三四]|[0-9])番|翻番/g;
const STREAK_AFTER = /^(?:年|个月|月|个季度|季度|天|周|届|次)/;

const MAX_SENTENCE_SIDE = 200;
const STRONG = /[，,。；;：:！!？?\n\r\t]/;
// A space separates the parts of a headline (2022年粮食产量再创新高 连续8年…).
const CLAUSE = /[，,。；;：:！!？?\n\r\t、 \u3000]/;
/** Verbs that make a Chinese-numeral count a quantity (建成两个), not a label (两个维护). */
const QUANTITY_CONTEXT = /(?:共|达|达到|有|建成|新建|新增|增加|减少|累计|设立|成立|组建|打造|培育|引进|获得|获|创建|建设|完成|举办|开展|出台|制定|发布|推出|覆盖|涉及|包括|拥有|超|超过|近|约|增至|降至|为|办理|审结|查处)$/;
const NOT_AFTER_COUNT = /^(?:全会|会议|党代会|代表大会|一体|[一二两三四五六七八九十]|年)/;

interface Token {
  start: number;
  /** End of the figure text (number, scale, %, or a 天半 compound). */
  end: number;
  /** End of the unit and approximation words after it. */
  tailEnd: number;
  value: number;
  unit: string;
  unitClass: 'percent' | 'money' | 'time' | 'count' | 'none';
  chinese: boolean;
  scaled: boolean;
  approx: boolean;
  /** Where the phrase before the figure ends when words of the figure come first (全国|第一). */
  preEnd?: number;
  /** Set when the token is a figure of its own kind already (rank, streak, doubling). */
  preset?: { kind: StatisticKind; change?: 'up' | 'down' };
}

/** Every statistic in one passage of `fileText`. */
export function extractStatistics(fileText: string, passage: PassageInput): ExtractedStatistic[] {
  // Page breaks split a paragraph into ranges; the rules read the joined text, offsets map back.
  const text = joinRanges(fileText, passage.ranges);
  const toFile = (i: number): number => sourceOffset(passage.ranges, i);
  const toFileEnd = (i: number): number => sourceOffset(passage.ranges, i - 1) + 1;
  const masked = maskedSpans(text);
  const tokens = scanTokens(text, masked);
  const sentences = new Sentences(text);
  const stats: ExtractedStatistic[] = [];
  let previous: { stat: ExtractedStatistic; sentenceStart: number; listItems?: string[]; listIndex: number; end: number } | undefined;
  /** Metrics of the statistics so far in the current sentence, for a 分别 that names none. */
  let earlier: string[] = [];

  // First decide what each figure is, so that the X of 由X降至Y is known before X is reached.
  const classes = tokens.map((token, k) => classify(text, token, findBack(text, token.start, CLAUSE, 80), tokens, k));
  const consumed = new Set(classes.map((c) => c?.from).filter((t) => t !== undefined));

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const classified = classes[k];
    if (!classified || consumed.has(token)) continue;
    // A sentence can run for pages in bad input; look-ups and the stored sentence keep to a window.
    const [fullStart, fullEnd] = sentences.around(token.start);
    const sStart = Math.max(fullStart, token.start - MAX_SENTENCE_SIDE);
    const sEnd = Math.min(fullEnd, token.tailEnd + MAX_SENTENCE_SIDE);
    const clauseStart = findBack(text, token.start, CLAUSE, 80);
    const strongStart = findBack(text, token.start, STRONG, 120);
    const { kind, change } = classified;
    const sameSentence = previous && previous.sentenceStart === fullStart ? previous : undefined;

    // The phrase the metric comes from ends where "由X…" begins, or at the figure.
    const preEnd = classified.fromStart ?? token.preEnd ?? token.start;
    let preStart = Math.max(clauseStart, sameSentence ? sameSentence.end : 0);
    const distributive = /(?:均|都|分别)[^，。；、]{0,6}$/.test(text.slice(preStart, preEnd));
    if (distributive) preStart = Math.max(strongStart, sameSentence ? sameSentence.end : 0);
    const rawBefore = text.slice(preStart, preEnd);
    const afterRaw = text.slice(token.tailEnd, findForward(text, token.tailEnd, CLAUSE, 24, tokens[k + 1]?.start));
    const after = cleanObject(afterRaw);

    // Figures joined by 、/和 continue the previous one (分别增长5%、6%和7%); a comma starts anew.
    const separatorOnly = sameSentence && LIST_JOIN.test(text.slice(sameSentence.end, token.start));
    if (!sameSentence) earlier = [];
    let run = 1; // figures in this list: 5%、6%和7%
    while (k + run < tokens.length && LIST_JOIN.test(text.slice(tokens[k + run - 1].tailEnd, tokens[k + run].start))) run++;
    const { metric, listItems, listIndex } = chooseMetric(rawBefore, after, classified, separatorOnly ? sameSentence : undefined, sameSentence?.stat, { earlier, run });
    const inherit = separatorOnly && sameSentence && !classified.ownChange && sameSentence.stat.unit === classified.unit;

    const stat: ExtractedStatistic = {
      range: { start: toFile(token.start), end: toFileEnd(token.end) },
      text: text.slice(token.start, token.end),
      value: token.value,
      unit: unitName(classified.unit),
      kind: inherit && sameSentence.stat.kind === 'change' && kind !== 'change' ? 'change' : kind,
      approx: token.approx || classified.approx,
      metric,
      sentence: text.slice(sStart, sEnd),
      sentenceRange: { start: toFile(sStart), end: toFileEnd(sEnd) },
      passageId: passage.passageId,
    };
    const direction = change ?? (inherit ? sameSentence.stat.change : undefined);
    if (direction) stat.change = direction;
    const basis = findBasis(text.slice(strongStart, token.start)) ?? (inherit ? sameSentence.stat.basis : undefined);
    if (basis && stat.kind === 'change') stat.basis = basis;
    if (classified.from) {
      const from = classified.from;
      stat.from = {
        value: from.value,
        unit: unitName(from.unit),
        text: text.slice(from.start, from.end),
        range: { start: toFile(from.start), end: toFileEnd(from.end) },
      };
    }
    const subject = findOrganisation(text.slice(sStart, token.start)) ?? findPlace(text.slice(sStart, token.start)) ?? passage.subject;
    if (subject) stat.subject = subject;
    // A passage that opens with its time (2025年，… / 今年…) dates the sentences that name none.
    const period = findPeriod(text.slice(sStart, token.start), passage.date) ?? (PASSAGE_TIME.test(text) ? findPeriod(text.slice(0, 12), passage.date) : undefined);
    if (period) stat.period = period;
    stats.push(stat);
    earlier.push(metric);
    // A count whose metric is the noun after it (建成2家中心和23家…) owns that noun too.
    const ownsObject = after !== '' && metric.endsWith(after);
    previous = { stat, sentenceStart: fullStart, listItems, listIndex, end: ownsObject ? token.tailEnd + afterRaw.length : token.tailEnd };
  }
  return stats;
}

interface ListState {
  listItems?: string[];
  listIndex: number;
}

/**
 * The metric of a figure from the words before it and the noun after it. `continued` is the
 * previous figure when only 、/和 stand between them; `before` the previous one in the sentence.
 */
function chooseMetric(
  rawBefore: string,
  after: string,
  classified: Classified,
  continued: ListState | undefined,
  before: ExtractedStatistic | undefined,
  list: { earlier: string[]; run: number },
): ListState & { metric: string } {
  if (continued?.listItems) {
    // 分别增长5%、6%和7%: each figure takes the next item of the list before 分别.
    const listIndex = continued.listIndex + 1;
    return { metric: continued.listItems[listIndex] ?? continued.listItems.join('、'), listItems: continued.listItems, listIndex };
  }
  const split = /^(.*?)分别/.exec(rawBefore);
  if (split) {
    let items = split[1].split(/、|以及|和|及|与/).map(cleanPhrase).filter((item) => item !== '');
    // 城乡居民收入分别达到x元和y元: one word naming both metrics.
    if (items.length === 1 && list.run === 2) items = pairedItems(items[0]) ?? items;
    // 接待游客x亿人次，旅游收入y亿元，分别增长a%和b%: the list is the figures just before.
    if (items.length === 0 && list.run >= 2 && list.earlier.length >= list.run) items = list.earlier.slice(-list.run);
    return { metric: items[0] ?? cleanPhrase(split[1]), listItems: items.length >= 2 ? items : undefined, listIndex: 0 };
  }
  const { kind, change } = classified;
  const cleaned = cleanPhrase(rawBefore);
  // 收入4218亿元，为预算的101.2%: a share after a copula measures the subject before it.
  const copula = /^(?:为|是|相当于)/.test(cleaned) && (classified.unit === '%' || classified.unit === '倍');
  const empty = copula || isEmptyPhrase(cleaned);
  let metric = (kind === 'count' || kind === 'amount') && !change ? countMetric(empty ? '' : cleaned, after) : empty ? '' : cleaned;
  if (isEmptyPhrase(metric) && kind === 'streak' && before && PREDICATE_START.test(after)) {
    // …产业化率超过五成，连续两年上升: the run belongs to the figure before.
    metric = before.metric + after.replace(/(?:位居|稳居|居)?(?:世界|全球|全国|全省|全市)?(?:第|前)?$/, '');
  } else if (isEmptyPhrase(metric)) {
    // Nothing before the figure: the noun after it (九成以上群众表示满意), unless the words before
    // continue the previous figure (在…的基础上再降5.9%), which then lends its metric.
    const lend = before && (cleaned !== '' || after === '') ? before.metric : undefined;
    metric = lend ?? (after || before?.metric || '');
  }
  return { metric, listIndex: 0 };
}

const LIST_JOIN = /^[、和及与]{0,2}$/;

/** 城乡居民收入 → [城镇居民收入, 农村居民收入]; undefined when no paired word is in it. */
function pairedItems(item: string): string[] | undefined {
  const word = Object.keys(PAIRED_WORDS).find((w) => item.includes(w));
  return word ? PAIRED_WORDS[word].map((one) => item.replace(word, one)) : undefined;
}

/**
 * Offset just after the nearest `boundary` before `i`, looking back at most `limit` characters.
 * A parenthesis is skipped whole: 县（市、区）农作物…机械化率 is one phrase.
 */
function findBack(text: string, i: number, boundary: RegExp, limit: number): number {
  const stop = Math.max(0, i - limit);
  for (let j = i - 1; j >= stop; j--) {
    if (text[j] === '）' || text[j] === ')') {
      let open = j - 1;
      while (open >= Math.max(stop, j - 20) && text[open] !== '（' && text[open] !== '(') open--;
      if (open >= Math.max(stop, j - 20)) {
        j = open;
        continue;
      }
    }
    if (boundary.test(text[j])) return j + 1;
  }
  return stop;
}

/**
 * Offset of the nearest `boundary` after `i`. A parenthesis qualifies the noun before it and ends
 * the phrase: 143个县（市、区）全部… → 县（市、区）; right after the unit it qualifies the unit.
 */
function findForward(text: string, i: number, boundary: RegExp, limit: number, nextToken?: number): number {
  const stop = Math.min(text.length, i + limit, nextToken ?? Infinity);
  for (let j = i; j < stop; j++) {
    if (text[j] === '（' || text[j] === '(') {
      const close = text.slice(j, Math.min(stop, j + 20)).search(/[）)]/);
      if (close > 0 && j > i) return j + close + 1;
      if (close > 0) j += close; // 台（套）: the parenthesis qualifies the unit
      continue;
    }
    if (boundary.test(text[j])) return j;
  }
  return stop;
}

/** Characters a figure or code can end with: a '-' after them is a range (20%-50%, 3万-5万), not a minus. */
const FIGURE_END = /[A-Za-z0-9_./#:\\%％‰万亿千百十元个年月日天人次家件吨－−-]/;

/** Numbers with their units, outside markup and labels, in text order. */
function scanTokens(text: string, masked: Array<[number, number]>): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (isMasked(masked, start)) continue;
    const prev = text[start - 1] ?? '';
    // A minus sign after a word (自然增长率为-0.99‰), not a range or a code (2020-2025, A-3).
    const negative = Boolean(m[2]) && /[-－−]/.test(prev) && !FIGURE_END.test(text[start - 2] ?? '');
    if (!negative && /[A-Za-z0-9_./#:\\-]/.test(prev)) continue; // codes, versions, clock times, identifiers
    let value: number | undefined;
    let chinese = false;
    let scaled = false;
    let percentWord = false;
    if (m[1]) {
      const body = m[1].slice(3);
      const [intPart, decPart] = body.split('点');
      const whole = parseNumber(intPart);
      value = whole === undefined ? undefined : Number(`${whole}.${decPart ? [...decPart].map((c) => parseChineseNumeral(c)).join('') : '0'}`);
      chinese = !/[0-9]/.test(body);
      percentWord = true;
    } else if (m[2]) {
      const scale = scaleValue(m[4] ?? '');
      const n = parseNumber(m[2]);
      value = n !== undefined && scale !== undefined ? cleanFloat(n * scale) : undefined;
      scaled = Boolean(m[4]);
    } else if (m[5]) {
      const n = parseChineseNumeral(m[5]);
      const scale = scaleValue(m[7] ?? '');
      value = n !== undefined && scale !== undefined ? cleanFloat(n * scale) : undefined;
      chinese = true;
      scaled = /[万亿]/.test(m[5]) || Boolean(m[7]);
    } else if (m[8]) {
      value = scaleValue(m[8]);
      chinese = true;
      scaled = true;
    }
    if (value === undefined || !Number.isFinite(value)) continue;

    TAIL.lastIndex = end;
    const tail = TAIL.exec(text)!;
    let unit = percentWord ? '%' : tail[2] ?? '';
    let tailEnd = percentWord ? end : end + tail[0].length;
    if (percentWord) {
      tailEnd = end;
    } else if (unit && UNIT_SETS.percent.has(unit)) {
      end = end + (tail[1]?.length ?? 0) + unit.length;
      unit = unit.includes('百分点') ? '百分点' : unit === '‰' ? '‰' : '%';
    } else if (tail[3]) {
      // 1天半: the half belongs to the figure.
      value += 0.5;
      end = end + (tail[1]?.length ?? 0) + tail[2].length + 1;
      const hours = /^(?:小时|月)/.exec(text.slice(end, end + 2));
      if (unit === '个' && hours) {
        // 两个半小时, 三个半月
        unit = hours[0];
        end += hours[0].length;
        tailEnd = end;
      }
    } else if (!unit && value < 10 && isTenths(text, start, end)) {
      // 九成 → 90 %: the 成 joins the figure.
      const marker = /^成(以上|左右|多)?/.exec(text.slice(end, end + 3))!;
      value = cleanFloat(value * 10);
      unit = '%';
      end += 1;
      tailEnd = end + marker[0].length - 1;
      if (marker[1]) tail[4] = marker[1];
    }
    const next = text[tailEnd] ?? '';
    if (/[A-Za-z0-9]/.test(next) && !/[A-Za-z]$/.test(unit)) continue; // 5G, 3D, 4K
    const unitClass = !unit ? 'none' : UNIT_SETS.percent.has(unit) || unit === '%' || unit === '‰' || unit === '百分点' ? 'percent' : UNIT_SETS.money.has(unit) ? 'money' : UNIT_SETS.time.has(unit) ? 'time' : 'count';
    const approx = Boolean(tail[1] || tail[4]) || /[多余]/.test(m[3] ?? m[6] ?? '') || Boolean(m[8]);
    tokens.push({ start: negative ? start - 1 : start, end, tailEnd, value: negative ? -value : value, unit, unitClass, chinese, scaled, approx });
  }
  shareUnits(text, tokens);
  for (const rank of wordRanks(text, masked)) tokens.push(rank);
  for (const doubling of doublings(text, masked)) tokens.push(doubling);
  // A word rank (全国第一) and a doubling (翻一番) win over the bare numeral inside them.
  tokens.sort((a, b) => a.start - b.start || Number(Boolean(b.preset)) - Number(Boolean(a.preset)));
  const kept: Token[] = [];
  for (const token of tokens) {
    const last = kept[kept.length - 1];
    if (last && token.start < last.end) {
      if (token.preset && !last.preset) kept[kept.length - 1] = token;
      continue;
    }
    kept.push(token);
  }
  return kept;
}

/**
 * A list written with the unit once, at its end (分别达到3.5万和2.1万人, 提高0.15个和1.6个百分点):
 * each figure before the last takes its unit. Times are left out: 2023和2024年 are years.
 */
function shareUnits(text: string, tokens: Token[]): void {
  for (let k = tokens.length - 2; k >= 0; k--) {
    const token = tokens[k];
    const next = tokens[k + 1];
    if (token.chinese || next.unitClass === 'none' || next.unitClass === 'time' || !/^[、和及与]$/.test(text.slice(token.tailEnd, next.start))) continue;
    // 100万、120万亿元: the scale is shared too, which the figure cannot show; leave it.
    if (text[token.end - 1] === '万' && text.slice(next.start, next.end).endsWith('万亿')) continue;
    const pointsPending = token.unit === '个' && next.unit === '百分点';
    if (token.unitClass !== 'none' && !pointsPending) continue;
    token.unit = next.unit;
    token.unitClass = next.unitClass;
    if (pointsPending) token.end = token.tailEnd; // 0.15个 is the figure
  }
}

/** 九成以上, 近七成: 成 after a digit is a tenth, but not in words such as 建成 or 一成不变. */
function isTenths(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 4);
  if (!after.startsWith('成')) return false;
  return /^成(?:以上|左右|多|的|[，,。、；）)]|$)/.test(after) || /(?:近|超|约|逾|占|达|有|超过)$/.test(text.slice(Math.max(0, start - 2), start));
}

/** 全国第一, 西部首位: optional ranks with value 1. */
function wordRanks(text: string, masked: Array<[number, number]>): Token[] {
  const out: Token[] = [];
  WORD_RANK.lastIndex = 0;
  for (let m = WORD_RANK.exec(text); m; m = WORD_RANK.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    if (isMasked(masked, start)) continue;
    out.push({ start, preEnd: m.index, end: start + m[1].length, tailEnd: start + m[1].length, value: 1, unit: '位', unitClass: 'count', chinese: true, scaled: false, approx: false, preset: { kind: 'rank' } });
  }
  return out;
}

/** 翻一番 (×2), 翻两番 (×4): a change up in 倍. */
function doublings(text: string, masked: Array<[number, number]>): Token[] {
  const out: Token[] = [];
  DOUBLING.lastIndex = 0;
  for (let m = DOUBLING.exec(text); m; m = DOUBLING.exec(text)) {
    if (isMasked(masked, m.index)) continue;
    const times = m[1] ? parseNumber(m[1]) ?? 1 : 1;
    out.push({ start: m.index, end: m.index + m[0].length, tailEnd: m.index + m[0].length, value: 2 ** times, unit: '倍', unitClass: 'count', chinese: true, scaled: false, approx: false, preset: { kind: 'change', change: 'up' } });
  }
  return out;
}

interface Classified {
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
function classify(text: string, token: Token, clauseStart: number, tokens: Token[], k: number): Classified | undefined {
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

const BASIS_RE = new RegExp(`${BASIS_YEAR}|${BASIS}|(?:比|较)(?:“[^”]{1,10}”|[^，。“”比较]{0,8}?)(?:末期|末|同期|时期)`, 'g');
function findBasis(clause: string): string | undefined {
  let found: string | undefined;
  BASIS_RE.lastIndex = 0;
  for (let m = BASIS_RE.exec(clause); m; m = BASIS_RE.exec(clause)) found = m[0];
  return found;
}

/** The last organ named (该院 then refers back to the passage's subject). */
export function findOrganisation(text: string): string | undefined {
  let found: string | undefined;
  ORGANISATION_RE.lastIndex = 0;
  for (let m = ORGANISATION_RE.exec(text); m; m = ORGANISATION_RE.exec(text)) found = m[0];
  return found;
}

// 全国 names a scope (全国第一), not who reports; a national report's subject is its author.
const PLACE_RE = new RegExp(`(?:${PLACES.replace('全国|', '')})(?:省|市|自治区|维吾尔自治区|壮族自治区|回族自治区)?`, 'g');
function findPlace(sentence: string): string | undefined {
  let found: string | undefined;
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(sentence); m; m = PLACE_RE.exec(sentence)) found = m[0];
  return found;
}

const PASSAGE_TIME = /^\s*(?:(?:19|20)[0-9]{2}年|去年|今年|上年|本年)/;
// 比上年 is a basis, not a period.
const PERIOD_RE = /((?:19|20)[0-9]{2})年(?!版|度版)(上半年|下半年|前三季度|一季度|全年|1[-—–~至]1?[0-9]月)?|(?<![比较])(去年|上年|今年|本年|前年)/g;
function findPeriod(text: string, date?: string): string | undefined {
  let found: RegExpExecArray | undefined;
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) found = m;
  if (!found) return undefined;
  if (found[1]) return found[0];
  const year = date ? Number(date.slice(0, 4)) : NaN;
  if (!Number.isFinite(year)) return found[3];
  const offset = found[3] === '前年' ? 2 : found[3] === '去年' || found[3] === '上年' ? 1 : 0;
  return `${year - offset}年`;
}
