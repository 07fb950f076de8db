/** Setting keys, command ids and context keys of the search feature. */
export const SECTION = 'statcite.search';
/** Path of the user's own jieba dictionary, merged with the shipped domain words. */
export const USER_DICTIONARY = 'userDictionary';
export const SEARCH_COMMAND = 'statcite.search';
/** Search one article or report: the outline's context menu passes its row. */
export const SEARCH_IN_COMMAND = 'statcite.searchIn';
/** Opens a SearchResult at its range; what the QuickPick runs on accept (and tests call). */
export const OPEN_RESULT_COMMAND = 'statcite.openSearchResult';
export const COPY_ACTIVE_COMMAND = 'statcite.search.copyActive';
export const CITE_ACTIVE_COMMAND = 'statcite.search.citeActive';
/** The citation feature's command; takes a statistic id. */
export const CITE_STATISTIC_COMMAND = 'statcite.citeStatistic';
/** True while the search QuickPick is open: scopes its keyboard shortcuts. */
export const SEARCH_VISIBLE_CONTEXT = 'statcite.searchVisible';
