import * as vscode from 'vscode';
import { parseDraft } from '../../core/cite/draft/parse';
import { SYNTAX } from '../../core/cite/draft/syntax';
import { listEntries, restyleEdits } from '../../core/cite/list';
import { referenceFor } from '../../core/cite/reference';
import { applyToDraft, planBibliography, writeBibliography } from './apply';
import type { CiteContext } from './context';
import { SECTION, STYLE } from './settings';

/**
 * Keeps the reference lists of open drafts in step with the style and the metadata: after the style
 * setting changes, and after source details are filled in. Each draft gets one edit (one undo step)
 * rewriting its StatCite entries in place; LaTeX and Pandoc drafts get their bibliography file
 * updated instead. Drafts without StatCite citations are not touched.
 */
export async function refreshLists(ctx: CiteContext, keys?: string[]): Promise<number> {
  await ctx.services.corpus.ready;
  const lookup = ctx.lookup();
  let changed = 0;
  for (const document of vscode.workspace.textDocuments) {
    if (document.isClosed || !document.getText().includes('statcite') || !ctx.isDraft(document)) continue;
    const format = ctx.format(document);
    const parsed = parseDraft(document.getText(), format);
    const cited = [...new Set([...parsed.entries.map((e) => e.key), ...parsed.markers.flatMap((m) => m.keys)])].filter((k): k is string => !!k && !!lookup.report(k));
    if (!cited.length || (keys && !cited.some((k) => keys.includes(k)))) continue;
    if (SYNTAX[format].numbered) {
      const edits = restyleEdits(parsed, listEntries(parsed, lookup, await ctx.style(document)));
      if (edits.length && (await applyToDraft(document, edits))) changed++;
      continue;
    }
    const refs = cited.filter((k) => !keys || keys.includes(k)).map((k) => referenceFor(lookup.report(k)!));
    const plan = await planBibliography(ctx.bibliography(document, format === 'latex' ? 'bibtex' : 'csl'), format, refs);
    if ('error' in plan) {
      void vscode.window.showWarningMessage(vscode.l10n.t('References not updated: {0}. Fix the file and try again.', plan.error));
    } else if (plan.changed) {
      await writeBibliography(plan);
      changed++;
    }
  }
  return changed;
}

/** A new style setting reformats the lists of the open drafts, instead of leaving them mixed. */
export function registerRestyle(ctx: CiteContext): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(`${SECTION}.${STYLE}`)) return;
    refreshLists(ctx).catch((err: unknown) => ctx.services.log.error(`cite: restyle: ${err instanceof Error ? err.message : String(err)}`));
  });
}
