import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { CorpusFile } from '../../core/model';
import type { EnginePhase } from '../../core/engine/engine';
import type { Event, Request, Results } from '../../core/engine/protocol';
import { lazyFile } from '../../core/corpus/packed';
import { CorpusLookup } from '../../core/cite/reference';
import type { SearchOptions, SearchResult } from '../../core/search/types';
import type { DraftFormat } from '../../core/cite/draft/syntax';
import type { TracedFigure } from '../../core/trace/trace';
import type { CorpusService, StatisticLocation } from '../services';
import { findCorpusFiles, watchCorpus } from './discovery';
import { CorpusProgress } from './progress';
import { SECTION, STATE_CONTEXT, settingPath } from './settings';
import { WorkerClient, type RequestBody } from './workerClient';
import { SECTION as SEARCH_SECTION, USER_DICTIONARY } from '../search/settings';
import { METRIC_ALIASES, STATS_SECTION } from '../statistics/settings';

/**
 * The corpus on the extension-host side: a mirror of what the worker has read, filled by small
 * per-file messages, so the host thread only ever does light work. Starts on first use.
 */
export class WorkerCorpusService implements CorpusService {
  private readonly changed = new vscode.EventEmitter<string[]>();
  readonly onDidChange = this.changed.event;
  private readonly corpus = new CorpusLookup();
  private readonly pendingPaths = new Set<string>();
  private readonly watchChanges = new Set<string>();
  private readonly announced = new Set<string>();
  private client?: WorkerClient;
  private started?: Promise<void>;
  private watcher?: vscode.Disposable;
  private readonly progress = new CorpusProgress();
  /** While the files are being found, the worker's 'idle' (from an earlier read) does not end the progress. */
  private finding = false;
  /** What the worker's progress counts: files read, then files indexed. */
  private phase: EnginePhase = 'reading';
  private aliasWatcher?: vscode.Disposable;
  private flushTimer?: NodeJS.Timeout;
  private watchTimer?: NodeJS.Timeout;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.progress];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get ready(): Promise<void> {
    return this.start();
  }

  get activity(): string | undefined {
    return this.progress.message;
  }

  get onDidChangeActivity(): vscode.Event<void> {
    return this.progress.onDidChange;
  }

  files(): CorpusFile[] {
    void this.start();
    return [...this.corpus.files()];
  }

  file(path: string): CorpusFile | undefined {
    void this.start();
    return this.corpus.file(path);
  }

  lookup(): CorpusLookup {
    void this.start();
    return this.corpus;
  }

  statistic(id: string): StatisticLocation | undefined {
    return this.corpus.statistic(id);
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    await this.start();
    return this.ask('search', { query, options });
  }

  async trace(text: string, format: DraftFormat): Promise<TracedFigure[]> {
    await this.start();
    return this.ask('trace', { text, format });
  }

  /** A request to the worker; one the worker was restarted under is asked again of the new one. */
  private async ask<T extends Request['type']>(type: T, body: RequestBody<T>): Promise<Results[T]> {
    for (;;) {
      const client = this.client!;
      try {
        return await client.request(type, body);
      } catch (err) {
        if (client === this.client) throw err;
      }
    }
  }

  async refresh(): Promise<void> {
    if (this.started) await this.started;
    else return this.start();
    this.watch();
    await this.rescan();
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.watchTimer);
    this.watcher?.dispose();
    this.aliasWatcher?.dispose();
    this.client?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private start(): Promise<void> {
    this.started ??= this.boot();
    return this.started;
  }

  private async boot(): Promise<void> {
    this.startWorker();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SEARCH_SECTION}.${USER_DICTIONARY}`) || e.affectsConfiguration(`${STATS_SECTION}.${METRIC_ALIASES}`)) void this.restartWorker();
        else if (e.affectsConfiguration(SECTION)) void this.refresh();
      }),
    );
    this.watch();
    await this.rescan();
  }

  private startWorker(): void {
    const storage = this.context.storageUri ?? this.context.globalStorageUri;
    this.client = new WorkerClient(
      nodePath.join(this.context.extensionPath, 'dist', 'worker.js'),
      { cacheDir: nodePath.join(storage.fsPath, 'cache'), userDictionary: settingPath(SEARCH_SECTION, USER_DICTIONARY), metricAliases: this.watchAliases() },
      (event) => this.onEvent(event),
      (message) => {
        this.log.error(message);
        void vscode.window.showErrorMessage(vscode.l10n.t('StatCite stopped reading the corpus: {0}', message));
      },
    );
  }

  /**
   * The metric alias file, watched: its groups decide the metric keys of every statistic, so an
   * edit to it re-reads the corpus in a new worker.
   */
  private watchAliases(): string | undefined {
    this.aliasWatcher?.dispose();
    const file = settingPath(STATS_SECTION, METRIC_ALIASES);
    if (!file) return undefined;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(nodePath.dirname(file)), nodePath.basename(file)));
    const restart = (): void => void this.restartWorker();
    watcher.onDidChange(restart);
    watcher.onDidCreate(restart);
    watcher.onDidDelete(restart);
    this.aliasWatcher = watcher;
    return file;
  }

  /** jieba takes its dictionary once per thread: a new dictionary needs a new worker. */
  private async restartWorker(): Promise<void> {
    await this.started;
    this.client?.dispose();
    this.startWorker();
    const paths = new Set(await this.rescan());
    // The new worker holds these files; one the old worker sent and the corpus has lost meanwhile
    // (its read stopped with it) would otherwise stay in the outline.
    for (const { path } of [...this.corpus.files()]) {
      if (paths.has(path)) continue;
      this.corpus.remove(path);
      this.pendingPaths.add(path);
    }
    this.flush();
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = watchCorpus(
      this.context,
      (uri) => this.queueUpdate([uri.fsPath]),
      (sidecar) => {
        // The nearest sidecar in a file's folder or above applies: files in subfolders read it too.
        const folder = nodePath.dirname(sidecar.fsPath) + nodePath.sep;
        this.queueUpdate([...this.corpus.files()].map((f) => f.path).filter((p) => p.startsWith(folder)));
      },
    );
  }

  /** Finds the corpus files and has the worker read them; resolves with their paths once read. */
  private async rescan(): Promise<string[]> {
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT, 'loading');
    let started = Date.now();
    this.finding = true;
    this.progress.update('finding');
    const paths = await findCorpusFiles(this.context, this.log, (n) => this.progress.update('finding', n)).finally(() => (this.finding = false));
    this.log.info(`corpus: found ${paths.length} files in ${Date.now() - started} ms`);
    started = Date.now();
    this.progress.update('reading', 0, paths.length);
    await this.ask('sync', { paths });
    this.log.info(`corpus: outline of ${this.corpus.size} files complete in ${Date.now() - started} ms`);
    this.flush();
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT, this.corpus.size ? 'ready' : 'empty');
    return paths;
  }

  /** File events arrive in bursts (a save, a checkout): gather them, then ask the worker once. */
  private queueUpdate(paths: string[]): void {
    paths.forEach((p) => this.watchChanges.add(p));
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => {
      const batch = [...this.watchChanges];
      this.watchChanges.clear();
      batch.forEach((p) => this.announced.delete(p));
      this.ask('update', { paths: batch }).then(
        () => this.flush(),
        (err: unknown) => this.log.error(`corpus update failed: ${String(err)}`),
      );
    }, 150);
  }

  private onEvent(event: Event): void {
    switch (event.type) {
      case 'file': {
        this.corpus.set(lazyFile(event.file));
        this.pendingPaths.add(event.file.path);
        this.scheduleFlush();
        // Answer after this turn, so other work on the host runs between batches.
        if (event.ack) setImmediate((seq) => this.client?.ack(seq), event.ack);
        break;
      }
      case 'removed':
        this.corpus.remove(event.path);
        this.pendingPaths.add(event.path);
        this.scheduleFlush();
        break;
      case 'progress':
        this.progress.update(this.phase, event.done, event.total);
        break;
      case 'phase':
        this.phase = event.phase;
        if (!(this.finding && event.phase === 'idle')) this.progress.update(event.phase);
        break;
      case 'log':
        this.log[event.level](event.message);
        break;
    }
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), 100);
  }

  /** Tells listeners what changed and warns once about each file that could not be read. */
  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.pendingPaths.size) return;
    const paths = [...this.pendingPaths];
    this.pendingPaths.clear();
    this.changed.fire(paths);
    const broken = paths
      .map((p) => this.corpus.file(p))
      .filter((f): f is CorpusFile => !!f && !this.announced.has(f.path) && f.problems.some((p) => p.severity === 'error'));
    if (!broken.length) return;
    broken.forEach((f) => this.announced.add(f.path));
    const names = broken.map((f) => `${nodePath.basename(f.path)} (${f.problems.find((p) => p.severity === 'error')!.message})`);
    const message =
      broken.length === 1
        ? vscode.l10n.t('StatCite could not read {0}', names[0])
        : vscode.l10n.t('StatCite could not read {0} corpus files: {1}', broken.length, names.slice(0, 3).join(', ') + (broken.length > 3 ? ' …' : ''));
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showWarningMessage(message, showLog).then((choice) => choice === showLog && this.log.show());
  }
}
