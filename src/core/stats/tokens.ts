/**
 * The figures of a passage: numbers with their scale words and units (Arabic and Chinese numerals,
 * 成 tenths, fractions), word ranks (全国第一) and doublings (翻一番), outside markup and labels.
 */
import {
  APPROX_AFTER, COUNT_UNITS, MONEY_UNITS, PERCENT_UNITS, TIME_UNITS,
} from './lexicon';
import { isMasked } from './mask';
import { ARABIC_NUMBER, CHINESE_NUMERAL, SCALE_WORD, cleanFloat, parseChineseNumeral, parseNumber, scaleValue } from './numbers';
import type { StatisticKind } from '../model';

export const UNIT_SETS = {
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
/** Units that start with a scale character (2140.2千米 is 2140.2 km, not 2140200 米). */
const SCALE_UNIT = new RegExp(`^(?:${ALL_UNITS.split('|').filter((u) => /^[千百十]/.test(u)).join('|')})`);
/** 四分之三, 千分之五, 3/4: a share of a whole; not a round of a contest (八分之一决赛) nor a time span (四分之三个世纪). */
const FRACTION = /(?<!百)([一二两三四五六七八九十千]{1,3})分之([一二两三四五六七八九十]{1,3})|(?<![0-9A-Za-z/.\-])([0-9]{1,2})\/([0-9]{1,3})(?![0-9/.])/g;
const NOT_A_SHARE = /^(?:个|号|决赛|赛|版|期|场|页|次|轮|秒|分|倍|米|英寸|寸|拍)/;

export interface Token {
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


/** Characters a figure or code can end with: a '-' after them is a range (20%-50%, 3万-5万), not a minus. */
const FIGURE_END = /[A-Za-z0-9_./#:\\%％‰万亿千百十元个年月日天人次家件吨－−-]/;

/** Numbers with their units, outside markup and labels, in text order. */
export function scanTokens(text: string, masked: Array<[number, number]>): Token[] {
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
      let scaleWord = m[4] ?? '';
      if (/[千百十]$/.test(scaleWord) && SCALE_UNIT.test(text.slice(end - 1, end + 3))) {
        scaleWord = scaleWord.slice(0, -1);
        end -= 1;
      }
      const scale = scaleValue(scaleWord);
      const n = parseNumber(m[2]);
      value = n !== undefined && scale !== undefined ? cleanFloat(n * scale) : undefined;
      scaled = scaleWord !== '';
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
  // A fraction replaces the numerals it is written with (四分之三 holds 四 and 三).
  const shares = fractions(text, masked);
  for (const share of shares) {
    for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k].start < share.tailEnd && share.start < tokens[k].tailEnd) tokens.splice(k, 1);
    tokens.push(share);
  }
  for (const rank of wordRanks(text, masked)) tokens.push(rank);
  for (const doubling of doublings(text, masked)) tokens.push(doubling);
  // A word rank (全国第一) and a doubling (翻一番) win over the bare numeral inside them.
  const order = (a: Token, b: Token): number => a.start - b.start || Number(Boolean(b.preset)) - Number(Boolean(a.preset));
  // Numbers come in order; only added fractions, ranks and doublings need sorting (sorting allocates).
  for (let k = 1; k < tokens.length; k++) {
    if (order(tokens[k - 1], tokens[k]) > 0) {
      tokens.sort(order);
      break;
    }
  }
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

/** 四分之三 → 75 %, 3/4 → 75 %, 千分之五 → 5 ‰. */
function fractions(text: string, masked: Array<[number, number]>): Token[] {
  const out: Token[] = [];
  if (!/分之|\//.test(text)) return out;
  FRACTION.lastIndex = 0;
  for (let m = FRACTION.exec(text); m; m = FRACTION.exec(text)) {
    const end = m.index + m[0].length;
    if (isMasked(masked, m.index) || NOT_A_SHARE.test(text.slice(end, end + 3))) continue;
    // Chinese writes the whole first (四分之三), digits the part first (3/4); 百分之 is a percent word.
    const chinese = m[1] !== undefined;
    const numerator = chinese ? parseChineseNumeral(m[2]) : Number(m[3]);
    const denominator = chinese ? parseChineseNumeral(m[1]) : Number(m[4]);
    if (!numerator || !denominator || numerator >= denominator || denominator === 100 || denominator > 1000) continue;
    const permille = denominator === 1000;
    const after = new RegExp(`^(?:${APPROX_AFTER})`).exec(text.slice(end, end + 3));
    out.push({
      start: m.index, end, tailEnd: end + (after?.[0].length ?? 0),
      value: permille ? numerator : cleanFloat((100 * numerator) / denominator),
      unit: permille ? '‰' : '%', unitClass: 'percent', chinese: false, scaled: false, approx: Boolean(after),
    });
  }
  return out;
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
