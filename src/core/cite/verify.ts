import type { SourceRange } from '../model';
import { resolveCitations } from './citations';
import { parseDraft, type ParsedDraft } from './draft/parse';
import type { DraftFormat } from './draft/syntax';
import { message, type Message } from './message';
import type { TextEdit } from './draft/edit';
import { referenceFor, type CiteLookup } from './reference';
import type { CitationStyle } from './styles';

export type FindingCode = 'figure-mismatch' | 'missing-statistic' | 'missing-source' | 'missing-metadata' | 'draft';

export interface Finding extends Message {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  range: SourceRange;
  /** The statistic concerned, for "open the source". */
  statisticId?: string;
  /** The source concerned, for "fill in source details". */
  key?: string;
  /** For figure mismatches: the replacement that writes the source's figure. */
  fix?: TextEdit;
}

/**
 * Checks a draft against the corpus: figures that differ from their source, citations of
 * statistics or works the corpus no longer has, metadata the style needs but lacks, and damage
 * to the reference list.
 */
export function verifyDraft(draft: ParsedDraft, lookup: CiteLookup, style: CitationStyle): Finding[] {
  const findings: Finding[] = draft.problems.map((p) => ({ ...p, code: 'draft', severity: 'warning' }));
  const label = (n: number | undefined, key: string) => (n !== undefined ? `[${n}]` : key);
  const metadataChecked = new Set<string>();
  for (const c of resolveCitations(draft, lookup)) {
    if (!c.key) continue; // hand-written entries and markers without an entry are reported by the parse
    const report = lookup.report(c.key);
    const missingIds = c.ids.filter((id) => !lookup.statistic(id) && !lookup.passage(id));
    if (!report) {
      findings.push({
        code: 'missing-source',
        severity: 'error',
        range: c.marker,
        ...message('citation {0}: its source ({1}) is no longer in the corpus', label(c.number, c.key), c.key),
      });
      continue;
    }
    for (const id of missingIds) {
      findings.push({
        code: 'missing-statistic',
        severity: 'error',
        range: c.marker,
        ...message('citation {0}: {1} no longer exists in “{2}” (the source changed); cite the figure again', label(c.number, c.key), id, report.report.title),
      });
    }
    if (c.statistic && c.figure) {
      const source = c.statistic.text.match(/\d+(?:\.\d+)?/)?.[0];
      if (source !== undefined && Number(source) !== Number(c.figure.text)) {
        findings.push({
          code: 'figure-mismatch',
          severity: 'warning',
          range: c.figure,
          statisticId: c.statistic.id,
          ...message(
            'the draft says {0}, the source says {1} ({2}, “{3}”)',
            c.figure.text + (c.statistic.text.endsWith('%') ? '%' : ''),
            c.statistic.text,
            c.statistic.metric,
            report.report.title,
          ),
          fix: { start: c.figure.start, end: c.figure.end, text: source },
        });
      }
    }
    if (!metadataChecked.has(c.key)) {
      metadataChecked.add(c.key);
      const missing = style.missing(referenceFor(report));
      if (missing.length) {
        findings.push({
          code: 'missing-metadata',
          severity: 'info',
          range: c.marker,
          key: c.key,
          ...message(
            "reference {0} lacks {1} ({2}); add them to the corpus sidecar (statcite.meta.json) or the file's front matter",
            label(c.number, c.key),
            missing.join(', '),
            style.name,
          ),
        });
      }
    }
  }
  return findings;
}

/**
 * The diagnostics of a draft in the order of the text, as the Problems panel and `statcite check`
 * show them; a text that never mentions StatCite has none (it costs one substring test).
 */
export function checkDraft(text: string, format: DraftFormat, lookup: CiteLookup, style: CitationStyle): Finding[] {
  if (!text.includes('statcite')) return [];
  return verifyDraft(parseDraft(text, format), lookup, style).sort((a, b) => a.range.start - b.range.start);
}
