import * as vscode from 'vscode';
import type { TracedFigure } from '../../core/trace/trace';
import type { CiteContext } from '../cite/context';
import { CITE_FIGURE_COMMAND, DRAFT_LANGUAGES, OPEN_SOURCE_COMMAND } from '../cite/settings';
import { FLAG_UNSOURCED, SECTION, TRACE_FIGURES } from './settings';

const SEVERITY = {
  found: vscode.DiagnosticSeverity.Information,
  differs: vscode.DiagnosticSeverity.Warning,
  unsourced: vscode.DiagnosticSeverity.Hint,
} as const;
/** A draft without a digit or a Chinese numeral has no figure: not sent to the worker. */
const ANY_NUMERAL = /[0-9０-９一二两三四五六七八九十]/;
/** Wait this long after the last keystroke before tracing again. */
const DEBOUNCE_MS = 400;
/** Sources offered to cite from one figure. */
const CITE_CHOICES = 3;

export interface Traced {
  version: number;
  figures: TracedFigure[];
}

/**
 * Traces the figures typed in open drafts to the corpus, in the engine's worker (debounced while
 * typing), and shows them: information "found" with quick fixes to cite the source or show it,
 * a warning where the source gives another value with a fix that writes it, and — when
 * statcite.draft.flagUnsourced is on — a hint where no statistic states the figure.
 */
export class TraceDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection('statcite-trace');
  private readonly traced = new Map<string, Traced>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last trace asked for, by document: one that waited for the corpus and was asked for again since is dropped. */
  private readonly asked = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when a draft's figures were traced anew. */
  readonly onDidTrace = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: CiteContext) {
    this.disposables = [
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.clear(d);
        this.asked.delete(d.uri.toString());
      }),
      // Files of the corpus change in bursts (a folder copied in): trace once the burst is over.
      ctx.services.corpus.onDidChange(() => this.all(DEBOUNCE_MS)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && this.all(0)),
      vscode.languages.registerCodeActionsProvider(DRAFT_LANGUAGES.map((language) => ({ language })), this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    ];
    this.all(0);
  }

  /** The figures of a draft as last traced, if that was its current version. */
  current(document: vscode.TextDocument): Traced | undefined {
    const traced = this.traced.get(document.uri.toString());
    return traced?.version === document.version ? traced : undefined;
  }

  private all(delay: number): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, delay);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!DRAFT_LANGUAGES.includes(document.languageId) || document.uri.scheme === 'output') return;
    if (!this.config(document).get<boolean>(TRACE_FIGURES, true) || !ANY_NUMERAL.test(document.getText())) {
      this.clear(document);
      return;
    }
    const asked = (this.asked.get(key) ?? 0) + 1;
    this.asked.set(key, asked);
    this.timers.set(key, setTimeout(() => void this.trace(document, asked), delay));
  }

  private async trace(document: vscode.TextDocument, asked: number): Promise<void> {
    const { corpus } = this.ctx.services;
    const version = document.version;
    let figures: TracedFigure[];
    try {
      await corpus.ready;
      if (this.asked.get(document.uri.toString()) !== asked) return;
      // Corpus files are read, not written: only drafts are traced.
      if (document.isClosed || !this.ctx.isDraft(document)) return this.clear(document);
      figures = await corpus.trace(document.getText(), this.ctx.format(document));
    } catch (err) {
      this.ctx.services.log.error(`trace: ${document.uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // A newer version is on its way: this result would put diagnostics in the wrong places.
    if (document.isClosed || document.version !== version) return;
    this.traced.set(document.uri.toString(), { version, figures });
    const flagUnsourced = this.config(document).get<boolean>(FLAG_UNSOURCED, false);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const figure of figures) {
      if (figure.status === 'cited' || !figure.message || (figure.status === 'unsourced' && !flagUnsourced)) continue;
      const text = [figure.message, figure.also].filter((m) => m !== undefined).map((m) => vscode.l10n.t(m.template, ...m.args)).join(' ');
      const d = new vscode.Diagnostic(this.range(document, figure), text, SEVERITY[figure.status]);
      d.source = 'StatCite';
      d.code = `trace-${figure.status}`;
      diagnostics.push(d);
    }
    this.collection.set(document.uri, diagnostics);
    this.changed.fire(document);
  }

  private range(document: vscode.TextDocument, figure: TracedFigure): vscode.Range {
    return new vscode.Range(document.positionAt(figure.range.start), document.positionAt(figure.range.end));
  }

  private clear(document: vscode.TextDocument): void {
    const had = this.traced.delete(document.uri.toString());
    this.collection.delete(document.uri);
    if (had) this.changed.fire(document);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const traced = this.current(document);
    if (!traced) return [];
    const t = vscode.l10n.t;
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'StatCite' || !String(diagnostic.code).startsWith('trace-')) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const figure = traced.figures.find((f) => f.range.start === start && `trace-${f.status}` === diagnostic.code);
      if (!figure) continue;
      const action = (title: string, preferred: boolean): vscode.CodeAction => {
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diagnostic];
        a.isPreferred = preferred;
        actions.push(a);
        return a;
      };
      if (figure.status === 'found') {
        figure.candidates.slice(0, CITE_CHOICES).forEach((c, i) => {
          const cite = action(t('Cite this source: {0} {1}', c.report, c.text), i === 0);
          cite.command = { command: CITE_FIGURE_COMMAND, title: cite.title, arguments: [document.uri.toString(), figure.range.end, c.id] };
        });
      }
      if (figure.status === 'differs' && figure.fix) {
        const fix = action(t('Use the source’s figure {0}', figure.fix.text), true);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(document.uri, new vscode.Range(document.positionAt(figure.fix.start), document.positionAt(figure.fix.end)), figure.fix.text);
      }
      const best = figure.candidates[0];
      if (best) {
        const show = action(t('Show source: {0}', best.report), false);
        show.command = { command: OPEN_SOURCE_COMMAND, title: show.title, arguments: [best.id] };
      }
    }
    return actions;
  }

  private config(document: vscode.TextDocument): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION, document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
