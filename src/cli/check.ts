/**
 * statcite check <draft> --corpus <path…>: the draft's diagnostics, the same the Problems panel
 * shows (changed figures, vanished statistics, missing metadata, reference lines StatCite cannot
 * place). Exit 1 when there is an error, 0 otherwise, 2 for usage errors.
 */
import { checkDraft } from '../core/cite/verify';
import { DRAFT_OPTIONS, corpusOf, locate, located, parseDraftArgs, readDraft } from './draft';
import { loadStyle } from './style';

export const summary = "a draft's citations against the corpus  (<draft> --corpus <path…> [--json])";

const USAGE = `usage: statcite check <draft> ${DRAFT_OPTIONS} [--json]`;

export async function run(argv: string[]): Promise<number> {
  const args = parseDraftArgs(argv, ['--json'], []);
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
  const findings = checkDraft(draft.text, draft.format, await corpusOf(args), style).map((f) => locate(args.draft, draft.text, f));
  if (args.own.has('--json')) console.log(JSON.stringify(findings, null, 2));
  else if (findings.length) {
    console.log(findings.map(located).join('\n'));
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    console.error(`${args.draft}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
