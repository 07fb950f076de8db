import { applyEdits, insertCitation, minimalEdit, type CiteRequest, type EditResult } from './draft/edit';
import { parseDraft } from './draft/parse';
import type { DraftFormat } from './draft/syntax';

/** Between the sentences of several statistics cited at one place: 「…21.5%[^1]；…35.4%[^2]」. */
export const CITATION_SEPARATOR = '；';

/**
 * Several citations at one place, as insertCitation puts each: one after the other's marker, the
 * reference list kept right after every one. The whole change is returned as ONE edit, so that a
 * single undo takes it back; one citation keeps insertCitation's own edits.
 */
export function insertCitations(text: string, format: DraftFormat, offset: number, requests: readonly CiteRequest[]): EditResult {
  if (requests.length === 1) return insertCitation(parseDraft(text, format), offset, requests[0]);
  let current = text;
  let at = offset;
  for (const [i, request] of requests.entries()) {
    const result = insertCitation(parseDraft(current, format), at, i ? { ...request, text: CITATION_SEPARATOR + request.text } : request);
    if ('error' in result) return result;
    current = applyEdits(current, result.edits);
    at = result.cursor ?? at;
  }
  const edit = minimalEdit(text, current, 0);
  return { edits: edit ? [edit] : [], cursor: at, problems: [] };
}
