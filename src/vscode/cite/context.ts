import * as vscode from 'vscode';
import type { DraftFormat } from '../../core/cite/draft/syntax';
import type { CiteOptions } from '../../core/cite/prepare';
import { corpusLookup, type CiteLookup, type ReportLocation } from '../../core/cite/reference';
import { DEFAULT_TEMPLATE } from '../../core/cite/sentence';
import { isStyleId, type StyleId } from '../../core/cite/styles';
import type { Services } from '../services';
import { corpusPathOf } from '../textView/uri';
import { BIBTEX_FILE, CSL_FILE, DRAFT_LANGUAGES, MARKDOWN_MODE, SECTION, STYLE, TEMPLATE } from './settings';

/**
 * What every citation command needs: the services, a lookup over the corpus (rebuilt after the
 * corpus changes, never at activation) and the draft editor the user last worked in.
 */
export class CiteContext implements vscode.Disposable {
  private lookupCache?: CiteLookup & { reports(): ReportLocation[] };
  /** Recently active editors in draft languages, newest first (corpus files are told apart later). */
  private recent: vscode.TextEditor[] = [];
  private readonly disposables: vscode.Disposable[];

  constructor(readonly services: Services) {
    this.disposables = [
      services.corpus.onDidChange(() => (this.lookupCache = undefined)),
      // Only the language is checked here: asking the corpus would start reading it.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !DRAFT_LANGUAGES.includes(editor.document.languageId)) return;
        this.recent = [editor, ...this.recent.filter((e) => e.document !== editor.document && !e.document.isClosed)].slice(0, 10);
      }),
    ];
  }

  lookup(): CiteLookup & { reports(): ReportLocation[] } {
    this.lookupCache ??= corpusLookup(this.services.corpus.files());
    return this.lookupCache;
  }

  /** A draft is a Markdown, LaTeX or text document that is not itself part of the corpus. */
  isDraft(document: vscode.TextDocument): boolean {
    const corpusPath = corpusPathOf(document.uri);
    return DRAFT_LANGUAGES.includes(document.languageId) && document.uri.scheme !== 'output' && !(corpusPath && this.services.corpus.file(corpusPath));
  }

  /** The editor a citation goes into: the active one if it is a draft, else the last draft used. */
  draftEditor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && this.isDraft(active.document)) return active;
    const last = this.recent.find((e) => !e.document.isClosed && this.isDraft(e.document));
    return last && (vscode.window.visibleTextEditors.find((e) => e.document === last.document) ?? last);
  }

  format(document: vscode.TextDocument): DraftFormat {
    if (document.languageId === 'latex' || document.languageId === 'tex' || /\.(tex|ltx)$/i.test(document.fileName)) return 'latex';
    if (document.languageId === 'markdown') {
      return this.config(document).get<string>(MARKDOWN_MODE) === 'pandoc' ? 'pandoc' : 'markdown';
    }
    return 'plain';
  }

  style(document?: vscode.TextDocument): StyleId {
    const id = this.config(document).get<string>(STYLE, 'gbt7714-numeric');
    return isStyleId(id) ? id : 'gbt7714-numeric';
  }

  options(document: vscode.TextDocument): CiteOptions {
    return { style: this.style(document), format: this.format(document), template: this.config(document).get<string>(TEMPLATE) || DEFAULT_TEMPLATE };
  }

  /** The configured .bib or CSL-JSON file of a draft, relative to the draft's folder. */
  bibliography(document: vscode.TextDocument, kind: 'bibtex' | 'csl'): vscode.Uri {
    const setting = this.config(document).get<string>(kind === 'bibtex' ? BIBTEX_FILE : CSL_FILE) || (kind === 'bibtex' ? 'references.bib' : 'references.json');
    if (/^([a-zA-Z]:[\\/]|\/)/.test(setting)) return vscode.Uri.file(setting);
    return vscode.Uri.joinPath(document.uri, '..', setting);
  }

  private config(document?: vscode.TextDocument): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION, document?.uri);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
