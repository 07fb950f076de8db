import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { revealSource } from '../reveal';
import { corpusPathOf } from '../textView/uri';
import { citationAt, resolveCitations } from '../../core/cite/citations';
import { parseDraft } from '../../core/cite/draft/parse';
import { insertCitations } from '../../core/cite/many';
import { prepareMarker, prepareQuotation, prepareStatistic, type CiteOptions, type PreparedCitation } from '../../core/cite/prepare';
import { passageAt, referenceFor, statisticAt, type StatisticLocation } from '../../core/cite/reference';
import { planUpdate } from '../../core/cite/update';
import { figureText } from '../../core/stats/label';
import { applyToDraft, planBibliography, readText, writeBibliography, type BibliographyPlan } from './apply';
import type { BibliographySync } from './bibsync';
import type { CiteContext } from './context';
import {
  CITE_FIGURE_COMMAND,
  CITE_SELECTION_COMMAND,
  CITE_STATISTIC_COMMAND,
  COPY_COMMAND,
  ENTRIES_COMMAND,
  FILL_COMMAND,
  INSERT_COMMAND,
  OPEN_SOURCE_COMMAND,
  UPDATE_COMMAND,
} from './settings';

/** The statistics a command argument names: one (see statisticIdOf) or a list (the Statistics view's selection). */
function statisticIdsOf(arg: unknown): string[] | undefined {
  if (Array.isArray(arg)) {
    const ids = arg.map(statisticIdOf);
    return ids.length && ids.every((id): id is string => id !== undefined) ? ids : undefined;
  }
  const id = statisticIdOf(arg);
  return id === undefined ? undefined : [id];
}

/** A statistic id from a command argument: the id itself, an outline node or a search result. */
function statisticIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.statisticId === 'string') return o.statisticId;
    if (typeof o.id === 'string' && (o.kind === undefined || o.kind === 'statistic')) return o.id;
  }
  return undefined;
}

export function registerCommands(ctx: CiteContext, bibSync: BibliographySync): vscode.Disposable[] {
  const { services } = ctx;
  const t = vscode.l10n.t;
  /** Sources already warned about in this session: one warning per source, not one per insertion. */
  const warned = new Set<string>();

  async function statistic(id: string): Promise<StatisticLocation | undefined> {
    await services.corpus.ready;
    const location = services.corpus.statistic(id);
    if (!location) void vscode.window.showWarningMessage(t('No statistic {0} in the corpus: the source may have changed. Search for the figure again.', id));
    return location;
  }

  /**
   * Puts prepared citations at the cursor of the draft (or at `target`, a place in an open draft):
   * one undo step, bibliography file after.
   */
  async function citeInto(prepare: (options: CiteOptions) => PreparedCitation[], target?: { editor: vscode.TextEditor; at: number }): Promise<boolean> {
    const editor = target?.editor ?? ctx.draftEditor();
    if (!editor) {
      noDraft();
      return false;
    }
    const { document } = editor;
    const name = nodePath.basename(document.fileName);
    const options = await ctx.options(document);
    const prepared = prepare(options);
    // The bibliography file is checked first: a broken .bib stops the insertion before anything changes.
    const bibliography =
      options.format === 'latex' || options.format === 'pandoc'
        ? await planBibliography(ctx.bibliography(document, options.format === 'latex' ? 'bibtex' : 'csl'), options.format, prepared.map((p) => p.reference))
        : undefined;
    if (bibliography && 'error' in bibliography) {
      void vscode.window.showErrorMessage(t('Citation not inserted: {0}. Fix the file and try again.', bibliography.error));
      return false;
    }
    const at = target?.at ?? document.offsetAt(editor.selection.active);
    const result = insertCitations(document.getText(), options.format, at, prepared, ctx.lookup(), options.style);
    if ('error' in result) {
      void vscode.window.showWarningMessage(t('Citation not inserted into {0}: {1}', name, t(result.template, ...result.args)));
      return false;
    }
    if (!(await applyToDraft(document, result.edits))) {
      void vscode.window.showErrorMessage(t('Could not edit {0}: the document is read-only or was changed meanwhile.', name));
      return false;
    }
    if (bibliography) {
      await write(bibliography);
      bibSync.remember(document, options.format === 'latex' ? 'latex' : 'pandoc', bibliography.uri, prepared.map((p) => p.reference), bibliography.added);
    }
    placeCursor(editor, result.cursor);
    services.log.info(`cite: ${prepared.map((p) => p.request.id).join(' ')} → ${name} (${options.format}, ${options.style.id})`);
    for (const p of prepared) warnMissing(p);
    return true;
  }

  /** The first citation of a source with missing details offers to fill them in; later ones are quiet (the Problems panel keeps it). */
  function warnMissing(prepared: PreparedCitation): void {
    const { key, title } = prepared.reference;
    if (!prepared.entry.missing.length || warned.has(key)) return;
    warned.add(key);
    const fill = t('Fill in Source Details…');
    void vscode.window.showInformationMessage(t('“{0}” lacks {1} for the reference.', title, prepared.entry.missing.join(', ')), fill).then((choice) => {
      if (choice === fill) void vscode.commands.executeCommand(FILL_COMMAND, { key });
    });
  }

  /** Writes the bibliography file; a failure is reported (the draft edit stands and can be undone). */
  async function write(plan: BibliographyPlan): Promise<void> {
    try {
      await writeBibliography(plan);
    } catch (err) {
      void vscode.window.showErrorMessage(t('Could not write {0}: {1}', plan.uri.fsPath, err instanceof Error ? err.message : String(err)));
    }
  }

  /** The cursor goes after the inserted marker, so writing continues there. */
  function placeCursor(editor: vscode.TextEditor, offset: number | undefined): void {
    if (offset === undefined || vscode.window.activeTextEditor?.document !== editor.document) return;
    const position = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(position, position);
  }

  async function pickStatistic(): Promise<string | undefined> {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
    pick.placeholder = t('Search the statistics of the corpus, e.g. 刑事发案 下降');
    let latest = 0;
    pick.onDidChangeValue(async (value) => {
      const mine = ++latest;
      if (!value.trim()) {
        pick.items = [];
        return;
      }
      pick.busy = true;
      try {
        const results = await services.corpus.search(value, { statisticsOnly: true, limit: 50, prefixLast: true });
        if (mine !== latest) return;
        pick.items = results.map((r) => {
          const stat = services.corpus.statistic(r.id)?.statistic;
          return {
            id: r.id,
            label: stat ? `${figureText(stat)}  ${stat.metric}` : r.snippet,
            description: [r.report, r.section].filter(Boolean).join(' › '),
            detail: r.snippet,
            alwaysShow: true, // the index already matched; the QuickPick must not filter again
          };
        });
      } catch (err) {
        services.log.error(`cite: search "${value}": ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        if (mine === latest) pick.busy = false;
      }
    });
    return new Promise((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.id);
        pick.hide();
      });
      pick.onDidHide(() => {
        resolve(undefined);
        pick.dispose();
      });
      pick.show();
    });
  }

  function noDraft(): boolean {
    if (ctx.draftEditor()) return false;
    void vscode.window.showWarningMessage(t('Open a draft (Markdown, LaTeX or plain text) and put the cursor where the citation goes.'));
    return true;
  }

  async function citeStatistic(arg?: unknown): Promise<boolean> {
    if (noDraft()) return false;
    const picked = statisticIdsOf(arg) ?? (await pickStatistic());
    if (!picked) return false;
    const locations: StatisticLocation[] = [];
    for (const id of typeof picked === 'string' ? [picked] : picked) {
      const location = await statistic(id);
      if (!location) return false;
      locations.push(location);
    }
    return citeInto((options) => locations.map((location) => prepareStatistic(location, options)));
  }

  /** Cites a statistic that a figure typed in a draft states: its marker right after the figure. */
  async function citeFigure(uri: string, at: number, id: string): Promise<boolean> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const location = document && (await statistic(id));
    if (!document || !location) return false;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? (await vscode.window.showTextDocument(document));
    return citeInto((options) => [prepareMarker(location, options)], { editor, at });
  }

  async function citeSelection(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const path = editor && corpusPathOf(editor.document.uri);
    const file = path ? services.corpus.file(path) : undefined;
    if (!editor || !file || editor.selection.isEmpty) {
      void vscode.window.showWarningMessage(t('Select a passage in a corpus file to quote it.'));
      return false;
    }
    const location = passageAt(file, editor.document.offsetAt(editor.selection.start));
    if (!location) {
      void vscode.window.showWarningMessage(t('The selection is not inside a passage of a report.'));
      return false;
    }
    const quote = editor.document.getText(editor.selection).replace(/\s*\r?\n\s*/g, '');
    const done = await citeInto((options) => [prepareQuotation(location, quote, options)]);
    const draft = ctx.draftEditor();
    if (done && draft) await vscode.window.showTextDocument(draft.document, draft.viewColumn);
    return done;
  }

  async function update(): Promise<boolean> {
    const editor = ctx.draftEditor();
    if (!editor) {
      void vscode.window.showWarningMessage(t('Open a draft to update its references.'));
      return false;
    }
    await services.corpus.ready;
    const { document } = editor;
    const options = await ctx.options(document);
    const uri = ctx.bibliography(document, options.format === 'latex' ? 'bibtex' : 'csl');
    const result = await planUpdate(document.getText(), options, ctx.lookup(), { name: uri.fsPath, read: () => readText(uri) });
    if ('error' in result) {
      void vscode.window.showErrorMessage(t('References not updated: {0}. Fix the file and try again.', result.error));
      return false;
    }
    if (result.edits.length && !(await applyToDraft(document, result.edits))) {
      void vscode.window.showErrorMessage(t('Could not edit {0}: the document is read-only or was changed meanwhile.', nodePath.basename(document.fileName)));
      return false;
    }
    if (result.bibliography) await write({ uri, ...result.bibliography });
    if (result.problems.length) {
      void vscode.window.showWarningMessage(t('References updated; {0} problem(s) need a look: {1}', result.problems.length, t(result.problems[0].template, ...result.problems[0].args)));
    }
    return true;
  }

  /** The entries of these statistics' works in the style of the last draft (undefined for ids the corpus lacks). */
  async function entries(ids: string[]): Promise<Array<string | undefined>> {
    const style = await ctx.style(ctx.draftEditor()?.document);
    const lookup = ctx.lookup();
    return ids.map((id) => {
      const location = lookup.statistic(id);
      return location && style.entry(referenceFor(location), 'plain').text;
    });
  }

  /** Copies the reference entry of a statistic (argument, citation under the cursor, or picked). */
  async function copy(arg?: unknown): Promise<string | undefined> {
    const lookup = ctx.lookup();
    const editor = vscode.window.activeTextEditor;
    let id = statisticIdOf(arg);
    let key: string | undefined;
    if (!id && editor) {
      const offset = editor.document.offsetAt(editor.selection.active);
      const path = corpusPathOf(editor.document.uri);
      const file = path ? services.corpus.file(path) : undefined;
      if (file) id = statisticAt(file, offset)?.statistic.id;
      else if (ctx.isDraft(editor.document)) {
        const found = citationAt(resolveCitations(parseDraft(editor.document.getText(), ctx.format(editor.document)), lookup), offset);
        id = found?.statistic?.id;
        key = found?.key;
      }
    }
    if (!id && !key) id = await pickStatistic();
    const location = id ? await statistic(id) : key ? lookup.report(key) : undefined;
    if (!location) return undefined;
    const entry = (await ctx.style(editor?.document)).entry(referenceFor(location), 'plain').text;
    try {
      await vscode.env.clipboard.writeText(entry);
      void vscode.window.showInformationMessage(t('Copied: {0}', entry));
    } catch (err) {
      // A browser-hosted VS Code may refuse clipboard access: show the entry so it can be copied by hand.
      services.log.warn(`cite: clipboard: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showInformationMessage(entry);
    }
    return entry;
  }

  async function openSource(id: string): Promise<void> {
    const location = await statistic(id);
    if (!location) return;
    await revealSource(location.file.path, location.statistic.range.start, location.statistic.range.end, { context: location.statistic.sentenceRange });
  }

  return [
    vscode.commands.registerCommand(INSERT_COMMAND, () => citeStatistic()),
    vscode.commands.registerCommand(CITE_STATISTIC_COMMAND, citeStatistic),
    vscode.commands.registerCommand(CITE_SELECTION_COMMAND, citeSelection),
    vscode.commands.registerCommand(CITE_FIGURE_COMMAND, citeFigure),
    vscode.commands.registerCommand(UPDATE_COMMAND, update),
    vscode.commands.registerCommand(COPY_COMMAND, copy),
    vscode.commands.registerCommand(OPEN_SOURCE_COMMAND, openSource),
    vscode.commands.registerCommand(ENTRIES_COMMAND, entries),
  ];
}
