import * as vscode from 'vscode';
import type { CorpusLookup, StatisticLocation } from '../core/cite/reference';
import type { CorpusFile } from '../core/model';
import type { SearchOptions, SearchResult } from '../core/search/types';
import type { DraftFormat } from '../core/cite/draft/syntax';
import type { TracedFigure } from '../core/trace/trace';
import { WorkerCorpusService } from './corpus/service';

export type { StatisticLocation } from '../core/cite/reference';

/** The corpus as the VS Code layer sees it; the heavy work runs in a worker thread. */
export interface CorpusService extends vscode.Disposable {
  /** Fires after files were added, changed or removed, with their paths (fsPath). */
  readonly onDidChange: vscode.Event<string[]>;
  /** Resolves once the first full read of the corpus is done. */
  readonly ready: Promise<void>;
  /** What the corpus is busy with, as the status bar says it ("Indexing for search 340/1,423"); undefined when idle. */
  readonly activity: string | undefined;
  readonly onDidChangeActivity: vscode.Event<void>;
  /**
   * The files read so far. Each decodes its text, source and articles when they are first read:
   * whatever runs without the user asking for a file's content reads its summary (summaryOf).
   */
  files(): CorpusFile[];
  /** The outlined file at a fsPath, if it belongs to the corpus. */
  file(path: string): CorpusFile | undefined;
  /** Statistics, passages and reports by id over the files read so far; only the file holding an id decodes. */
  lookup(): CorpusLookup;
  statistic(id: string): StatisticLocation | undefined;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** Every figure typed in a draft, traced to the corpus in the worker thread. */
  trace(text: string, format: DraftFormat): Promise<TracedFigure[]>;
  /** Re-scan the include globs and re-read what changed. */
  refresh(): Promise<void>;
}

export interface Services {
  corpus: CorpusService;
  log: vscode.LogOutputChannel;
}

/** The services every feature receives; the corpus starts reading on first use, not here. */
export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('StatCite', { log: true });
  const corpus = new WorkerCorpusService(context, log);
  context.subscriptions.push(log, corpus);
  return { corpus, log };
}
