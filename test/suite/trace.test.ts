/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Statistic } from '../../src/core/model';
import type { Services } from '../../src/vscode/services';
import { findStatistic, openDraft, undo } from './drafts';
import { statcite, until } from './util';

suite('Figures typed in drafts', () => {
  let services: Services;
  let crime: Statistic; // 湖北: 去年刑事发案同比下降21.5%

  suiteSetup(async () => {
    ({ services } = await statcite());
    crime = findStatistic(services, '湖北省委政法委', '21.5%');
  });

  /** The StatCite diagnostic with this code in the draft, once tracing has given it. */
  async function diagnostic(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
    const find = () => vscode.languages.getDiagnostics(uri).find((d) => d.code === code);
    await until(() => !!find(), 20_000, `no ${code} diagnostic in ${uri.fsPath}: ${vscode.languages.getDiagnostics(uri).map((d) => d.message).join(' | ')}`);
    return find()!;
  }

  async function actions(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
  }

  test('a typed figure the corpus states → information → Cite this source puts the marker after it, no sentence; one undo', async () => {
    const draft = '# 稿件\n\n湖北去年刑事发案下降21.5%，成效明显。\n';
    const editor = await openDraft('trace-found.md', draft);
    const { uri } = editor.document;
    const found = await diagnostic(uri, 'trace-found');
    assert.strictEqual(found.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(editor.document.getText(found.range), '21.5%');
    assert.ok(found.message.includes('湖北省委政法委《') && found.message.includes('21.5%'), found.message);

    const offered = await actions(uri, found);
    const cite = offered.find((a) => a.title.startsWith('Cite this source') && a.command);
    assert.ok(cite, `no Cite this source among: ${offered.map((a) => a.title).join(' | ')}`);
    assert.ok(offered.some((a) => a.title.startsWith('Show source') && a.command?.arguments?.[0] === crime.id));
    assert.ok(await vscode.commands.executeCommand(cite.command!.command, ...(cite.command!.arguments ?? [])));
    const cited = editor.document.getText();
    assert.ok(cited.startsWith('# 稿件\n\n湖北去年刑事发案下降21.5%[^1]，成效明显。\n'), cited);
    assert.ok(cited.includes(`<!-- statcite `) && cited.includes(`: ${crime.id} -->`), cited);
    // Cited now: the note goes.
    await until(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'trace-found'), 20_000, 'the figure is still reported as uncited');

    await undo(editor);
    assert.strictEqual(editor.document.getText(), draft);
  });

  test('a wrong figure → warning with the source’s figure → the quick fix writes it; one undo', async () => {
    const draft = '湖北去年刑事发案下降23.5%。\n';
    const editor = await openDraft('trace-differs.txt', draft);
    const { uri } = editor.document;
    const differs = await diagnostic(uri, 'trace-differs');
    assert.strictEqual(differs.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(editor.document.getText(differs.range), '23.5%');
    assert.ok(differs.message.includes('21.5%'), differs.message);

    const offered = await actions(uri, differs);
    const fix = offered.find((a) => a.title.includes('21.5%') && a.edit);
    assert.ok(fix, `no fix among: ${offered.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(editor.document.getText(), '湖北去年刑事发案下降21.5%。\n');
    await diagnostic(uri, 'trace-found');

    await undo(editor);
    assert.strictEqual(editor.document.getText(), draft);
  });

  test('the same value of another subject is not traced; flagUnsourced marks it with a hint', async () => {
    const editor = await openDraft('trace-unsourced.md', '北京市刑事发案下降21.5%。\n');
    const { uri } = editor.document;
    const config = vscode.workspace.getConfiguration('statcite.draft');
    await until(async () => ((await vscode.commands.executeCommand<unknown[]>('statcite.trace.traced', uri.toString())) ?? []).length === 1, 20_000, 'the draft was not traced');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri).filter((d) => String(d.code).startsWith('trace-')), []);
    await config.update('flagUnsourced', true, vscode.ConfigurationTarget.Workspace);
    try {
      const hint = await diagnostic(uri, 'trace-unsourced');
      assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint);
    } finally {
      await config.update('flagUnsourced', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
