/** Setting keys and command ids of figure tracing in drafts. */
export const SECTION = 'statcite.draft';
/** statcite.draft.traceFigures: trace the figures typed in open drafts to the corpus. */
export const TRACE_FIGURES = 'traceFigures';
/** statcite.draft.flagUnsourced: a hint on figures no statistic of the corpus states (off by default). */
export const FLAG_UNSOURCED = 'flagUnsourced';
/**
 * Internal, not in the command palette: the traced figures of an open draft (by URI string), once
 * its latest version is traced. The integration suite waits on it.
 */
export const TRACED_COMMAND = 'statcite.trace.traced';
