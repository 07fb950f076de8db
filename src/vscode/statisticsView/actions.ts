import * as vscode from 'vscode';
import { column, shownColumns, type Column } from '../../core/table/columns';
import { sheetOf, spreadsheetCsv } from '../../core/table/export';
import { markdownTable, type CitedRow } from '../../core/table/markdown';
import type { StatRow } from '../../core/table/row';
import { toXlsx } from '../../core/table/xlsx';
import { CITE_STATISTIC_COMMAND, ENTRIES_COMMAND } from '../cite/settings';
import { revealSource } from '../reveal';
import type { Services } from '../services';
import { viewStrings } from './strings';

/** What the view's rows lead to: the source, a citation in the draft, the clipboard, a file. */
export class RowActions {
  constructor(
    private readonly services: Services,
    private readonly row: (id: string) => StatRow | undefined,
  ) {}

  /** The source beside the view, the figure selected and its sentence in view. */
  async open(id: string): Promise<void> {
    const location = this.services.corpus.statistic(id);
    if (!location) return this.gone(id);
    const { statistic } = location;
    await revealSource(location.file.path, statistic.range.start, statistic.range.end, { context: statistic.sentenceRange, viewColumn: vscode.ViewColumn.Beside });
  }

  /** Insert Statistic Citation's own command, with every id: one edit in the last active draft. */
  async cite(ids: string[]): Promise<boolean> {
    if (!ids.length) return this.nothingSelected();
    const done = await vscode.commands.executeCommand<boolean>(CITE_STATISTIC_COMMAND, ids);
    if (done) vscode.window.setStatusBarMessage(vscode.l10n.t('Cited {0} statistics into the draft.', ids.length), 4000);
    return !!done;
  }

  /** The rows as a Markdown table with footnote markers and the references below it. */
  async copy(ids: string[]): Promise<string | undefined> {
    if (!ids.length) return void this.nothingSelected();
    // The cite feature formats the entries: the same style, CSL files included, as the drafts get.
    const entries = await vscode.commands.executeCommand<Array<string | undefined>>(ENTRIES_COMMAND, ids);
    const items: CitedRow[] = [];
    for (const [i, id] of ids.entries()) {
      const location = this.services.corpus.statistic(id);
      const row = this.row(id);
      const entry = entries[i];
      if (!location || !row || entry === undefined) return void this.gone(id);
      items.push({ row, key: location.report.id, entry });
    }
    const strings = viewStrings();
    const columns = (['subject', 'period', 'metric', 'figure'] as const).map(column);
    const text = markdownTable(items, columns, (c) => strings.columns[c.id], vscode.l10n.t('Source'));
    try {
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} statistics as a Markdown table.', ids.length), 4000);
    } catch (err) {
      this.services.log.warn(`statistics view: clipboard: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('The clipboard could not be written: {0}', err instanceof Error ? err.message : String(err)));
    }
    return text;
  }

  /** The rows to a CSV (UTF-8 with BOM) or XLSX file chosen in a save dialog, or to `target`. */
  async export(format: 'csv' | 'xlsx', ids: string[], target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const t = vscode.l10n.t;
    const rows = ids.map((id) => this.row(id)).filter((r): r is StatRow => !!r);
    if (!rows.length) {
      void vscode.window.showWarningMessage(t('No statistics to export: the table shows none.'));
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, `statistics.${format}`),
        filters: format === 'csv' ? { CSV: ['csv'] } : { [t('Excel workbook')]: ['xlsx'] },
        title: format === 'csv' ? t('Export CSV…') : t('Export XLSX…'),
      }));
    if (!uri) return undefined;
    const strings = viewStrings();
    const sheet = sheetOf(rows, shownColumns(rows, false), (c: Column) => strings.columns[c.id]);
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Exporting {0} statistics…', rows.length) }, async () => {
        const bytes = format === 'csv' ? new TextEncoder().encode(spreadsheetCsv(sheet)) : toXlsx(sheet, t('Statistics'));
        await vscode.workspace.fs.writeFile(uri, bytes);
      });
    } catch (err) {
      void vscode.window.showErrorMessage(t('Could not write {0}: {1}', uri.fsPath, err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    void vscode.window.showInformationMessage(t('Exported {0} statistics to {1}.', rows.length, uri.fsPath));
    return uri;
  }

  private nothingSelected(): false {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select statistics in the table first (Space, or click a check box).'));
    return false;
  }

  private gone(id: string): undefined {
    void vscode.window.showWarningMessage(vscode.l10n.t('No statistic {0} in the corpus: the source may have changed. Search for the figure again.', id));
    return undefined;
  }
}
