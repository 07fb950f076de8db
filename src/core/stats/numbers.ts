/**
 * Numbers as Chinese reports write them: Arabic digits (half- or full-width, with decimals and
 * thousands separators), Chinese numerals (两, 十二, 一百二十, 三千五百万), and the scale words
 * 十 百 千 万 亿 万亿 that follow either. Pure functions; the extractor decides what is a statistic.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters of a Chinese numeral (digits and units). */
const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** A Chinese numeral starts with a digit or 十 (十二), never with a bare scale word (千万 = "by all means"). */
export const CHINESE_NUMERAL = `[〇一二两三四五六七八九十][${CHINESE_NUMERAL_CHARS}]*`;
/**
 * Arabic number: half- or full-width digits, optional thousands separators and decimals. A
 * full-width comma counts as a separator only before exactly three digits (１２３，４５６).
 */
export const ARABIC_NUMBER = '[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?';
/** Scale words after an Arabic number, longest first. */
export const SCALE_WORD = '万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百';

/** Full-width digits and points to ASCII; thousands separators removed. */
export function normalizeDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，]/g, '');
}

function parseArabic(text: string): number {
  return Number(normalizeDigits(text));
}

/** Value of a scale word such as 万, 亿, 万亿, 千万; undefined when it is not one. */
export function scaleValue(word: string): number | undefined {
  if (word === '') return 1;
  let value = 1;
  for (const ch of word) {
    const unit = SMALL_UNITS[ch] ?? LARGE_UNITS[ch];
    if (unit === undefined) return undefined;
    value *= unit;
  }
  return value;
}

/**
 * Value of a Chinese numeral: 十二 → 12, 一百二十 → 120, 两千三百万 → 23000000, 一亿二千万 → 120000000,
 * 二〇二五 (digit by digit) → 2025. Undefined when the text is not a numeral.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '') return undefined;
  // Digit-by-digit form (years, codes): no unit characters at all.
  if (![...text].some((ch) => ch in SMALL_UNITS || ch in LARGE_UNITS)) {
    let value = 0;
    for (const ch of text) {
      const d = CHINESE_DIGITS[ch];
      if (d === undefined) return undefined;
      value = value * 10 + d;
    }
    return value;
  }
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 part of the current 亿 section
  let group = 0; // below 万
  let digit: number | undefined;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      group += (digit ?? 1) * small; // 十二 = 12: a leading 十 means 一十
      digit = undefined;
      continue;
    }
    const large = LARGE_UNITS[ch];
    if (large === undefined) return undefined;
    group += digit ?? 0;
    digit = undefined;
    if (large === 1e4) {
      section = (section + group) * 1e4;
    } else {
      total = (total + section + group) * 1e8;
      section = 0;
    }
    group = 0;
  }
  return total + section + group + (digit ?? 0);
}

/** Value of a number written either way, before any scale word that follows it. */
export function parseNumber(text: string): number | undefined {
  if (/^[0-9０-９]/.test(text)) {
    const value = parseArabic(text);
    return Number.isFinite(value) ? value : undefined;
  }
  return parseChineseNumeral(text);
}

/** Round away binary noise from scaling (60.67 × 1e8 → 6067000000, not 6066999999.999999). */
export function cleanFloat(value: number): number {
  return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(12));
}
