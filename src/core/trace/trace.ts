/**
 * Every figure a writer typed in a draft, traced to the corpus: cited (a marker follows it), found
 * (a statistic states it, maybe rounded), differs (a statistic of the same metric and subject
 * gives another value: the writer likely mistyped or misremembered it) or unsourced.
 */
import type { DraftFormat } from '../cite/draft/syntax';
import { escaperFor } from '../cite/escape';
import { message, type Message } from '../cite/message';
import type { TextEdit } from '../cite/draft/edit';
import type { SourceRange } from '../model';
import { SHIPPED_METRIC_KEYS, type MetricKeys } from '../stats/metricKey';
import { draftFigures, type DraftFigure } from './figures';
import type { TraceIndex, TraceSource } from './index';
import { SAME_METRIC, contextOf, scoreOf } from './match';
import { agreement } from './precision';

export type TraceStatus = 'cited' | 'found' | 'differs' | 'unsourced';

export interface TraceCandidate {
  id: string;
  value: number;
  unit: string;
  metric: string;
  subject?: string;
  report: string;
  score: number;
  /** The figure as the source writes it. */
  text: string;
  /** How the value agrees with the draft's: equal, the coarser one rounded, or another value. */
  agreement: 'exact' | 'rounded' | 'differs';
}

export interface TracedFigure {
  range: SourceRange;
  /** The figure as the draft writes it. */
  figure: string;
  status: TraceStatus;
  /** Best first. For a cited figure, the sources that would state it. */
  candidates: TraceCandidate[];
  /** What to tell the writer (none for a cited figure); `also` lists further sources. */
  message?: Message;
  also?: Message;
  /** For a differing figure: the edit that writes the source's figure instead. */
  fix?: TextEdit;
}

/** Candidates kept per figure. */
const MAX_CANDIDATES = 5;
/** Values further apart than this share of the larger one are different facts, not a slip. */
const CLOSE = 0.5;

export function traceDraft(text: string, format: DraftFormat, index: TraceIndex, keys: MetricKeys = SHIPPED_METRIC_KEYS): TracedFigure[] {
  return draftFigures(text, format, keys).map((figure) => traceFigure(text, format, figure, index));
}

function traceFigure(text: string, format: DraftFormat, figure: DraftFigure, index: TraceIndex): TracedFigure {
  const written = text.slice(figure.range.start, figure.range.end);
  const base = { range: figure.range, figure: written };
  const found = matches(figure, index);
  if (figure.cited) return { ...base, status: 'cited', candidates: found };
  if (found.length) {
    const [best, ...others] = found;
    const said = best.agreement === 'rounded' ? message('Matches {1} in {0} (allowing for rounding).', best.report, best.text) : message('Matches {1} in {0}.', best.report, best.text);
    const also = others.length ? message('Also in: {0}', others.map((c) => `${c.report} ${c.text}`).join('; ')) : undefined;
    return { ...base, status: 'found', candidates: found, message: said, ...(also && { also }) };
  }
  const differing = differs(figure, index);
  if (differing) {
    const fixText = escaperFor(format).text(differing.text);
    return {
      ...base,
      status: 'differs',
      candidates: [differing],
      message: message('{0} gives {1} for this, not {2}.', differing.report, differing.text, written),
      fix: { start: figure.range.start, end: figure.range.end, text: fixText },
    };
  }
  return { ...base, status: 'unsourced', candidates: [], message: message('No source in the corpus states {0}.', written) };
}

function candidate(source: TraceSource, score: number, value: TraceCandidate['agreement']): TraceCandidate {
  const { stat } = source;
  return {
    id: stat.id, value: stat.value, unit: stat.unit, metric: stat.metric, ...(stat.subject && { subject: stat.subject }),
    report: source.report, score, text: stat.text, agreement: value,
  };
}

/** Statistics that state the figure: the same value (allowing for rounding) and the same quantity. */
function matches(figure: DraftFigure, index: TraceIndex): TraceCandidate[] {
  if (!figure.metricKey) return [];
  const out: TraceCandidate[] = [];
  for (const source of index.near(figure.unit, figure.value, figure.step)) {
    const value = agreement(figure.value, figure.step, source.stat.value, source.step);
    const context = value && contextOf(figure, source.stat);
    if (!value || !context || context.metric < SAME_METRIC) continue;
    out.push(candidate(source, scoreOf(context, value), value));
  }
  return best(out);
}

/**
 * The statistic a figure likely misstates: the same metric key and unit, a close value, and the
 * same subject, or, when the draft names none, the only value the corpus gives for that metric.
 */
function differs(figure: DraftFigure, index: TraceIndex): TraceCandidate | undefined {
  const near: Array<{ source: TraceSource; score: number; sameSubject: boolean }> = [];
  for (const source of index.ofKey(figure.metricKey)) {
    const { stat } = source;
    if (stat.unit !== figure.unit || Math.abs(stat.value - figure.value) > CLOSE * Math.max(Math.abs(stat.value), Math.abs(figure.value))) continue;
    const context = contextOf(figure, stat);
    if (context) near.push({ source, score: scoreOf(context, 'differs'), sameSubject: context.subject === 1 });
  }
  const values = new Set(near.map((n) => n.source.stat.value));
  const sure = near.filter((n) => n.sameSubject || values.size === 1).sort((a, b) => b.score - a.score);
  const [top] = sure;
  // Two values as likely (two years of the metric, the draft naming none): which one was meant is unknown.
  if (!top || sure.some((n) => n.score === top.score && n.source.stat.value !== top.source.stat.value)) return undefined;
  return candidate(top.source, top.score, 'differs');
}

/** The best candidates first (score, then an exact value), one per report and figure. */
function best(candidates: TraceCandidate[]): TraceCandidate[] {
  const seen = new Set<string>();
  return candidates
    .sort((a, b) => b.score - a.score || Number(b.agreement === 'exact') - Number(a.agreement === 'exact'))
    .filter((c) => {
      const key = `${c.report}\u0000${c.text}\u0000${c.metric}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_CANDIDATES);
}
