/**
 * The folding of search: NFKC (full-width ＡＢＣ１２３％ → ABC123%) and lower case. The index's terms,
 * the snippets' matching, phrases and the query's fields all fold the same way; no dependency, so
 * the extension host can fold without loading the tokenizer.
 */
export const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Names folded so far: a search asks about the same metrics, subjects, periods and titles again and again. */
const names = new Map<string, string>();

/** fold for names that recur (metrics, subjects, periods, titles, paths, query words), folded once each. */
export function foldName(text: string): string {
  let folded = names.get(text);
  if (folded === undefined) {
    if (names.size >= 4096) names.clear();
    names.set(text, (folded = fold(text)));
  }
  return folded;
}
