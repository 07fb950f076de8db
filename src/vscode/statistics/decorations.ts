import * as vscode from 'vscode';
import type { Services } from '../services';
import { corpusPathOf } from '../textView/uri';
import type { StatisticLookup } from './lookup';
import { ENABLED, SECTION, UNDERLINE_COLOR } from './settings';

/**
 * A dotted underline, in a theme colour, under the figure of every statistic in the visible
 * corpus editors. Offsets come from the last read of the file, so an editor with unsaved changes
 * is left undecorated until the file is saved and read again.
 */
export class StatisticDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor(UNDERLINE_COLOR),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** What was last set per document URI: the test hook reads it. */
  private readonly decorated = new Map<string, Array<[number, number]>>();

  constructor(
    private readonly services: Services,
    private readonly lookup: StatisticLookup,
  ) {}

  enabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>(ENABLED, true);
  }

  /** Re-decorates every visible editor (all of them are cheap: one binary-searched array each). */
  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) this.decorate(editor);
  }

  decorate(editor: vscode.TextEditor): void {
    const document = editor.document;
    const path = corpusPathOf(document.uri);
    const file = path && this.enabled() && !document.isDirty ? this.services.corpus.file(path) : undefined;
    const placed = file ? this.lookup.all(file) : [];
    const ranges = placed.map(({ statistic }) => new vscode.Range(document.positionAt(statistic.range.start), document.positionAt(statistic.range.end)));
    editor.setDecorations(this.type, ranges);
    const key = document.uri.toString();
    if (placed.length) this.decorated.set(key, placed.map(({ statistic }) => [statistic.range.start, statistic.range.end]));
    else this.decorated.delete(key);
  }

  rangesOf(uri: string): Array<[number, number]> {
    return this.decorated.get(uri) ?? [];
  }

  dispose(): void {
    this.type.dispose();
    this.decorated.clear();
  }
}
