import * as vscode from 'vscode';
import type { TextEdit } from '../../core/cite/draft/edit';
import type { DraftFormat } from '../../core/cite/draft/syntax';
import type { Reference } from '../../core/cite/reference';
import { bibliographyWith } from '../../core/cite/update';

/** Applies a draft's edits as ONE WorkspaceEdit: one undo step, touching only the given ranges. */
export async function applyToDraft(document: vscode.TextDocument, edits: TextEdit[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return vscode.workspace.applyEdit(edit);
}

/** A bibliography file's new text, computed (and checked) before the draft is touched. */
export interface BibliographyPlan {
  uri: vscode.Uri;
  text: string;
  changed: boolean;
  /** Keys the file did not have before. */
  added: string[];
}

/** A file's text: from its editor when it is open, '' when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return '';
    throw err;
  }
}

/**
 * The .bib (LaTeX) or CSL-JSON (Pandoc) file with the references added or replaced. A file that
 * cannot be read or parsed yields an error naming it, and nothing is written anywhere.
 */
export async function planBibliography(uri: vscode.Uri, format: DraftFormat, refs: Reference[]): Promise<BibliographyPlan | { error: string }> {
  let text: string;
  try {
    text = await readText(uri);
  } catch (err) {
    return { error: `${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const result = bibliographyWith(format, text, refs);
  if ('error' in result) return { error: `${uri.fsPath}: ${result.error}` };
  return { uri, ...result };
}

/** Writes the planned file: through its editor when it is open (so nothing unsaved is lost), else to disk. */
export async function writeBibliography(plan: BibliographyPlan): Promise<void> {
  if (!plan.changed) return;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === plan.uri.toString());
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), plan.text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(plan.uri, new TextEncoder().encode(plan.text));
  }
}
