import * as vscode from 'vscode';
import type { Services } from '../services';
import { sampleFolder } from './discovery';
import { FOLDERS, SAMPLE_STATE, SECTION } from './settings';

/** Commands that decide what the corpus is: refresh, the bundled sample, a chosen folder, the log. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('statcite.refresh', () => services.corpus.refresh()),
    vscode.commands.registerCommand('statcite.showLog', () => services.log.show()),
    vscode.commands.registerCommand('statcite.openSampleCorpus', async () => {
      await context.workspaceState.update(SAMPLE_STATE, true);
      await services.corpus.refresh();
      const [first] = await vscode.workspace.fs.readDirectory(sampleFolder(context)).then((entries) =>
        entries.filter(([name]) => /\.(txt|md)$/.test(name)).sort(),
      );
      if (first) await vscode.window.showTextDocument(vscode.Uri.joinPath(sampleFolder(context), first[0]), { preview: true });
    }),
    vscode.commands.registerCommand('statcite.chooseCorpusFolder', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        openLabel: vscode.l10n.t('Use as Corpus'),
      });
      if (!picked?.[0]) return;
      const config = vscode.workspace.getConfiguration(SECTION);
      const folders = config.get<string[]>(FOLDERS, []);
      if (folders.includes(picked[0].fsPath)) return services.corpus.refresh();
      const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      // The configuration listener of the corpus service rescans.
      await config.update(FOLDERS, [...folders, picked[0].fsPath], target);
    }),
  );
}
