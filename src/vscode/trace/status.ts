import * as vscode from 'vscode';
import type { TraceDiagnostics } from './diagnostics';

/** The active draft's figures in the status bar: how many, cited, traceable to the corpus, unsourced. */
export class TraceStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('statcite.trace', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly diagnostics: TraceDiagnostics) {
    this.item.name = vscode.l10n.t('StatCite: Figures in Draft');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables = [
      this.item,
      diagnostics.onDidTrace((document) => document === vscode.window.activeTextEditor?.document && this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const traced = document && this.diagnostics.current(document);
    if (!traced?.figures.length) {
      this.item.hide();
      return;
    }
    const count = (status: string) => traced.figures.filter((f) => f.status === status).length;
    const t = vscode.l10n.t;
    const traceable = count('found') + count('differs');
    this.item.text = `$(symbol-numeric) ${t('{0} figures: {1} cited · {2} traceable · {3} unsourced', traced.figures.length, count('cited'), traceable, count('unsourced'))}`;
    this.item.tooltip = t('Figures typed in this draft: {0} cited, {1} found in the corpus, {2} differing from their source, {3} with no source in the corpus. Click for the Problems panel.', count('cited'), count('found'), count('differs'), count('unsourced'));
    this.item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
