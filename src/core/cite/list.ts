import type { CiteRequest, EntryFor, TextEdit } from './draft/edit';
import type { ParsedDraft } from './draft/parse';
import { SYNTAX } from './draft/syntax';
import { escaperFor } from './escape';
import type { PreparedCitation } from './prepare';
import { referenceFor, type CiteLookup, type Reference } from './reference';
import { formatEntries, type CitationStyle } from './styles';

/**
 * The reference list as a whole: entries formatted together (so works of one author and year get
 * 1997a, 1997b), their pages gathered from what the draft cites, restyled when the style changes.
 * Styles write plain text; it is escaped for the draft's format here, as prepare.ts does.
 */

/** The entry texts of these works for a draft, formatted as one list and escaped for its format. */
function listTexts(draft: ParsedDraft, refs: Reference[], style: CitationStyle): Map<string, string> {
  const escape = escaperFor(draft.format);
  return new Map(formatEntries(style, refs, 'plain').map((f, i) => [refs[i].key, escape.text(f.text)]));
}

/** A work's reference with the pages of the statistics and passages the draft cites from it. */
function referenceCiting(lookup: CiteLookup, key: string, ids: string[]): Reference | undefined {
  const location = lookup.report(key);
  if (!location) return undefined;
  const ref = referenceFor(location);
  if (ref.page !== undefined || ref.type === 'N') return ref;
  const pages = [...new Set(ids.map((id) => (lookup.statistic(id)?.statistic ?? lookup.passage(id)?.passage)?.page).filter((p): p is number => p !== undefined))];
  return pages.length ? { ...ref, page: pages.sort((a, b) => a - b).join(', ') } : ref;
}

/** The works a draft cites that the corpus knows, in order of first appearance in the list or text. */
function citedReferences(draft: ParsedDraft, lookup: CiteLookup): Reference[] {
  const ids = new Map<string, string[]>();
  for (const e of draft.entries) if (e.key) ids.set(e.key, [...(ids.get(e.key) ?? []), ...e.ids]);
  for (const key of draft.markers.flatMap((m) => m.keys)) if (!ids.has(key)) ids.set(key, []);
  return [...ids].map(([key, cited]) => referenceCiting(lookup, key, cited)).filter((r): r is Reference => !!r);
}

/** Entry texts for Update References and restyling, formatted as one list. */
export function listEntries(draft: ParsedDraft, lookup: CiteLookup, style: CitationStyle): EntryFor {
  const texts = listTexts(draft, citedReferences(draft, lookup), style);
  return (key) => {
    const location = texts.has(key) ? undefined : lookup.report(key);
    return texts.get(key) ?? (location && listTexts(draft, [referenceFor(location)], style).get(key));
  };
}

/**
 * What an insertion needs to keep the list right: the request with the new entry formatted as part
 * of the list, and the draft with the texts of existing entries that change because the new work
 * joins it (1997 becomes 1997a). Other entries keep their text as written.
 */
export function joinList(draft: ParsedDraft, prepared: PreparedCitation, lookup: CiteLookup, style: CitationStyle): { draft: ParsedDraft; request: CiteRequest } {
  if (!SYNTAX[draft.format].numbered) return { draft, request: prepared.request };
  const before = citedReferences(draft, lookup).filter((r) => r.key !== prepared.reference.key);
  const was = listTexts(draft, before, style);
  const is = listTexts(draft, [...before, prepared.reference], style);
  const entries = draft.entries.map((e) => (e.key && was.get(e.key) !== is.get(e.key) && is.has(e.key) ? { ...e, text: is.get(e.key) } : e));
  return { draft: { ...draft, entries }, request: { ...prepared.request, entry: is.get(prepared.reference.key) ?? prepared.request.entry } };
}

/**
 * Edits that rewrite StatCite's entries in the new style, line by line: nothing is renumbered,
 * added or removed, and entries the corpus no longer has or that were written by hand stay.
 */
export function restyleEdits(draft: ParsedDraft, entryFor: EntryFor): TextEdit[] {
  const syntax = SYNTAX[draft.format];
  if (!syntax.numbered) return [];
  const edits: TextEdit[] = [];
  for (const entry of draft.entries) {
    const text = entry.key ? entryFor(entry.key) : undefined;
    if (text === undefined || text === entry.text) continue;
    const line = syntax.line({ ...entry, text });
    if (line !== draft.text.slice(entry.range.start, entry.range.end)) edits.push({ ...entry.range, text: line });
  }
  return edits;
}
