import * as vscode from 'vscode';
import type { CorpusService } from '../services';
import { TEXT_SCHEME, corpusPathOf } from './uri';

/** The content of the text views: the text StatCite extracted, as the corpus holds it. */
export class ExtractedTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly corpus: CorpusService) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const path = corpusPathOf(uri);
    if (!path) return '';
    await this.corpus.ready;
    const file = this.corpus.file(path);
    if (!file) return vscode.l10n.t('{0} is not part of the StatCite corpus.', path);
    if (!file.text) return vscode.l10n.t('StatCite could not read {0}: {1}', path, file.problems.map((p) => p.message).join('; '));
    return file.text;
  }

  /** Open views of files read again follow them. */
  refresh(paths: readonly string[]): void {
    const changed = new Set(paths);
    for (const document of vscode.workspace.textDocuments) {
      const path = document.uri.scheme === TEXT_SCHEME ? corpusPathOf(document.uri) : undefined;
      if (path && changed.has(path)) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
