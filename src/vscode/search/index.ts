import * as vscode from 'vscode';
import type { SearchResult } from '../../core/search/types';
import type { Services } from '../services';
import { openResult } from './openResult';
import { QuickSearch } from './quickSearch';
import { CITE_ACTIVE_COMMAND, COPY_ACTIVE_COMMAND, OPEN_RESULT_COMMAND, SEARCH_COMMAND } from './settings';

/** StatCite: Search Corpus, and opening a result at its range. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  let current: QuickSearch | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(SEARCH_COMMAND, (query?: unknown) => {
      current?.dispose();
      const selected = vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) ?? '';
      current = new QuickSearch(services, typeof query === 'string' ? query : selected.length <= 40 ? selected.trim() : '');
    }),
    vscode.commands.registerCommand(OPEN_RESULT_COMMAND, (result: SearchResult) => openResult(result)),
    vscode.commands.registerCommand(COPY_ACTIVE_COMMAND, () => current?.active && current.copy(current.active)),
    vscode.commands.registerCommand(CITE_ACTIVE_COMMAND, () => current?.active && current.cite(current.active)),
    { dispose: () => current?.dispose() },
  );
}
