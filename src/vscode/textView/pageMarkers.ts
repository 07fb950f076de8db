import * as vscode from 'vscode';
import type { CorpusService } from '../services';
import { TEXT_SCHEME, corpusPathOf, pageLabel } from './uri';

/** 「— p. 2 —」 where each page of a PDF begins, in its text view (decorations: the text is unchanged). */
export class PageMarkers implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    before: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0.5em 0 0' },
  });
  /** What was last shown per document URI, as [offset, page]: the test hook reads it. */
  private readonly shown = new Map<string, Array<[number, number]>>();

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) this.decorate(editor);
  }

  decorate(editor: vscode.TextEditor): void {
    const { document } = editor;
    if (document.uri.scheme !== TEXT_SCHEME) return;
    const path = corpusPathOf(document.uri);
    const file = path ? this.corpus.file(path) : undefined;
    // Only while the view shows the text the pages were counted in (not before it follows a re-read).
    const pages = file?.source?.pages && document.getText() === file.text ? file.source.pages : [];
    const markers = pages.map((offset, i): [number, number] => [offset, i + 1]);
    editor.setDecorations(
      this.type,
      markers.map(([offset, page]) => {
        const position = document.positionAt(offset);
        return { range: new vscode.Range(position, position), renderOptions: { before: { contentText: `— ${pageLabel(page)} —` } } };
      }),
    );
    this.shown.set(document.uri.toString(), markers);
  }

  markersOf(uri: string): Array<[number, number]> {
    return this.shown.get(uri) ?? [];
  }

  dispose(): void {
    this.type.dispose();
    this.shown.clear();
  }
}
