import * as vscode from 'vscode';
import type { SearchResult } from '../../core/search/types';
import type { Services } from '../services';
import { openResult } from './openResult';
import type { OutlineNode } from '../outline/nodes';
import { QuickSearch, type SearchScope } from './quickSearch';
import { CITE_ACTIVE_COMMAND, COPY_ACTIVE_COMMAND, OPEN_RESULT_COMMAND, SEARCH_COMMAND, SEARCH_IN_COMMAND } from './settings';

/** StatCite: Search Corpus (or one article or report of the outline), and opening a result at its range. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  let current: QuickSearch | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(SEARCH_COMMAND, (query?: unknown) => {
      current?.dispose();
      const selected = vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) ?? '';
      current = new QuickSearch(services, typeof query === 'string' ? query : selected.length <= 40 ? selected.trim() : '');
    }),
    vscode.commands.registerCommand(SEARCH_IN_COMMAND, (node?: OutlineNode) => {
      const scope = node && scopeOf(node);
      if (!scope) return vscode.commands.executeCommand(SEARCH_COMMAND);
      current?.dispose();
      current = new QuickSearch(services, '', scope);
    }),
    vscode.commands.registerCommand(OPEN_RESULT_COMMAND, (result: SearchResult) => openResult(result)),
    vscode.commands.registerCommand(COPY_ACTIVE_COMMAND, () => current?.active && current.copy(current.active)),
    vscode.commands.registerCommand(CITE_ACTIVE_COMMAND, () => current?.active && current.cite(current.active)),
    { dispose: () => current?.dispose() },
  );
}

/** The article or report an outline row stands for. */
function scopeOf(node: OutlineNode): SearchScope | undefined {
  if (node.kind === 'article') return { label: node.article.title, articleId: node.article.id };
  if (node.kind === 'report') return { label: node.report.title, reportId: node.report.id };
  return undefined;
}
