/** Setting keys, colour ids and command ids of the statistics feature (decorations and hover). */
export const SECTION = 'statcite.decorations';
/** statcite.stats.metricAliases: the user's alias file, merged with the shipped metric aliases. */
export const STATS_SECTION = 'statcite.stats';
export const METRIC_ALIASES = 'metricAliases';
/** statcite.decorations.enabled: underline the figures of statistics in open corpus files. */
export const ENABLED = 'enabled';
/** Theme colour of the dotted underline (contributed in package.json `colors`). */
export const UNDERLINE_COLOR = 'statcite.statisticUnderline';
/** The citation feature's command; takes a statistic id. */
export const CITE_STATISTIC_COMMAND = 'statcite.citeStatistic';
/**
 * Internal, not in the command palette: the figure ranges this feature last decorated in the
 * editor of a document (by URI string), as [start, end] offsets. The integration suite reads it
 * because VS Code offers no API to read an editor's decorations back.
 */
export const DECORATED_RANGES_COMMAND = 'statcite.statistics.decoratedRanges';
