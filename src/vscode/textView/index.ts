import * as vscode from 'vscode';
import type { Services } from '../services';
import { openOriginal } from './openOriginal';
import { PageMarkers } from './pageMarkers';
import { ExtractedTextProvider } from './provider';
import { OPEN_ORIGINAL_COMMAND, PAGE_MARKERS_COMMAND } from './settings';
import { TEXT_SCHEME } from './uri';


/**
 * Read-only text views of HTML, PDF and Word files (the text their statistics point into), page
 * markers in those of PDFs, and the command that opens the original file.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const provider = new ExtractedTextProvider(services.corpus);
  const markers = new PageMarkers(services.corpus);
  context.subscriptions.push(
    provider,
    markers,
    vscode.workspace.registerTextDocumentContentProvider(TEXT_SCHEME, provider),
    services.corpus.onDidChange((paths) => {
      provider.refresh(paths);
      markers.refresh();
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => markers.refresh()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // A view's content arrives (or follows a re-read) after its editor opens.
      if (e.document.uri.scheme === TEXT_SCHEME) markers.refresh();
    }),
    vscode.commands.registerCommand(OPEN_ORIGINAL_COMMAND, (path?: string, offset?: number) => openOriginal(services.corpus, path, offset)),
    vscode.commands.registerCommand(PAGE_MARKERS_COMMAND, (uri: string) => markers.markersOf(uri)),
  );
  markers.refresh();
}
