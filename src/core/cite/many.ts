import { applyEdits, insertCitation, minimalEdit, type EditResult } from './draft/edit';
import { parseDraft } from './draft/parse';
import type { DraftFormat } from './draft/syntax';
import { joinList } from './list';
import type { PreparedCitation } from './prepare';
import type { CiteLookup } from './reference';
import type { CitationStyle } from './styles';

/** Between the sentences of several statistics cited at one place: 「…21.5%[^1]；…35.4%[^2]」. */
export const CITATION_SEPARATOR = '；';

/**
 * Citations at one place, as insertCitation puts each: one after the other's marker, the reference
 * list kept right after every one, each entry formatted with the list it joins (another work of the
 * same author and year makes it 2026b). Several are returned as ONE edit, so that a single undo
 * takes them back; one citation keeps insertCitation's own edits.
 */
export function insertCitations(
  text: string,
  format: DraftFormat,
  offset: number,
  prepared: readonly PreparedCitation[],
  lookup: CiteLookup,
  style: CitationStyle,
): EditResult {
  const insert = (current: string, at: number, citation: PreparedCitation, separator: string): EditResult => {
    const joined = joinList(parseDraft(current, format), citation, lookup, style);
    return insertCitation(joined.draft, at, { ...joined.request, text: separator + joined.request.text });
  };
  if (prepared.length === 1) return insert(text, offset, prepared[0], '');
  let current = text;
  let at = offset;
  for (const [i, citation] of prepared.entries()) {
    const result = insert(current, at, citation, i ? CITATION_SEPARATOR : '');
    if ('error' in result) return result;
    current = applyEdits(current, result.edits);
    at = result.cursor ?? at;
  }
  const edit = minimalEdit(text, current, 0);
  return { edits: edit ? [edit] : [], cursor: at, problems: [] };
}
