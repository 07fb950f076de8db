import type { SourceRange, Statistic } from '../model';
import type { Marker, ParsedDraft } from './draft/parse';
import type { CiteLookup } from './reference';

/** One work cited by one marker, and the statistic the text around the marker states. */
export interface Citation {
  marker: Marker;
  key?: string;
  /** The ids the reference block records for the work. */
  ids: string[];
  /** Number of the entry (numbered formats). */
  number?: number;
  /** The statistic this marker cites, when one of the recorded ids resolves and can be matched. */
  statistic?: Statistic;
  /** The figure in the draft standing for that statistic (its digits), when one is found. */
  figure?: SourceRange & { text: string };
}

const SENTENCE_END = /[。！？!?\n]/;
const NUMBER = /\d+(?:\.\d+)?/g;

/** Where the sentence holding a marker starts: after the previous sentence end or marker. */
function windowStart(text: string, marker: Marker, previous: Marker | undefined): number {
  const floor = previous?.end ?? 0;
  let start = marker.start;
  while (start > floor && !SENTENCE_END.test(text[start - 1])) start--;
  return start;
}

/** The draft's text with LaTeX's \% read as %, same length kept so offsets still hold. */
function readable(text: string): string {
  return text.replace(/\\%/g, '%\u0001');
}

function leadingNumber(text: string): number | undefined {
  const m = text.match(/\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

/** Numbers in the window that could state the statistic: same shape (percent or not), not dates. */
function candidatesFor(window: string, base: number, stat: Statistic): Array<SourceRange & { text: string }> {
  const percent = stat.text.includes('%');
  const out: Array<SourceRange & { text: string }> = [];
  for (const m of window.matchAll(NUMBER)) {
    const after = window.slice(m.index! + m[0].length).trimStart();
    if (after.startsWith('%') !== percent) continue;
    if (/^[年月日]/.test(after) && !['年', '月', '日'].includes(stat.unit)) continue;
    out.push({ start: base + m.index!, end: base + m.index! + m[0].length, text: m[0] });
  }
  return out;
}

/** Resolves every marker of the draft to its work and, where possible, to the statistic it states. */
export function resolveCitations(draft: ParsedDraft, lookup: CiteLookup): Citation[] {
  const byNumber = new Map(draft.entries.map((e) => [e.number, e]));
  const byKey = new Map(draft.entries.map((e) => [e.key, e]));
  const citations: Citation[] = [];
  draft.markers.forEach((marker, i) => {
    const works = marker.number !== undefined
      ? [{ entry: byNumber.get(marker.number), key: byNumber.get(marker.number)?.key }]
      : // Keyed formats: keys of StatCite's entries or of the corpus; the user's own keys are theirs.
        marker.keys.filter((key) => byKey.has(key) || lookup.report(key)).map((key) => ({ entry: byKey.get(key), key }));
    for (const { entry, key } of works) {
      const citation: Citation = { marker, key, ids: entry?.ids ?? [], number: marker.number };
      const stats = citation.ids.map((id) => lookup.statistic(id)?.statistic).filter((s): s is Statistic => !!s);
      if (stats.length) {
        const start = windowStart(draft.text, marker, draft.markers[i - 1]);
        const window = readable(draft.text.slice(start, marker.start));
        const stated = stats
          .map((s) => ({ s, at: window.lastIndexOf(s.text) }))
          .filter((x) => x.at >= 0)
          .sort((a, b) => b.at - a.at)[0];
        if (stated) {
          citation.statistic = stated.s;
          const digits = stated.s.text.match(/\d+(?:\.\d+)?/);
          const at = start + stated.at + (digits?.index ?? 0);
          citation.figure = { start: at, end: at + (digits?.[0] ?? stated.s.text).length, text: digits?.[0] ?? stated.s.text };
        } else {
          // The figure was changed: take the statistic whose metric the sentence names, else the one
          // closest in value to the last figure of the same shape.
          const named = stats.filter((s) => s.metric && window.includes(s.metric));
          const pool = named.length ? named : stats;
          let best: { s: Statistic; f: SourceRange & { text: string }; d: number } | undefined;
          for (const s of pool) {
            const f = candidatesFor(window, start, s).pop();
            const v = leadingNumber(s.text);
            if (!f || v === undefined) continue;
            const d = Math.abs(Number(f.text) - v);
            if (!best || d < best.d) best = { s, f, d };
          }
          if (best) {
            citation.statistic = best.s;
            citation.figure = best.f;
          } else if (stats.length === 1) {
            citation.statistic = stats[0];
          }
        }
      }
      citations.push(citation);
    }
  });
  return citations;
}

/** The citation whose marker or figure covers `offset`. */
export function citationAt(citations: Citation[], offset: number): Citation | undefined {
  return citations.find(
    (c) => (c.marker.start <= offset && offset <= c.marker.end) || (c.figure && c.figure.start <= offset && offset <= c.figure.end),
  );
}
