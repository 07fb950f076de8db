import * as vscode from 'vscode';
import { formatOf } from '../../core/corpus/formats/kinds';
import { originalOffset } from '../../core/corpus/formats/sourceMap';
import type { CorpusService } from '../services';
import { corpusPathOf } from './uri';

/** VS Code's names of the encodings the HTML reader decodes with, where they differ. */
const ENCODINGS: Record<string, string> = { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1252': 'windows1252' };

/**
 * Opens the file a text view was extracted from: an HTML page as the page's source at the
 * element the place stands in (decoded as StatCite decoded it); a PDF or Word file as the system
 * opens it on a desktop, or as VS Code does (a viewer extension, if any) elsewhere.
 */
export async function openOriginal(corpus: CorpusService, path?: string, offset?: number): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const target = path ?? (editor && corpusPathOf(editor.document.uri));
  if (!target || !formatOf(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the text view of an HTML, PDF or Word file first.'));
    return;
  }
  const uri = vscode.Uri.file(target);
  const file = corpus.file(target);
  const at = offset ?? (editor && corpusPathOf(editor.document.uri) === target ? editor.document.offsetAt(editor.selection.start) : 0);
  const inPage = originalOffset(file?.source?.anchors, at);
  if (file && inPage !== undefined) {
    const document = await vscode.workspace.openTextDocument(uri, { encoding: ENCODINGS[file.encoding] ?? file.encoding });
    const position = document.positionAt(inPage);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
    return;
  }
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) await vscode.env.openExternal(uri);
  else await vscode.commands.executeCommand('vscode.open', uri);
}
