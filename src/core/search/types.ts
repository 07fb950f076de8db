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
  /** The passage (from its first range to its last: a page break may split it) or the statistic's figure. */
  start: number;
  end: number;
  /** The 1-based page of the figure or the passage's start, in paged sources (PDF). */
  page?: number;
  /**
   * Where the result points, what opening it selects and the CLI prints: a passage's best match
   * (where most of the matched words stand together, maybe after a page break; its first range
   * when no word occurs literally), a statistic's figure.
   */
  match: { start: number; end: number };
  article: string;
  report: string;
  section: string;
  /** A short excerpt around the best match. */
  snippet: string;
  /** [start, end) ranges of matched terms inside snippet. */
  highlights: Array<[number, number]>;
  score: number;
}
