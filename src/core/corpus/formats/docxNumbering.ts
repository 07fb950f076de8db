/**
 * Word's automatic numbering (numbering.xml): the 一、 二、 or 1. a Word list puts before its
 * paragraphs is not in their text, yet a reader sees it and the outline rules need it.
 */
import type { Element } from 'domhandler';
import { attr, child, children } from './xml';

interface Level {
  format: string;
  text: string;
  start: number;
}

const DIGITS = '零一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
    }
  });
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of table) for (; n >= value; n -= value) out += letters;
  return out;
}

function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(format: string, n: number): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
      return chineseNumber(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    default:
      return String(n);
  }
}

/** Counts the numbered paragraphs of a document and gives each its label. */
export class Numbering {
  /** numId → its levels. */
  private readonly lists = new Map<string, Level[]>();
  /** numId → the current count at each level. */
  private readonly counts = new Map<string, number[]>();

  constructor(numbering: Element | undefined) {
    if (!numbering) return;
    const abstract = new Map<string, Level[]>();
    for (const a of children(numbering, 'w:abstractNum')) {
      const levels: Level[] = [];
      for (const lvl of children(a, 'w:lvl')) {
        levels[Number(attr(lvl, 'w:ilvl') ?? 0)] = {
          format: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
          text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
          start: Number(attr(child(lvl, 'w:start'), 'w:val') ?? 1),
        };
      }
      abstract.set(attr(a, 'w:abstractNumId') ?? '', levels);
    }
    for (const num of children(numbering, 'w:num')) {
      const levels = abstract.get(attr(child(num, 'w:abstractNumId'), 'w:val') ?? '');
      if (levels) this.lists.set(attr(num, 'w:numId') ?? '', levels);
    }
  }

  /** The label of the next paragraph of list `numId` at `level` ('' for bullets and unnumbered lists). */
  next(numId: string, level: number): string {
    const levels = this.lists.get(numId);
    const lvl = levels?.[level];
    if (!levels || !lvl || lvl.format === 'bullet' || lvl.format === 'none') return '';
    const counts = this.counts.get(numId) ?? [];
    this.counts.set(numId, counts);
    counts[level] = (counts[level] ?? levels[level].start - 1) + 1;
    counts.length = level + 1;
    return lvl.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return levels[i] ? formatNumber(levels[i].format, counts[i] ?? levels[i].start) : '';
    });
  }
}
