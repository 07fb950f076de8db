import type { Statistic } from '../model';

/** The default text put before a citation marker: the figure with what it measures, who and when. */
export const DEFAULT_TEMPLATE = '{subject}{period}{metric}{change}{figure}';

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

/** The figure as the source writes it, with its measure word: "1377" + "个", "8400" + "余家". */
export function figureText(stat: Statistic): string {
  const after = stat.sentence.slice(figureAt(stat) + stat.text.length);
  if (!stat.unit || stat.text.endsWith(stat.unit)) return stat.text;
  const m = after.match(/^(余|多)?/)!;
  const tail = after.slice(m[0].length);
  return tail.startsWith(stat.unit) ? stat.text + m[0] + stat.unit : stat.text;
}

/**
 * The words that state the movement, taken from the source between the metric and the figure
 * ("刑事发案同比下降21.5%" → 同比下降, "由10%降至1.5%" → 由10%降至); when the sentence does not put
 * them there, built from the statistic's basis and direction.
 */
export function changeText(stat: Statistic): string {
  const before = stat.sentence.slice(0, figureAt(stat));
  const metricAt = stat.metric ? before.lastIndexOf(stat.metric) : -1;
  if (metricAt >= 0) {
    const between = before.slice(metricAt + stat.metric.length);
    if (between.length <= 12 && !/[，。；：,;:！？]/.test(between)) return between;
  }
  const direction = stat.change === 'up' ? '增长' : stat.change === 'down' ? '下降' : '';
  return direction ? (stat.basis ?? '') + direction : '';
}

/**
 * Fills a template such as "{subject}{period}{metric}{change}{figure}"; unknown names stay as
 * written. The template is the user's (their markup stays); the values are corpus text, escaped
 * for the draft by `escape`, each run of adjacent values as one text.
 */
export function statisticSentence(stat: Statistic, template: string, escape: (text: string) => string = (text) => text): string {
  const change = changeText(stat);
  const values = new Map<string, string>([
    ['subject', stat.subject ?? ''],
    // "四级登记信访在2024年压降": the period already stands in the words taken from the source.
    ['period', stat.period && !change.includes(stat.period) ? stat.period : ''],
    ['metric', stat.metric],
    ['change', change],
    ['figure', figureText(stat)],
    ['sentence', stat.sentence],
  ]);
  let out = '';
  let run = '';
  let pos = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const value = values.get(m[1]);
    if (value === undefined) continue;
    if (m.index > pos) {
      out += escape(run) + template.slice(pos, m.index);
      run = '';
    }
    run += value;
    pos = m.index + m[0].length;
  }
  return out + escape(run) + template.slice(pos);
}
