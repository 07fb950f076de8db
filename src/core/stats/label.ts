/**
 * How a statistic reads to a writer: the figure as the source writes it, with its unit
 * (60.67亿元, 8400余家, 连续两年, 前10位), the words of its movement (同比下降, 由10%降至, 再降), and
 * the one-line label the outline and the pickers show (5.9% 四级登记信访再降 · 2025年).
 */
import type { Statistic } from '../model';
import { DOWN_VERBS, UP_VERBS } from './lexicon';

/**
 * Where the figure stands in `stat.sentence`. The sentence text can differ in length from its source
 * range (a page break inside it is joined), so the occurrence nearest the expected offset is taken.
 */
function figureAt(stat: Statistic): number {
  const expected = stat.range.start - stat.sentenceRange.start;
  let best = -1;
  for (let i = stat.sentence.indexOf(stat.text); i >= 0; i = stat.sentence.indexOf(stat.text, i + 1)) {
    if (best < 0 || Math.abs(i - expected) < Math.abs(best - expected)) best = i;
  }
  return best >= 0 ? best : expected;
}

/** The figure as written and where it starts in the sentence (with 连续 or 前 in front of it). */
function written(stat: Statistic): { start: number; text: string } {
  const at = figureAt(stat);
  const before = stat.sentence.slice(Math.max(0, at - 2), at);
  const after = stat.sentence.slice(at + stat.text.length);
  let text = stat.text;
  if (stat.unit && !stat.text.endsWith(stat.unit)) {
    const unit = new RegExp(`^(?:余|多)?(?:个)?${stat.unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`).exec(after);
    if (unit) text += unit[0];
  }
  if (stat.kind === 'streak' && before.endsWith('连续')) return { start: at - 2, text: `连续${text}` };
  if (stat.kind === 'rank' && /[前第]$/.test(before) && !/^[第前]/.test(text)) return { start: at - 1, text: before.slice(-1) + text };
  return { start: at, text };
}

/**
 * The figure as the source writes it, with its measure word and the words that make it a run or a
 * rank: "1377" + "个", "8400" + "余家", "60.67亿" + "元", 连续 + "两" + "年", 前 + "10" + "位".
 */
export function figureText(stat: Statistic): string {
  return written(stat).text;
}

const MOVEMENT = new RegExp(`(?:同比|环比|(?:比|较)(?:上年|去年|上月|上年同期|去年同期|上年末|年初))?(?:再|又|进一步|继续)?(?:${UP_VERBS}|${DOWN_VERBS})了?(?:至|到)?$`);

/**
 * The words that state the movement, taken from the source between the metric and the figure
 * ("刑事发案同比下降21.5%" → 同比下降, "由10%降至1.5%" → 由10%降至), else the verb right before the
 * figure (…的基础上再降5.9% → 再降); when the sentence has neither, built from basis and direction.
 */
export function changeText(stat: Statistic): string {
  const before = stat.sentence.slice(0, written(stat).start);
  const metricAt = stat.metric ? before.lastIndexOf(stat.metric) : -1;
  if (metricAt >= 0) {
    const between = before.slice(metricAt + stat.metric.length);
    if (between.length <= 12 && !/[，。；：,;:！？]/.test(between)) return between;
  }
  if (!stat.change) return '';
  const verb = MOVEMENT.exec(before);
  if (verb) return verb[0];
  return (stat.basis ?? '') + (stat.change === 'up' ? '增长' : '下降');
}

/**
 * The outline's label: the figure as written, what it measures and how it moved, and its period
 * unless the movement words already say it (50.2% 四级登记信访在2024年压降; 5.9% 四级登记信访再降 · 去年).
 */
export function statisticLabel(stat: Statistic): string {
  const change = stat.change || stat.kind === 'change' ? changeText(stat) : '';
  const label = `${figureText(stat)} ${stat.metric}${change}`.trim();
  return stat.period && !change.includes(stat.period) ? `${label} · ${stat.period}` : label;
}
