/** The user's metric alias file (setting statcite.stats.metricAliases), read on a local file system. */
import { readFileSync } from 'node:fs';
import type { Logger } from '../model';
import { metricKeysWith, parseMetricAliases, type MetricKeys } from './metricKey';

/** The groups of the user's alias file; a file that cannot be read, or bad lines in it, are reported and the rest is used. */
export function readMetricAliases(userFile: string | undefined, log?: Logger): string[][] {
  if (!userFile) return [];
  let text: string;
  try {
    text = readFileSync(userFile, 'utf8');
  } catch (err) {
    log?.warn(`stats: metric aliases ${userFile} cannot be read (${err instanceof Error ? err.message : String(err)}); using the shipped aliases only`);
    return [];
  }
  const { groups, problems } = parseMetricAliases(text, userFile);
  for (const problem of problems) log?.warn(`stats: ${problem}`);
  return groups;
}

/** The shipped table extended by the user's alias file. */
export function loadMetricKeys(userFile: string | undefined, log?: Logger): MetricKeys {
  return metricKeysWith(readMetricAliases(userFile, log));
}
