import * as vscode from 'vscode';
import { sourceUri } from './textView/uri';

/** A line longer than this is wider than most editors: without wrapping, its sentence would be off screen. */
const LONG_LINE = 120;

/** Documents StatCite turned word wrap on for (the toggle is per document and lasts while it is open). */
const wrapped = new WeakSet<vscode.TextDocument>();

/**
 * Opens a corpus file with [start, end) selected and in view: every "go to source" uses this.
 * `context` (a statistic's sentence) is brought into view with it. Plain text whose line there is
 * long gets word wrap, as Markdown has by default: unwrapped, the editor scrolls sideways to the
 * figure and the sentence around it is out of sight. An HTML, PDF or Word file opens as its text
 * view, where the offsets point.
 */
export async function revealSource(
  path: string,
  start: number,
  end: number,
  options: { preview?: boolean; preserveFocus?: boolean; context?: { start: number; end: number }; viewColumn?: vscode.ViewColumn } = {},
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sourceUri(path));
  const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection, preview: options.preview, preserveFocus: options.preserveFocus ?? false, viewColumn: options.viewColumn });
  if (needsWrap(document, selection.start.line)) {
    wrapped.add(document);
    // Acts on the active editor, which showTextDocument has just made this one.
    await vscode.commands.executeCommand('editor.action.toggleWordWrap');
  }
  const from = options.context ? Math.min(options.context.start, start) : start;
  // A range taller than the editor is revealed from its start: the sentence's beginning stays in view.
  editor.revealRange(new vscode.Range(document.positionAt(from), selection.end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function needsWrap(document: vscode.TextDocument, line: number): boolean {
  if (wrapped.has(document) || document.lineAt(line).text.length <= LONG_LINE) return false;
  return vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap', 'off') === 'off';
}
