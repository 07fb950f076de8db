/**
 * How a search result is named in a list: by what tells it from the other results. Results of
 * one page share its title, so a passage leads with its report › section (the page title comes
 * last, when it differs) and a statistic with its figure and metric, then who and when.
 */
import { figureText } from '../stats/label';
import type { Statistic } from '../model';
import type { SearchResult } from './types';

export interface ResultHeading {
  label: string;
  description: string;
}

/** `statistic`: the result's statistic, for a statistic result. */
export function resultHeading(result: SearchResult, statistic?: Statistic): ResultHeading {
  const report = result.report || result.article;
  const where = [report, result.section].filter(Boolean).join(' › ');
  if (statistic) {
    return { label: `${figureText(statistic)} ${statistic.metric}`.trim(), description: [statistic.subject, statistic.period, where].filter(Boolean).join(' · ') };
  }
  return { label: where || result.article, description: result.article !== report ? result.article : '' };
}
