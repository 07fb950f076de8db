import * as vscode from 'vscode';
import type { SourceRange } from '../../core/model';
import { revealSource } from '../reveal';
import type { Services } from '../services';
import { registerFilter } from './filter';
import { OutlineProvider, REVEAL_COMMAND } from './provider';
import { GROUP_BY, SECTION } from './settings';
import { registerSymbols } from './symbols';

const STATISTICS_ONLY_CONTEXT = 'statcite.statisticsOnly';

/** The outline sidebar, its filter, the reveal command its rows run, and document symbols for corpus files. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const provider = new OutlineProvider(services.corpus);
  const view = vscode.window.createTreeView('statcite.outline', { treeDataProvider: provider, showCollapseAll: true });
  const setStatisticsOnly = async (on: boolean): Promise<void> => {
    provider.statisticsOnly = on;
    await vscode.commands.executeCommand('setContext', STATISTICS_ONLY_CONTEXT, on);
  };
  context.subscriptions.push(
    provider,
    view,
    registerFilter(view, provider),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SECTION}.${GROUP_BY}`) && provider.refresh()),
    vscode.commands.registerCommand('statcite.showStatisticsOnly', () => setStatisticsOnly(true)),
    vscode.commands.registerCommand('statcite.showAllNodes', () => setStatisticsOnly(false)),
    vscode.commands.registerCommand(REVEAL_COMMAND, (path: string, start: number, end: number, context?: SourceRange) =>
      revealSource(path, start, end, { context }),
    ),
  );
  registerSymbols(context, services);
}
