import * as vscode from 'vscode';
import { draftFormatOf, type DraftFormat } from '../../core/cite/draft/syntax';
import type { CiteOptions } from '../../core/cite/prepare';
import type { CorpusLookup } from '../../core/cite/reference';
import { DEFAULT_TEMPLATE } from '../../core/cite/sentence';
import { DEFAULT_STYLE, isStyleId, styleFor, styleFromCsl, type CitationStyle } from '../../core/cite/styles';
import type { Services } from '../services';
import { corpusPathOf } from '../textView/uri';
import { BIBTEX_FILE, CSL_FILE, DRAFT_LANGUAGES, MARKDOWN_MODE, SECTION, STYLE, TEMPLATE } from './settings';

/**
 * What every citation command needs: the services, the corpus's lookup by id (the corpus service
 * keeps it up to date file by file) and the draft editor the user last worked in.
 */
export class CiteContext implements vscode.Disposable {
  /** CSL styles by file, re-read when the file changes; problems are reported once each. */
  private readonly cslStyles = new Map<string, { mtime: number; style: CitationStyle }>();
  private readonly reported = new Set<string>();
  /** Recently active editors in draft languages, newest first (corpus files are told apart later). */
  private recent: vscode.TextEditor[] = [];
  private readonly disposables: vscode.Disposable[];

  constructor(readonly services: Services) {
    this.disposables = [
      // Only the language is checked here: asking the corpus would start reading it.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !DRAFT_LANGUAGES.includes(editor.document.languageId)) return;
        this.recent = [editor, ...this.recent.filter((e) => e.document !== editor.document && !e.document.isClosed)].slice(0, 10);
      }),
    ];
  }

  lookup(): CorpusLookup {
    return this.services.corpus.lookup();
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
    const mode = this.config(document).get<string>(MARKDOWN_MODE) === 'pandoc' ? 'pandoc' : 'footnote';
    return draftFormatOf(document.fileName, mode, document.languageId);
  }

  /** The style setting as written: a built-in id or the path of a .csl file. */
  styleSetting(document?: vscode.TextDocument): string {
    return this.config(document).get<string>(STYLE, DEFAULT_STYLE).trim() || DEFAULT_STYLE;
  }

  /**
   * The configured style: a built-in one, or a CSL file (relative to the workspace folder). A file
   * that cannot be read or used is reported once, naming it and the reason, and the default is used.
   */
  async style(document?: vscode.TextDocument): Promise<CitationStyle> {
    const setting = this.styleSetting(document);
    if (isStyleId(setting)) return styleFor(setting);
    const uri = this.cslUri(setting, document);
    let mtime: number;
    let xml: string;
    try {
      mtime = (await vscode.workspace.fs.stat(uri)).mtime;
      const cached = this.cslStyles.get(uri.toString());
      if (cached?.mtime === mtime) return cached.style;
      xml = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      const reason = err instanceof vscode.FileSystemError && err.code === 'FileNotFound' ? vscode.l10n.t('no such file') : err instanceof Error ? err.message : String(err);
      this.report(vscode.l10n.t('Citation style {0} cannot be read ({1}); using GB/T 7714-2015 instead.', uri.fsPath, reason));
      return styleFor(DEFAULT_STYLE);
    }
    const { style, problem } = await styleFromCsl(xml, uri.fsPath);
    if (problem) this.report(vscode.l10n.t('Citation style not usable: {0}', problem));
    else this.cslStyles.set(uri.toString(), { mtime, style });
    return style;
  }

  private cslUri(setting: string, document?: vscode.TextDocument): vscode.Uri {
    if (/^([a-zA-Z]:[\\/]|\/)/.test(setting)) return vscode.Uri.file(setting);
    const folder = (document && vscode.workspace.getWorkspaceFolder(document.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, setting) : vscode.Uri.file(setting);
  }

  private report(message: string): void {
    this.services.log.warn(`cite: ${message}`);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void vscode.window.showWarningMessage(message);
  }

  async options(document: vscode.TextDocument): Promise<CiteOptions> {
    return { style: await this.style(document), format: this.format(document), template: this.config(document).get<string>(TEMPLATE) || DEFAULT_TEMPLATE };
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
