import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { citationAt, resolveCitations } from '../../core/cite/citations';
import { parseDraft } from '../../core/cite/draft/parse';
import { checkField, isFillable, writeFrontMatterFields, writeSidecarFields, type Fillable } from '../../core/cite/fill';
import { referenceFor, type ReportLocation } from '../../core/cite/reference';
import { SIDECAR_NAME } from '../../core/corpus/metadata';
import { readText } from './apply';
import type { CiteContext } from './context';
import { refreshLists } from './restyle';
import { FILL_COMMAND } from './settings';

/** What the command may be given: a report key or statistic id, and values that skip the questions. */
interface FillArgs {
  key?: string;
  statisticId?: string;
  values?: Record<string, string>;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * **Fill in Source Details…**: asks for the fields the reference of a source lacks (today offered
 * as 引用日期), writes them to the Markdown file's front matter or to statcite.meta.json, waits for
 * the corpus to read them, and refreshes the reference lists of the open drafts.
 */
export function registerFill(ctx: CiteContext): vscode.Disposable {
  const t = vscode.l10n.t;
  const labels: Record<Fillable, string> = {
    authors: t('Authors or issuing body (separate several with commas)'),
    publication: t('Publication: newspaper, journal or website (报纸名 / 刊名)'),
    date: t('Publication date, YYYY-MM-DD (出版日期)'),
    page: t('Page or edition (版次 / 页码)'),
    volume: t('Volume (卷)'),
    issue: t('Issue (期)'),
    number: t('Standard, patent or report number'),
    place: t('Place of publication (出版地)'),
    publisher: t('Publisher (出版者)'),
    url: t('URL (获取路径)'),
    accessed: t('Date accessed, YYYY-MM-DD (引用日期)'),
  };

  /** The source: from the argument, the citation under the cursor, or the cited sources that lack details. */
  async function source(arg: FillArgs): Promise<ReportLocation | undefined> {
    await ctx.services.corpus.ready;
    const lookup = ctx.lookup();
    if (arg.key) return lookup.report(arg.key);
    if (arg.statisticId) return lookup.statistic(arg.statisticId);
    const editor = ctx.draftEditor();
    if (!editor) return undefined;
    const parsed = parseDraft(editor.document.getText(), ctx.format(editor.document));
    const citations = resolveCitations(parsed, lookup);
    const here = citationAt(citations, editor.document.offsetAt(editor.selection.active));
    if (here?.key && lookup.report(here.key)) return lookup.report(here.key);
    const style = await ctx.style(editor.document);
    const lacking = [...new Set(citations.map((c) => c.key))]
      .map((k) => (k ? lookup.report(k) : undefined))
      .filter((r): r is ReportLocation => !!r && style.missing(referenceFor(r)).length > 0);
    if (lacking.length <= 1) return lacking[0];
    const pick = await vscode.window.showQuickPick(
      lacking.map((r) => ({ label: r.report.title, description: r.report.author, location: r })),
      { placeHolder: t('Which source?') },
    );
    return pick?.location;
  }

  async function ask(field: Fillable, title: string, step: string, given: string | undefined): Promise<string | string[] | undefined | null> {
    if (given !== undefined) {
      const checked = checkField(field, given);
      return 'error' in checked ? null : checked.value;
    }
    const typed = await vscode.window.showInputBox({
      title: `${t('Fill in Source Details')} ${step}`,
      prompt: `${labels[field]} — ${title}`,
      value: field === 'accessed' ? today() : undefined,
      ignoreFocusOut: true,
      validateInput: (v) => {
        if (!v.trim()) return undefined; // empty skips the field
        const checked = checkField(field, v);
        return 'error' in checked ? t(checked.error) : undefined;
      },
    });
    if (typed === undefined) return undefined; // Esc: stop asking
    if (!typed.trim()) return null;
    const checked = checkField(field, typed);
    return 'error' in checked ? null : checked.value;
  }

  /** Writes the fields where the file's metadata lives; the place written, or an error naming the file. */
  async function write(location: ReportLocation, fields: Partial<Record<Fillable, string | string[]>>): Promise<{ wrote: vscode.Uri } | { error: string }> {
    const file = vscode.Uri.file(location.file.path);
    if (/\.(md|markdown)$/i.test(location.file.path)) {
      const text = await readText(file);
      const next = writeFrontMatterFields(text, fields);
      if (next !== undefined) return (await save(file, text, next)) ?? { wrote: file };
    }
    // The nearest statcite.meta.json in the file's folder or above applies; else a new one beside the file.
    const root = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath;
    let folder = nodePath.dirname(file.fsPath);
    for (let dir = folder; root && dir.startsWith(root); dir = nodePath.dirname(dir)) {
      const exists = await vscode.workspace.fs.stat(vscode.Uri.file(nodePath.join(dir, SIDECAR_NAME))).then(() => true, () => false);
      if (exists) {
        folder = dir;
        break;
      }
      if (nodePath.dirname(dir) === dir) break;
    }
    const sidecar = vscode.Uri.file(nodePath.join(folder, SIDECAR_NAME));
    const text = await readText(sidecar);
    const key = nodePath.relative(folder, file.fsPath).split(nodePath.sep).join('/');
    const result = writeSidecarFields(text, key, fields);
    if ('error' in result) return { error: `${sidecar.fsPath}: ${result.error}` };
    return (await save(sidecar, text, result.text)) ?? { wrote: sidecar };
  }

  async function save(uri: vscode.Uri, before: string, text: string): Promise<{ error: string } | undefined> {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(before.length)), text);
        if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) return { error: `${uri.fsPath}: ${t('the file could not be saved')}` };
      } else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return undefined;
    } catch (err) {
      return { error: `${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /** Resolves when the corpus has read the file again (or after a while: the lists refresh anyway). */
  function reread(path: string): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const timer = setTimeout(done, 15_000);
      const subscription = ctx.services.corpus.onDidChange((paths) => paths.includes(path) && done());
    });
  }

  async function fill(arg?: unknown): Promise<boolean> {
    const args: FillArgs = typeof arg === 'string' ? { key: arg } : ((arg ?? {}) as FillArgs);
    const location = await source(args);
    if (!location) {
      void vscode.window.showInformationMessage(t('No cited source lacks details here. Put the cursor on a citation to fill in its source.'));
      return false;
    }
    const reference = referenceFor(location);
    const missing = (await ctx.style(ctx.draftEditor()?.document)).missing(reference).filter(isFillable);
    if (!missing.length) {
      void vscode.window.showInformationMessage(t('“{0}” has every detail its reference needs.', reference.title));
      return false;
    }
    const fields: Partial<Record<Fillable, string | string[]>> = {};
    for (const [i, field] of missing.entries()) {
      const value = await ask(field, reference.title, `(${i + 1}/${missing.length})`, args.values?.[field]);
      if (value === undefined) break;
      if (value !== null) fields[field] = value;
    }
    if (!Object.keys(fields).length) return false;
    const changed = reread(location.file.path);
    const written = await write(location, fields);
    if ('error' in written) {
      void vscode.window.showErrorMessage(t('Source details not saved: {0}', written.error));
      return false;
    }
    ctx.services.log.info(`cite: ${Object.keys(fields).join(', ')} of ${reference.key} → ${written.wrote.fsPath}`);
    await changed;
    await refreshLists(ctx, [reference.key]);
    return true;
  }

  return vscode.commands.registerCommand(FILL_COMMAND, fill);
}
