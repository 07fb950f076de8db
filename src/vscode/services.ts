import * as vscode from 'vscode';
import type { Article, CorpusFile, Report, Section, Statistic } from '../core/model';
import type { SearchOptions, SearchResult } from '../core/search/types';

/** Where a statistic stands in the corpus. */
export interface StatisticLocation {
  file: CorpusFile;
  article: Article;
  report: Report;
  section: Section;
  statistic: Statistic;
}

/** The corpus as the VS Code layer sees it; the heavy work runs in a worker thread. */
export interface CorpusService extends vscode.Disposable {
  /** Fires after files were added, changed or removed, with their paths (fsPath). */
  readonly onDidChange: vscode.Event<string[]>;
  /** Resolves once the first full read of the corpus is done. */
  readonly ready: Promise<void>;
  files(): CorpusFile[];
  /** The outlined file at a fsPath, if it belongs to the corpus. */
  file(path: string): CorpusFile | undefined;
  statistic(id: string): StatisticLocation | undefined;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** Re-scan the include globs and re-read what changed. */
  refresh(): Promise<void>;
}

export interface Services {
  corpus: CorpusService;
  log: vscode.LogOutputChannel;
}
