import type { SourceRange } from '../model';
import { resolveCitations } from './citations';
import type { ParsedDraft } from './draft/parse';
import type { TextEdit } from './draft/edit';
import { referenceFor, type CiteLookup } from './reference';
import type { CitationStyle } from './styles';

export type FindingCode = 'figure-mismatch' | 'missing-statistic' | 'missing-source' | 'missing-metadata' | 'draft';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: SourceRange;
  /** The statistic concerned, for "open the source". */
  statisticId?: string;
  /** For figure mismatches: the replacement that writes the source's figure. */
  fix?: TextEdit;
}

const STYLE_NAMES: Record<string, string> = {
  'gbt7714-numeric': 'GB/T 7714-2015',
  'gbt7714-author-year': 'GB/T 7714-2015',
  apa: 'APA 7',
  chicago: 'Chicago',
};

/**
 * Checks a draft against the corpus: figures that differ from their source, citations of
 * statistics or works the corpus no longer has, metadata the style needs but lacks, and damage
 * to the reference list.
 */
export function verifyDraft(draft: ParsedDraft, lookup: CiteLookup, style: CitationStyle): Finding[] {
  const findings: Finding[] = draft.problems.map((p) => ({ code: 'draft', severity: 'warning', message: p.message, range: p.range }));
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
        message: `citation ${label(c.number, c.key)}: its source (${c.key}) is no longer in the corpus`,
      });
      continue;
    }
    for (const id of missingIds) {
      findings.push({
        code: 'missing-statistic',
        severity: 'error',
        range: c.marker,
        message: `citation ${label(c.number, c.key)}: ${id} no longer exists in “${report.report.title}” (the source changed); cite the figure again`,
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
          message: `the draft says ${c.figure.text}, the source says ${c.statistic.text} (${c.statistic.metric}, “${report.report.title}”)`,
          fix: { start: c.figure.start, end: c.figure.end, text: source },
        });
      }
    }
    if (!metadataChecked.has(c.key)) {
      metadataChecked.add(c.key);
      const missing = style.entry(referenceFor(report), 'plain').missing;
      if (missing.length) {
        findings.push({
          code: 'missing-metadata',
          severity: 'info',
          range: c.marker,
          message: `reference ${label(c.number, c.key)} lacks ${missing.join(', ')} (${STYLE_NAMES[style.id]}); add them to the corpus sidecar (statcite.meta.json) or the file's front matter`,
        });
      }
    }
  }
  return findings;
}
