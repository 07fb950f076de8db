import type { Statistic } from '../model';
import { changeText, figureText } from '../stats/label';

/** The default text put before a citation marker: the figure with what it measures, who and when. */
export const DEFAULT_TEMPLATE = '{subject}{period}{metric}{change}{figure}';

/** Fills a template such as "{subject}{period}{metric}{change}{figure}"; unknown names stay as written. */
export function statisticSentence(stat: Statistic, template: string): string {
  const change = changeText(stat);
  const values: Record<string, string> = {
    subject: stat.subject ?? '',
    // "四级登记信访在2024年压降": the period already stands in the words taken from the source.
    period: stat.period && !change.includes(stat.period) ? stat.period : '',
    metric: stat.metric,
    change,
    figure: figureText(stat),
    sentence: stat.sentence,
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
