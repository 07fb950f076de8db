/** The search contract shared by the index, the worker, the command palette and the CLI. */

export interface SearchOptions {
  /** Maximum number of results (default 50). */
  limit?: number;
  /** Only statistics, no passages. */
  statisticsOnly?: boolean;
  /** Restrict to one article or report by id. */
  articleId?: string;
  reportId?: string;
  /** Treat the last query term as a prefix (while typing). */
  prefixLast?: boolean;
}

export interface SearchResult {
  /** Passage id or statistic id. */
  id: string;
  kind: 'passage' | 'statistic';
  file: string;
  /** Range to open: the passage's first range or the statistic's figure. */
  start: number;
  end: number;
  /** The 1-based page of the figure or the passage's start, in paged sources (PDF). */
  page?: number;
  /** Passages: the first matched term in the source, when one occurs literally (where to select). */
  match?: { start: number; end: number };
  article: string;
  report: string;
  section: string;
  /** A short excerpt around the best match. */
  snippet: string;
  /** [start, end) ranges of matched terms inside snippet. */
  highlights: Array<[number, number]>;
  score: number;
}
