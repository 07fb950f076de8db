import * as vscode from 'vscode';
import { sourceUri } from './textView/uri';

/**
 * Opens a corpus file with [start, end) selected and in view: every "go to source" uses this. An
 * HTML, PDF or Word file opens as its text view, where the offsets point.
 */
export async function revealSource(
  path: string,
  start: number,
  end: number,
  options: { preview?: boolean; preserveFocus?: boolean } = {},
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sourceUri(path));
  const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection, preview: options.preview, preserveFocus: options.preserveFocus ?? false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
