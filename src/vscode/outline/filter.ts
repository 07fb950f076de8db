import * as vscode from 'vscode';
import type { OutlineProvider } from './provider';
import { FILTERED_CONTEXT } from './settings';

/** Typing pauses this long before the outline filters again (a large corpus takes a moment). */
const TYPING_MS = 200;

/**
 * The outline's own filter: an input box that filters as you type (Escape restores the filter
 * there was), shown in the view's title with a button that clears it. VS Code's find in a tree
 * only sees rows already rendered; this sees every file, article and report.
 */
export function registerFilter(view: vscode.TreeView<unknown>, provider: OutlineProvider): vscode.Disposable {
  const t = vscode.l10n.t;
  const apply = (query: string): void => {
    provider.filter = query;
    view.description = provider.filter ? t('Filter: {0}', provider.filter) : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, !!provider.filter);
    showEmpty();
  };
  const showEmpty = (): void => {
    view.message = provider.filter && !provider.getChildren().length ? t('Nothing in the corpus matches “{0}”.', provider.filter) : undefined;
  };

  function ask(): void {
    const before = provider.filter;
    const input = vscode.window.createInputBox();
    input.title = t('Filter Outline');
    input.prompt = t('Words in file names, folders, dates, titles or issuing bodies; all of them must occur. Empty shows everything.');
    input.placeholder = t('e.g. 2022 湖北');
    input.value = before;
    let timer: NodeJS.Timeout | undefined;
    let accepted = false;
    input.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => apply(value), TYPING_MS);
    });
    input.onDidAccept(() => {
      accepted = true;
      clearTimeout(timer);
      apply(input.value);
      input.hide();
    });
    input.onDidHide(() => {
      clearTimeout(timer);
      if (!accepted) apply(before);
      input.dispose();
    });
    input.show();
  }

  return vscode.Disposable.from(
    // The corpus changes under a filter: say so when nothing matches any more.
    provider.onDidChangeTreeData(() => provider.filter && showEmpty()),
    // With an argument (a keybinding, another extension), filter at once.
    vscode.commands.registerCommand('statcite.filterOutline', (query?: unknown) => (typeof query === 'string' ? apply(query) : ask())),
    vscode.commands.registerCommand('statcite.clearOutlineFilter', () => apply('')),
  );
}
