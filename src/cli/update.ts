/**
 * statcite update <draft> --corpus <path…>: the extension's Update References, in place, with the
 * same code (core/cite/update.ts): StatCite's markers and entries are renumbered and rewritten,
 * everything else is kept byte for byte; what StatCite cannot place is printed as a warning. For
 * LaTeX and Pandoc the bibliography file (default references.bib / references.json next to the
 * draft) is updated too. Exit 0 when done, 1 on failure (nothing is written then), 2 for usage errors.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { applyEdits } from '../core/cite/draft/edit';
import { planUpdate } from '../core/cite/update';
import { DRAFT_OPTIONS, corpusOf, locate, located, parseDraftArgs, readDraft } from './draft';
import { loadStyle } from './style';

export const summary = "a draft's reference list, in place  (<draft> --corpus <path…> [--bibliography <file>])";

const USAGE = `usage: statcite update <draft> ${DRAFT_OPTIONS} [--bibliography <file>]`;

export async function run(argv: string[]): Promise<number> {
  const args = parseDraftArgs(argv, [], ['--bibliography']);
  if (typeof args === 'string') {
    console.error(`statcite update: ${args}\n${USAGE}`);
    return 2;
  }
  const style = await loadStyle(args.style, 'update');
  if (typeof style === 'string') {
    console.error(`statcite update: ${style}\n${USAGE}`);
    return 2;
  }
  const draft = await readDraft(args);
  if ('error' in draft) {
    console.error(`statcite update: ${draft.error}`);
    return 1;
  }
  const given = args.own.get('--bibliography');
  const bibliography =
    typeof given === 'string' ? given : nodePath.join(nodePath.dirname(args.draft), draft.format === 'latex' ? 'references.bib' : 'references.json');
  const read = () => fs.readFile(bibliography, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
  const plan = await planUpdate(draft.text, { style, format: draft.format }, await corpusOf(args), { name: bibliography, read });
  if ('error' in plan) {
    console.error(`statcite update: references not updated: ${plan.error}`);
    return 1;
  }
  for (const p of plan.problems) console.error(located(locate(args.draft, draft.text, { ...p, severity: 'warning' })));
  try {
    if (plan.bibliography?.changed) {
      await fs.writeFile(bibliography, plan.bibliography.text);
      console.log(`updated ${bibliography}`);
    }
    if (plan.edits.length) await fs.writeFile(args.draft, applyEdits(draft.text, plan.edits));
  } catch (err) {
    console.error(`statcite update: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  console.log(plan.edits.length ? `updated ${args.draft} (${plan.edits.length} change(s))` : `${args.draft}: references already up to date`);
  return 0;
}
