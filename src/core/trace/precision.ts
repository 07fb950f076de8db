/**
 * How precisely a figure is written, and whether two figures state the same value once the
 * coarser one's rounding is allowed for: a writer's 21.5% states the source's 21.48%, 60.7亿 its
 * 60.67亿, 两成 its 19.8%, 33.3% its 三分之一. The figure is read by the extractor's own number
 * patterns; this only measures the last place it writes.
 */
import { ARABIC_NUMBER, CHINESE_NUMERAL, cleanFloat, normalizeDigits, parseNumber } from '../stats/numbers';

const ARABIC = new RegExp(ARABIC_NUMBER);
const CHINESE = new RegExp(CHINESE_NUMERAL);
/** 三分之一, 3/4: a share written exactly. */
const FRACTION = /分之|^[0-9]{1,2}\/[0-9]{1,3}$/;

/**
 * The place value of the last digit a figure writes, in the statistic's scaled value: 21.48% → 0.01,
 * 60.7亿 → 10,000,000, 134.6万 → 1,000, 1377 → 1, 两成 → 10 (percent), 三分之一 → 0 (exact).
 * `text` is the figure as written, `value` what the extractor read it as.
 */
export function figureStep(text: string, value: number): number {
  if (FRACTION.test(text)) return 0;
  const arabic = ARABIC.exec(text);
  let written: number | undefined;
  let decimals = 0;
  if (arabic) {
    const digits = normalizeDigits(arabic[0]);
    written = Number(digits);
    decimals = digits.split('.')[1]?.length ?? 0;
  } else {
    const numeral = CHINESE.exec(text);
    written = numeral ? parseNumber(numeral[0]) : undefined;
    // 百分之二十点五: the places after 点.
    decimals = /点([零〇一二三四五六七八九]+)/.exec(text)?.[1].length ?? 0;
  }
  // The scale the value took from 万, 亿 or 成 (value ÷ the number as written).
  const scale = written ? Math.abs(value / written) : 1;
  return cleanFloat(10 ** -decimals * (Number.isFinite(scale) && scale > 0 ? scale : 1));
}

/** `value` rounded half away from zero to a multiple of `step` (四舍五入). */
export function roundTo(value: number, step: number): number {
  if (step <= 0) return value;
  const sign = value < 0 ? -1 : 1;
  return cleanFloat(sign * Math.floor(Math.abs(value) / step + 0.5 + 1e-9) * step);
}

/** Equal up to the binary noise of scaling. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export type Agreement = 'exact' | 'rounded';

/**
 * Whether two figures (value and step) state the same value: 'exact' when equal, 'rounded' when the
 * coarser one is the finer one rounded to its last place (21.5 ← 21.48, not 21 ← 21.5), else
 * undefined.
 */
export function agreement(a: number, aStep: number, b: number, bStep: number): Agreement | undefined {
  if (same(a, b)) return 'exact';
  const [coarse, coarseStep, fine] = aStep >= bStep ? [a, aStep, b] : [b, bStep, a];
  return coarseStep > 0 && same(roundTo(fine, coarseStep), coarse) ? 'rounded' : undefined;
}
