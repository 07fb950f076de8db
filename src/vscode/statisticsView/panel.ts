import * as vscode from 'vscode';
import type { CorpusFile } from '../../core/model';
import { parseViewMessage, type HostMessage, type RowAction, type ViewMessage } from '../../core/table/messages';
import type { TableQuery } from '../../core/table/query';
import { fileRows, type StatRow } from '../../core/table/row';
import { encodeFile, type WireFile } from '../../core/table/wire';
import { readMetricAliases } from '../../core/stats/metricKeyFile';
import { settingPath } from '../corpus/settings';
import type { Services } from '../services';
import { METRIC_ALIASES, STATS_SECTION } from '../statistics/settings';
import { RowActions } from './actions';
import { viewHtml, webviewRoot } from './html';
import { viewStrings } from './strings';

export const VIEW_TYPE = 'statcite.statistics';
/** Rows per message while the view fills: each message is built in a short turn of the extension host. */
const BATCH_ROWS = 8000;

export type ViewState = Extract<ViewMessage, { type: 'state' }>;

/**
 * The Statistics view's panel: sends the corpus's rows to the webview (all of them once, then the
 * files that change), and carries out what the webview asks, after checking the message.
 */
export class StatisticsPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly actions: RowActions;
  /** The last state the webview reported (what the table shows). */
  state?: ViewState;
  private readonly rows = new Map<string, StatRow>();
  private readonly rowIds = new Map<string, string[]>();
  private readonly waiting = new Map<number, (state: ViewState) => void>();
  private readonly requests = new Map<number, (ids: string[]) => void>();
  private readonly pending = new Set<string>();
  private nonce = 0;
  private filled = false;
  private readonly loaded: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly services: Services,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('StatCite: Statistics'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot(context.extensionUri)],
      // The table holds the whole corpus: kept while the tab is hidden rather than sent again.
      retainContextWhenHidden: true,
    });
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'statcite.svg');
    this.actions = new RowActions(services, (id) => this.rows.get(id));
    let opened: () => void;
    this.loaded = new Promise((resolve) => (opened = resolve));
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((data: unknown) => void this.receive(data, opened)),
      services.corpus.onDidChange((paths) => this.changed(paths)),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
    this.panel.webview.html = viewHtml(this.panel.webview, context.extensionUri);
  }

  /** Resolves once the webview shows the corpus's rows. */
  get ready(): Promise<void> {
    return this.loaded;
  }

  /** Applies filters in the webview and resolves with what it then shows. */
  async query(query: TableQuery, reset: boolean, label?: string): Promise<ViewState> {
    await this.loaded;
    const nonce = ++this.nonce;
    const next = new Promise<ViewState>((resolve) => this.waiting.set(nonce, resolve));
    this.post({ type: 'query', query, reset, nonce, ...(label !== undefined && { label }) });
    return next;
  }

  /** Selects exactly these rows (for the commands' callers; a person selects in the grid). */
  async select(ids: string[]): Promise<ViewState> {
    await this.loaded;
    const nonce = ++this.nonce;
    const next = new Promise<ViewState>((resolve) => this.waiting.set(nonce, resolve));
    this.post({ type: 'select', ids, nonce });
    return next;
  }

  /** The ids an action applies to, as the webview sees them: the selection, or every row shown. */
  async idsFor(action: RowAction): Promise<string[]> {
    await this.loaded;
    const nonce = ++this.nonce;
    const answer = new Promise<string[]>((resolve) => this.requests.set(nonce, resolve));
    this.post({ type: 'request', action, nonce });
    return answer;
  }

  async run(action: RowAction, ids: string[], target?: vscode.Uri): Promise<unknown> {
    switch (action) {
      case 'cite':
        return this.actions.cite(ids);
      case 'copy':
        return this.actions.copy(ids);
      case 'exportCsv':
        return this.actions.export('csv', ids, target);
      case 'exportXlsx':
        return this.actions.export('xlsx', ids, target);
    }
  }

  private async receive(data: unknown, opened: () => void): Promise<void> {
    const message = parseViewMessage(data);
    if (!message) {
      this.services.log.warn(`statistics view: a message of unknown shape was ignored: ${JSON.stringify(data)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', strings: viewStrings(), locale: vscode.env.language, metricAliases: readMetricAliases(settingPath(STATS_SECTION, METRIC_ALIASES)) });
        await this.services.corpus.ready;
        await this.fill();
        opened();
        break;
      case 'open':
        await this.actions.open(message.id);
        break;
      case 'act': {
        const waiting = message.nonce !== undefined ? this.requests.get(message.nonce) : undefined;
        if (waiting) {
          this.requests.delete(message.nonce!);
          waiting(message.ids);
        } else await this.run(message.action, message.ids);
        break;
      }
      case 'state':
        this.state = message;
        this.panel.title = vscode.l10n.t('StatCite: Statistics') + (message.count < message.total ? ` (${message.count}/${message.total})` : '');
        if (message.nonce !== undefined) {
          this.waiting.get(message.nonce)?.(message);
          this.waiting.delete(message.nonce);
        }
        break;
      case 'error':
        this.services.log.error(`statistics view: ${message.message}`);
        break;
    }
  }

  /** Every file's rows, in batches so the extension host stays responsive on a large corpus. */
  private async fill(): Promise<void> {
    const files = this.services.corpus.files();
    let batch: WireFile[] = [];
    let size = 0;
    let first = true;
    const send = (last: boolean): void => {
      this.post({ type: 'rows', files: batch, removed: [], reset: first, ready: last });
      first = false;
      batch = [];
      size = 0;
    };
    for (const file of files) {
      const wire = this.encode(file);
      batch.push(wire);
      size += wire.rows.length;
      if (size >= BATCH_ROWS) {
        send(false);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    send(true);
    this.filled = true;
    if (this.pending.size) this.changed([...this.pending]);
  }

  /** Files added, changed or removed: their rows replace what the view holds. */
  private changed(paths: string[]): void {
    if (!this.filled) {
      paths.forEach((p) => this.pending.add(p));
      return;
    }
    this.pending.clear();
    const files: WireFile[] = [];
    const removed: string[] = [];
    for (const path of paths) {
      const file = this.services.corpus.file(path);
      if (file) files.push(this.encode(file));
      else {
        this.forget(path);
        removed.push(path);
      }
    }
    this.post({ type: 'rows', files, removed, reset: false, ready: true });
  }

  private encode(file: CorpusFile): WireFile {
    this.forget(file.path);
    const rows = fileRows(file);
    for (const row of rows) this.rows.set(row.id, row);
    this.rowIds.set(file.path, rows.map((r) => r.id));
    return encodeFile(file.path, rows);
  }

  private forget(path: string): void {
    for (const id of this.rowIds.get(path) ?? []) this.rows.delete(id);
    this.rowIds.delete(path);
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }
}
