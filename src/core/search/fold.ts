/**
 * The folding of search: NFKC (full-width ＡＢＣ１２３％ → ABC123%) and lower case. The index's terms,
 * the snippets' matching, phrases and the query's fields all fold the same way; no dependency, so
 * the extension host can fold without loading the tokenizer.
 */
export const fold = (text: string): string => text.normalize('NFKC').toLowerCase();
