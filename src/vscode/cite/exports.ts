import * as vscode from 'vscode';
import { toBibTeX } from '../../core/cite/bibtex';
import { toCsl } from '../../core/cite/csl';
import { referenceFor } from '../../core/cite/reference';
import type { CiteContext } from './context';
import { EXPORT_BIBTEX_COMMAND, EXPORT_CSL_COMMAND } from './settings';

/** Exports every report of the corpus as CSL-JSON or BibTeX, to a chosen file (or `target`). */
export function registerExports(ctx: CiteContext): vscode.Disposable[] {
  const t = vscode.l10n.t;
  async function exportAs(kind: 'csl' | 'bibtex', target?: unknown): Promise<vscode.Uri | undefined> {
    await ctx.services.corpus.ready;
    const refs = ctx.lookup().reports().map(referenceFor);
    if (!refs.length) {
      void vscode.window.showWarningMessage(t('The corpus has no reports to export.'));
      return undefined;
    }
    const name = kind === 'csl' ? 'references.json' : 'references.bib';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            defaultUri: folder && vscode.Uri.joinPath(folder, name),
            filters: kind === 'csl' ? { 'CSL-JSON': ['json'] } : { BibTeX: ['bib'] },
          });
    if (!uri) return undefined;
    const text = kind === 'csl' ? JSON.stringify(refs.map(toCsl), null, 2) + '\n' : refs.map(toBibTeX).join('\n\n') + '\n';
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    } catch (err) {
      void vscode.window.showErrorMessage(t('Could not write {0}: {1}', uri.fsPath, err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    const style = await ctx.style();
    const incomplete = refs.filter((r) => style.missing(r).length).length;
    void vscode.window.showInformationMessage(
      incomplete
        ? t('Exported {0} references to {1}; {2} lack metadata (see statcite.meta.json).', refs.length, uri.fsPath, incomplete)
        : t('Exported {0} references to {1}.', refs.length, uri.fsPath),
    );
    return uri;
  }
  return [
    vscode.commands.registerCommand(EXPORT_CSL_COMMAND, (target?: unknown) => exportAs('csl', target)),
    vscode.commands.registerCommand(EXPORT_BIBTEX_COMMAND, (target?: unknown) => exportAs('bibtex', target)),
  ];
}
