import type { Statistic } from '../model';
import { changeText, figureText } from '../stats/label';

/** The default text put before a citation marker: the figure with what it measures, who and when. */
export const DEFAULT_TEMPLATE = '{subject}{period}{metric}{change}{figure}';

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
