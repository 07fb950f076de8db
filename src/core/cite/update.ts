import { parseBib, upsertBib } from './bibtex';
import { toCsl, upsertCsl } from './csl';
import { applyEdits, updateReferences, type TextEdit } from './draft/edit';
import { parseDraft, type DraftProblem } from './draft/parse';
import type { DraftFormat } from './draft/syntax';
import { listEntries } from './list';
import type { CiteOptions } from './prepare';
import { referenceFor, type CiteLookup, type Reference } from './reference';

/** A bibliography file's new text, and the keys it did not have before. */
export interface BibliographyChange {
  text: string;
  changed: boolean;
  added: string[];
}

/** A bibliography file's new text with the references added or replaced (LaTeX: BibTeX; Pandoc: CSL-JSON). */
export function bibliographyWith(format: DraftFormat, text: string, refs: Reference[]): BibliographyChange | { error: string } {
  const addedTo = (known: Set<string>) => refs.map((r) => r.key).filter((k) => !known.has(k));
  if (format === 'latex') {
    const result = upsertBib(text, refs);
    if ('error' in result) return result;
    const known = new Set(parseBib(text).entries.map((e) => e.key));
    return { text: applyEdits(text, result.edits), changed: result.edits.length > 0, added: addedTo(known) };
  }
  const result = upsertCsl(text, refs.map(toCsl));
  if ('error' in result) return result;
  // upsertCsl has checked that the file is a CSL-JSON array.
  const known = new Set(text.trim() ? (JSON.parse(text) as Array<{ id?: unknown }>).map((x) => String(x.id)) : []);
  return { text: result.text, changed: result.text !== text, added: addedTo(known) };
}

/** The bibliography file of a LaTeX or Pandoc draft, as the host reads it ('' when it does not exist yet). */
export interface BibliographySource {
  name: string;
  read(): Promise<string>;
}

export interface DraftUpdate {
  /** The draft's edits: StatCite's markers and entry lines only. */
  edits: TextEdit[];
  problems: DraftProblem[];
  /** LaTeX and Pandoc: the bibliography file's new text, when the draft cites works of the corpus. */
  bibliography?: BibliographyChange;
}

/**
 * Update References: the one implementation behind the VS Code command and `statcite update`.
 * The bibliography file is read and checked first, so a broken file stops the update before
 * anything is written.
 */
export async function planUpdate(
  text: string,
  options: Pick<CiteOptions, 'style' | 'format'>,
  lookup: CiteLookup,
  bibliography?: BibliographySource,
): Promise<DraftUpdate | { error: string }> {
  const parsed = parseDraft(text, options.format);
  let planned: DraftUpdate['bibliography'];
  if (bibliography && (options.format === 'latex' || options.format === 'pandoc')) {
    const refs = [...new Set(parsed.markers.flatMap((m) => m.keys))].flatMap((k) => lookup.report(k) ?? []).map(referenceFor);
    if (refs.length) {
      let current: string;
      try {
        current = await bibliography.read();
      } catch (err) {
        return { error: `${bibliography.name}: ${err instanceof Error ? err.message : String(err)}` };
      }
      const result = bibliographyWith(options.format, current, refs);
      if ('error' in result) return { error: `${bibliography.name}: ${result.error}` };
      planned = result;
    }
  }
  const result = updateReferences(parsed, listEntries(parsed, lookup, options.style), options.style.heading);
  if ('error' in result) return result;
  return { edits: result.edits, problems: result.problems, bibliography: planned };
}
