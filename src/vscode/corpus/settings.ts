/** Setting keys of the corpus feature. */
export const SECTION = 'statcite.corpus';
export const INCLUDE = 'include';
export const EXCLUDE = 'exclude';
export const FOLDERS = 'folders';
/** workspaceState key: the bundled sample corpus is part of this workspace's corpus. */
export const SAMPLE_STATE = 'statcite.sampleCorpus';
/** Context key for the welcome view: 'loading' | 'empty' | 'ready'. */
export const STATE_CONTEXT = 'statcite.corpusState';
