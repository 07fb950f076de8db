/**
 * statcite check <draft> --corpus <path…>: the draft's diagnostics, the same the Problems panel
 * shows (changed figures, vanished statistics, missing metadata, reference lines StatCite cannot
 * place), and every figure typed in it traced to the corpus (cited, found, differs, unsourced).
 * Exit 1 when there is an error, 0 otherwise, 2 for usage errors.
 */
import { corpusLookup } from '../core/cite/reference';
import { checkDraft } from '../core/cite/verify';
import { TraceIndex } from '../core/trace/index';
import { traceDraft, type TracedFigure } from '../core/trace/trace';
import { openCorpus } from './corpus';
import { DRAFT_OPTIONS, locate, located, parseDraftArgs, readDraft, type Located } from './draft';
import { loadStyle } from './style';

const SEVERITY = { cited: 'info', found: 'info', differs: 'warning', unsourced: 'info' } as const;

/** A traced figure as a finding, with its status and candidate statistics. */
function figureFinding(file: string, text: string, t: TracedFigure): Located & Pick<TracedFigure, 'figure' | 'status' | 'candidates'> {
  const ids = t.candidates.length ? ` [${t.candidates.map((c) => c.id).join(', ')}]` : '';
  const said = [t.message?.message ?? 'cited', t.also?.message].filter(Boolean).join(' ');
  const finding = locate(file, text, { range: t.range, severity: SEVERITY[t.status], message: `${t.figure}: ${said}${ids}`, code: `trace-${t.status}` });
  return { ...finding, figure: t.figure, status: t.status, candidates: t.candidates };
}

export const summary = "a draft's citations against the corpus  (<draft> --corpus <path…> [--json] [--metric-aliases F])";

const USAGE = `usage: statcite check <draft> ${DRAFT_OPTIONS} [--json] [--metric-aliases <file>]`;

export async function run(argv: string[]): Promise<number> {
  const args = parseDraftArgs(argv, ['--json'], ['--metric-aliases']);
  if (typeof args === 'string') {
    console.error(`statcite check: ${args}\n${USAGE}`);
    return 2;
  }
  const style = await loadStyle(args.style, 'check');
  if (typeof style === 'string') {
    console.error(`statcite check: ${style}\n${USAGE}`);
    return 2;
  }
  const draft = await readDraft(args);
  if ('error' in draft) {
    console.error(`statcite check: ${draft.error}`);
    return 1;
  }
  // The user's metric aliases key the corpus's statistics and the draft's figures alike.
  const { files, metricKeys } = await openCorpus(args.corpus, { metricAliases: args.own.get('--metric-aliases') as string | undefined });
  const findings = checkDraft(draft.text, draft.format, corpusLookup(files), style).map((f) => locate(args.draft, draft.text, f));
  const traced = traceDraft(draft.text, draft.format, TraceIndex.of(files), metricKeys).map((t) => figureFinding(args.draft, draft.text, t));
  const all = [...findings, ...traced].sort((a, b) => a.line - b.line || a.column - b.column);
  if (args.own.has('--json')) console.log(JSON.stringify(all, null, 2));
  else if (all.length) {
    const shown = all.filter((f) => !('status' in f) || f.status !== 'cited');
    if (shown.length) console.log(shown.map(located).join('\n'));
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const status = (s: string) => traced.filter((f) => f.status === s).length;
    if (findings.length) console.error(`${args.draft}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`);
    if (traced.length) {
      console.error(`${args.draft}: ${traced.length} figure(s): ${status('cited')} cited, ${status('found')} traceable, ${status('differs')} differ from their source, ${status('unsourced')} unsourced`);
    }
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
