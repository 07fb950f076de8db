import * as vscode from 'vscode';
import type { Services } from '../services';
import { TEXT_SCHEME } from '../textView/uri';
import { StatisticDecorations } from './decorations';
import { StatisticHoverProvider } from './hover';
import { StatisticLookup } from './lookup';
import { DECORATED_RANGES_COMMAND, SECTION } from './settings';

/** Figures of statistics underlined in open corpus files, and a hover card over each. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const lookup = new StatisticLookup();
  const decorations = new StatisticDecorations(services, lookup);
  const refreshSoon = debounce(() => decorations.refresh(), 100);
  context.subscriptions.push(
    decorations,
    refreshSoon,
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: TEXT_SCHEME }], new StatisticHoverProvider(services, lookup)),
    services.corpus.onDidChange(() => refreshSoon.run()),
    vscode.window.onDidChangeVisibleTextEditors(() => refreshSoon.run()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // An unsaved edit moves the figures: drop the underlines until the file is read again.
      if (e.contentChanges.length) for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) decorations.decorate(editor);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) decorations.refresh();
    }),
    vscode.commands.registerCommand(DECORATED_RANGES_COMMAND, (uri: string) => decorations.rangesOf(uri)),
  );
  decorations.refresh();
}

/** Runs `fn` once after calls stop for `ms`; disposing cancels a pending run. */
function debounce(fn: () => void, ms: number): { run(): void; dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    run() {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
