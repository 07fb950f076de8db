import * as vscode from 'vscode';
import { removeBib } from '../../core/cite/bibtex';
import { removeCsl } from '../../core/cite/csl';
import { applyEdits } from '../../core/cite/draft/edit';
import { parseDraft } from '../../core/cite/draft/parse';
import type { Reference } from '../../core/cite/reference';
import { planBibliography, readText, writeBibliography } from './apply';
import type { CiteContext } from './context';

interface Added {
  bibliography: vscode.Uri;
  format: 'latex' | 'pandoc';
  reference: Reference;
}

/**
 * Undo of a LaTeX or Pandoc citation takes back the bibliography entry it added, and redo puts it
 * back. One WorkspaceEdit over both files would make VS Code ask "undo across all files?" each
 * time; instead the entries StatCite added are remembered per draft and kept in step with the
 * draft's citations after every undo and redo. Entries the user wrote are never touched.
 */
export class BibliographySync implements vscode.Disposable {
  private readonly added = new Map<string, Map<string, Added>>();
  private readonly subscription: vscode.Disposable;
  private queue = Promise.resolve();

  constructor(private readonly ctx: CiteContext) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      const undoRedo = e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo;
      if (undoRedo && this.added.has(e.document.uri.toString())) this.queue = this.queue.then(() => this.sync(e.document));
    });
  }

  /** Remembers the entries an insertion added to the draft's bibliography file. */
  remember(draft: vscode.TextDocument, format: 'latex' | 'pandoc', bibliography: vscode.Uri, references: Reference[], keys: string[]): void {
    const known = this.added.get(draft.uri.toString()) ?? new Map<string, Added>();
    for (const reference of references) if (keys.includes(reference.key)) known.set(reference.key, { bibliography, format, reference });
    this.added.set(draft.uri.toString(), known);
  }

  /** Waits for the pending synchronisation (tests, and commands that read the file next). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async sync(document: vscode.TextDocument): Promise<void> {
    const known = this.added.get(document.uri.toString());
    if (!known || document.isClosed) return;
    const cited = new Set(parseDraft(document.getText(), this.ctx.format(document)).markers.flatMap((m) => m.keys));
    for (const [key, entry] of known) {
      try {
        if (cited.has(key)) {
          const plan = await planBibliography(entry.bibliography, entry.format, [entry.reference]);
          if (!('error' in plan) && plan.added.length) await writeBibliography(plan);
          continue;
        }
        const text = await readText(entry.bibliography);
        const next = entry.format === 'latex' ? applyEdits(text, removeBib(text, [key])) : removeCsl(text, [key]);
        if (next !== undefined && next !== text) await writeBibliography({ uri: entry.bibliography, text: next, changed: true, added: [] });
      } catch (err) {
        this.ctx.services.log.error(`cite: ${entry.bibliography.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
