import * as vscode from 'vscode';
import { checkDraft, type Finding } from '../../core/cite/verify';
import type { CiteContext } from './context';
import { DRAFT_LANGUAGES, FILL_COMMAND, OPEN_SOURCE_COMMAND, SECTION } from './settings';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Checks drafts that hold StatCite citations against the corpus (changed figures, vanished
 * statistics, missing metadata, reference lines StatCite cannot place; computed by the core's
 * checkDraft, as `statcite check` does) and offers quick fixes. Documents without citations cost one
 * substring test; nothing runs before a draft with citations is open.
 */
export class CiteDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection('statcite-cite');
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last check asked for, by document: a check that waited for the corpus and was asked for again since is dropped. */
  private readonly asked = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: CiteContext) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 300)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.clear(d.uri);
        this.asked.delete(d.uri.toString());
      }),
      ctx.services.corpus.onDidChange(() => this.all()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && this.all()),
      vscode.languages.registerCodeActionsProvider(
        DRAFT_LANGUAGES.map((language) => ({ language })),
        this,
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
    ];
    this.all();
  }

  private all(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!DRAFT_LANGUAGES.includes(document.languageId)) return;
    if (!document.getText().includes('statcite')) {
      this.clear(document.uri);
      return;
    }
    const asked = (this.asked.get(key) ?? 0) + 1;
    this.asked.set(key, asked);
    this.timers.set(
      key,
      setTimeout(async () => {
        await this.ctx.services.corpus.ready;
        if (this.asked.get(key) === asked) await this.verify(document);
      }, delay),
    );
  }

  /** Verifies once the corpus is read: before that every statistic would look missing. */
  private async verify(document: vscode.TextDocument): Promise<Finding[]> {
    await this.ctx.services.corpus.ready;
    if (document.isClosed || !this.ctx.isDraft(document)) return [];
    const findings = checkDraft(document.getText(), this.ctx.format(document), this.ctx.lookup(), await this.ctx.style(document));
    this.findings.set(document.uri.toString(), findings);
    this.collection.set(
      document.uri,
      findings.map((f) => {
        const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(f.range.start), document.positionAt(f.range.end)), vscode.l10n.t(f.template, ...f.args), SEVERITY[f.severity]);
        d.source = 'StatCite';
        d.code = f.code;
        return d;
      }),
    );
    return findings;
  }

  private clear(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    this.collection.delete(uri);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const findings = this.findings.get(document.uri.toString()) ?? [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'StatCite') continue;
      const start = document.offsetAt(diagnostic.range.start);
      const finding = findings.find((f) => f.range.start === start && f.code === diagnostic.code);
      if (!finding) continue;
      if (finding.fix) {
        const action = new vscode.CodeAction(vscode.l10n.t('Replace with the source figure {0}', finding.fix.text), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(document.positionAt(finding.fix.start), document.positionAt(finding.fix.end)), finding.fix.text);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (finding.code === 'missing-metadata' && finding.key) {
        const fill = new vscode.CodeAction(vscode.l10n.t('Fill in Source Details…'), vscode.CodeActionKind.QuickFix);
        fill.command = { command: FILL_COMMAND, title: fill.title, arguments: [{ key: finding.key }] };
        fill.diagnostics = [diagnostic];
        fill.isPreferred = true;
        actions.push(fill);
      }
      if (finding.statisticId) {
        const open = new vscode.CodeAction(vscode.l10n.t('Open the source'), vscode.CodeActionKind.QuickFix);
        open.command = { command: OPEN_SOURCE_COMMAND, title: open.title, arguments: [finding.statisticId] };
        open.diagnostics = [diagnostic];
        actions.push(open);
      }
    }
    return actions;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
