import * as vscode from 'vscode';
import type { EnginePhase } from '../../core/engine/engine';

/** What the corpus is busy with: finding its files here, the rest in the worker. */
export type CorpusPhase = 'finding' | EnginePhase;

/** A progress indicator that stays up until ended, showing the last message reported. */
class Indicator {
  private report?: (message: string) => void;
  private message = '';
  private end?: () => void;
  private ended = false;

  constructor(location: vscode.ProgressOptions['location']) {
    void vscode.window.withProgress({ location, title: 'StatCite' }, (progress) => {
      if (this.ended) return Promise.resolve();
      this.report = (message) => progress.report({ message });
      this.report(this.message);
      return new Promise<void>((resolve) => (this.end = resolve));
    });
  }

  show(message: string): void {
    this.message = message;
    this.report?.(message);
  }

  dispose(): void {
    this.ended = true;
    this.end?.();
  }
}

/**
 * The status bar says what the corpus is doing (finding files, reading 120/1,423, indexing, saving
 * the cache) until it is done; the outline shows a progress bar while its files are still coming.
 */
export class CorpusProgress implements vscode.Disposable {
  private statusBar?: Indicator;
  private outline?: Indicator;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when what the corpus is doing changes (see message). */
  readonly onDidChange = this.changed.event;
  /** What the status bar says ("Indexing for search 340/1,423"); undefined when the corpus is idle. */
  message?: string;

  update(phase: CorpusPhase, done = 0, total = 0): void {
    const message = phase === 'idle' ? undefined : describe(phase, done, total);
    if (message !== this.message) {
      this.message = message;
      this.changed.fire();
    }
    if (message === undefined) return this.hide();
    this.statusBar ??= new Indicator(vscode.ProgressLocation.Window);
    this.statusBar.show(message);
    if (phase === 'finding' || phase === 'reading') this.outline ??= new Indicator({ viewId: 'statcite.outline' });
    else {
      this.outline?.dispose();
      this.outline = undefined;
    }
  }

  dispose(): void {
    this.hide();
    this.changed.dispose();
  }

  private hide(): void {
    this.statusBar?.dispose();
    this.outline?.dispose();
    this.statusBar = this.outline = undefined;
  }
}

/** "Reading corpus 120/1,423": what the status bar says in each phase. */
function describe(phase: Exclude<CorpusPhase, 'idle'>, done: number, total: number): string {
  const t = vscode.l10n.t;
  const count = (n: number): string => n.toLocaleString(vscode.env.language);
  switch (phase) {
    case 'finding':
      return t('Finding corpus files… {0}', count(done));
    case 'reading':
      return total ? t('Reading corpus {0}/{1}', count(done), count(total)) : t('Reading corpus…');
    case 'indexing':
      return total ? t('Indexing for search {0}/{1}', count(done), count(total)) : t('Indexing for search…');
    case 'saving':
      return t('Saving the cache…');
  }
}
