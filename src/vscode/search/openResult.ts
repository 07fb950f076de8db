import * as vscode from 'vscode';
import type { SearchResult } from '../../core/search/types';

/**
 * Opens a result's file and selects where it points: the first matched term of a passage, the
 * figure of a statistic (or the passage's first range when no term occurs literally).
 */
export async function openResult(result: SearchResult, options: { preview?: boolean; preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(result.file));
  const target = result.match ?? { start: result.start, end: result.end };
  const selection = new vscode.Selection(document.positionAt(target.start), document.positionAt(target.end));
  const editor = await vscode.window.showTextDocument(document, {
    selection,
    preview: options.preview ?? true,
    preserveFocus: options.preserveFocus ?? false,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
