/** Setting keys of the citation feature. */
export const SECTION = 'statcite.cite';
export const STYLE = 'style';
export const MARKDOWN_MODE = 'markdownMode';
export const TEMPLATE = 'template';
export const BIBTEX_FILE = 'bibtexFile';
export const CSL_FILE = 'cslJsonFile';

export const INSERT_COMMAND = 'statcite.insertCitation';
export const CITE_STATISTIC_COMMAND = 'statcite.citeStatistic';
export const CITE_SELECTION_COMMAND = 'statcite.citeSelection';
export const UPDATE_COMMAND = 'statcite.updateReferences';
export const COPY_COMMAND = 'statcite.copyCitation';
export const FILL_COMMAND = 'statcite.fillSourceDetails';
export const EXPORT_CSL_COMMAND = 'statcite.exportCslJson';
export const EXPORT_BIBTEX_COMMAND = 'statcite.exportBibTeX';
/** Internal: opens a statistic's source (hover links, quick fixes); not in the palette. */
export const OPEN_SOURCE_COMMAND = 'statcite.cite.openSource';
/** Internal: cites a statistic that a figure typed in a draft states (uri, offset after the figure, id); not in the palette. */
export const CITE_FIGURE_COMMAND = 'statcite.cite.citeFigure';
/** Internal: the reference entries of statistics in the configured style (the Statistics view's copy). */
export const ENTRIES_COMMAND = 'statcite.cite.entries';

/** Languages a draft may be written in. */
export const DRAFT_LANGUAGES = ['markdown', 'latex', 'tex', 'plaintext'];
