/**
 * Figure conditions on statistics: >98%, >=100亿元, <5%, =1377个, 10..20万人. The figure is read
 * as the extractor reads one — a number (Arabic or Chinese), a scale word (万, 亿 …) and a unit — so
 * 100亿元 compares with the statistic's scaled value (60.67亿元 is 6,067,000,000 元) in its unit.
 * Without a unit, a condition holds for a figure in any unit.
 */
import { message, type Message } from '../../cite/message';
import type { Statistic } from '../../model';
import { unitName } from '../../stats/classify';
import { COUNT_UNITS, MONEY_UNITS, PERCENT_UNITS, TIME_UNITS } from '../../stats/lexicon';
import { ARABIC_NUMBER, CHINESE_NUMERAL, SCALE_WORD, cleanFloat, parseNumber, scaleValue } from '../../stats/numbers';

export interface Bound {
  value: number;
  inclusive: boolean;
}

export interface FigureCondition {
  /** At least / at most (either may be missing: >98% has no max). */
  min?: Bound;
  max?: Bound;
  /** The unit as statistics carry it (%, 元, 人, 百分点 …); '' for any. */
  unit: string;
  /** Where it stands in the query, and whether it excludes. */
  start: number;
  end: number;
  negated: boolean;
}

type Parsed<T> = ({ ok: true } & T) | ({ ok: false } & Message);

/** A unit as a statistic carries it: ％ and 个百分点 as %, 百分点; 元人民币 as 元; 个月 as 月. */
function statisticUnit(unit: string): string {
  if (unit === '%' || unit === '％') return '%';
  if (unit.endsWith('百分点')) return '百分点';
  return unitName(unit);
}

const UNITS = new Set([PERCENT_UNITS, MONEY_UNITS, TIME_UNITS, COUNT_UNITS].join('|').split('|').map(statisticUnit));
const AMOUNT = new RegExp(`^(-)?(${ARABIC_NUMBER}|${CHINESE_NUMERAL})(.*)$`);
const SCALED = new RegExp(`^(${SCALE_WORD})(.*)$`);
const OPERATOR = /^(>=|<=|≥|≤|>|<|=)(.*)$/;

interface Amount {
  value: number;
  /** The scale word's value, 1 without one. */
  scale: number;
  scaled: boolean;
  unit: string;
}

/** A figure as written: number, optional scale word, optional unit. */
function parseAmount(text: string, whole: string): Parsed<{ amount: Amount }> {
  const m = AMOUNT.exec(text);
  const number = m ? parseNumber(m[2]) : undefined;
  if (!m || number === undefined) return { ok: false, ...message('{0} needs a figure, e.g. >98% or >=100亿元', whole) };
  const rest = m[3];
  // The scale first, as the extractor reads 5万人次 (5万 + 人次); then the whole rest as a unit (千瓦).
  const scaled = SCALED.exec(rest);
  let scale = 1;
  let unit = rest;
  if (scaled && (scaled[2] === '' || UNITS.has(statisticUnit(scaled[2])))) {
    scale = scaleValue(scaled[1]) ?? 1;
    unit = scaled[2];
  }
  if (unit !== '' && !UNITS.has(statisticUnit(unit))) {
    return { ok: false, ...message('{0}: no statistic has the unit {1}', whole, unit) };
  }
  const sign = m[1] ? -1 : 1;
  return { ok: true, amount: { value: cleanFloat(sign * number * scale), scale, scaled: scale !== 1, unit: unit && statisticUnit(unit) } };
}

/** Parses a figure condition (the text after any minus, folded with NFKC). */
export function parseFigureCondition(text: string): Parsed<{ condition: Omit<FigureCondition, 'start' | 'end' | 'negated'> }> {
  const op = OPERATOR.exec(text);
  if (op) {
    const parsed = parseAmount(op[2], text);
    if (!parsed.ok) return parsed;
    const bound = { value: parsed.amount.value, inclusive: op[1] !== '>' && op[1] !== '<' };
    const { unit } = parsed.amount;
    const below = op[1].startsWith('<') || op[1] === '≤';
    const condition = op[1] === '=' ? { min: bound, max: bound, unit } : below ? { max: bound, unit } : { min: bound, unit };
    return { ok: true, condition };
  }
  const [left, right, ...more] = text.split('..');
  if (right === undefined || more.length) return { ok: false, ...message('{0} needs a figure, e.g. >98% or >=100亿元', text) };
  const high = parseAmount(right, text);
  if (!high.ok) return high;
  const low = parseAmount(left, text);
  if (!low.ok) return low;
  // 10..20万人: the lower end takes the upper one's scale and unit when it has none.
  const lowUnit = low.amount.unit || high.amount.unit;
  if (lowUnit !== high.amount.unit) return { ok: false, ...message('{0}: the two ends have different units', text) };
  const lowValue = low.amount.scaled || low.amount.unit ? low.amount.value : cleanFloat(low.amount.value * high.amount.scale);
  if (lowValue > high.amount.value) return { ok: false, ...message('{0}: the lower end comes first, e.g. 10..20万人', text) };
  return { ok: true, condition: { min: { value: lowValue, inclusive: true }, max: { value: high.amount.value, inclusive: true }, unit: high.amount.unit } };
}

/** Whether a statistic's figure meets the condition (before any negation). */
export function figureMeets(condition: FigureCondition, statistic: Pick<Statistic, 'value' | 'unit'>): boolean {
  if (condition.unit && statistic.unit !== condition.unit) return false;
  const { min, max } = condition;
  const value = statistic.value;
  if (min && (min.inclusive ? value < min.value : value <= min.value)) return false;
  if (max && (max.inclusive ? value > max.value : value >= max.value)) return false;
  return true;
}
