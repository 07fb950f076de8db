/// <reference types="mocha" />
// The Statistics view in a real VS Code: its webview's DOM is out of reach of the extension host,
// so the view is driven through its commands (which post to the webview and wait for its answer)
// and checked through the state the webview reports back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusFile } from '../../src/core/model';
import type { ViewState } from '../../src/vscode/statisticsView/panel';
import type { Services } from '../../src/vscode/services';
import { statcite, until, workspaceFile } from './util';

function countStatistics(files: CorpusFile[]): number {
  let n = 0;
  for (const f of files) for (const a of f.articles) for (const r of a.reports) for (const s of [r.intro, ...r.sections]) n += s.statistics.length;
  return n;
}

const filter = (query: object): Thenable<ViewState> => vscode.commands.executeCommand<ViewState>('statcite.statistics.filter', query);

suite('Statistics view', () => {
  let services: Services;

  suiteSetup(async () => {
    ({ services } = await statcite());
    await vscode.commands.executeCommand('statcite.openStatistics');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens as a webview panel holding every statistic of the corpus', async () => {
    const state = await filter({});
    assert.strictEqual(state.total, countStatistics(services.corpus.files()));
    assert.strictEqual(state.count, state.total);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(
      tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('statcite.statistics')),
      tabs.map((t) => t.label).join(' | '),
    );
  });

  test('filters by metric key, subject and kind; the rows are the statistics that match', async () => {
    const crime = await filter({ metric: '刑事发案' });
    assert.ok(crime.count > 0 && crime.count < crime.total, `${crime.count} of ${crime.total}`);
    for (const id of crime.first) assert.strictEqual(services.corpus.statistic(id)?.statistic.metric, '刑事发案');

    const hubei = await filter({ subject: '湖北', kinds: ['change'] });
    assert.ok(hubei.count > 0);
    for (const id of hubei.first) {
      const s = services.corpus.statistic(id)!.statistic;
      assert.ok(s.subject?.includes('湖北') && s.kind === 'change', `${s.text} ${s.subject} ${s.kind}`);
    }
    const none = await filter({ text: '没有这样的词语' });
    assert.strictEqual(none.count, 0);
  });

  test('opened from a report row of the outline, it shows that report only; a reset query shows all again', async () => {
    const location = [...services.corpus.files()].flatMap((f) => f.articles.flatMap((a) => a.reports)).find((r) => r.author === '湖北省委政法委');
    assert.ok(location, 'no 湖北 report');
    const state = await vscode.commands.executeCommand<ViewState>('statcite.openStatistics', { kind: 'report', report: location });
    assert.strictEqual(state.count, [location.intro, ...location.sections].reduce((n, s) => n + s.statistics.length, 0));
    assert.deepStrictEqual(state.query.scope, { reportId: location.id });
    const all = await filter({});
    assert.strictEqual(all.count, all.total);
  });

  test('cites the selected rows into the last active draft: one edit, one undo, the reference list right', async () => {
    const uri = workspaceFile('drafts', 'view-draft.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# 报告\n\n数据表明。\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const offset = editor.document.getText().indexOf('表明') + 2;
    editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset));
    const before = editor.document.getText();

    await vscode.commands.executeCommand('statcite.openStatistics');
    const minors = await filter({ metric: '未成年人', sort: { column: 'subject' } });
    assert.ok(minors.count >= 2, `${minors.count} rows`);
    const selected = await vscode.commands.executeCommand<ViewState>('statcite.statistics.select', minors.first.slice(0, 2));
    assert.deepStrictEqual(selected.selected, minors.first.slice(0, 2));
    // No argument: the command asks the webview for its selection, as the Cite button does.
    assert.strictEqual(await vscode.commands.executeCommand('statcite.statistics.cite'), true);

    const text = editor.document.getText();
    const cited = minors.first.slice(0, 2).map((id) => services.corpus.statistic(id)!);
    for (const { statistic } of cited) assert.ok(text.includes(`${statistic.text}[^`), text);
    assert.ok(text.includes('<!-- statcite: references -->'), text);
    for (const { report, statistic } of cited) assert.ok(new RegExp(`<!-- statcite ${report.id}: [^>]*${statistic.id}`).test(text), text);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before);
  });

  test('copies the selection as a Markdown table with citation markers', async () => {
    await vscode.commands.executeCommand('statcite.openStatistics');
    const state = await filter({ subject: '湖北', kinds: ['change'] });
    const markdown = await vscode.commands.executeCommand<string>('statcite.statistics.copy', state.first.slice(0, 2));
    const lines = markdown.split('\n');
    assert.match(lines[0], /^\| .+ \| .+ \|$/);
    assert.match(lines[2], /\[\^1\] \|$/);
    assert.ok(lines.some((l) => l.startsWith('[^1]: ') && l.includes('<!-- statcite ')), markdown);
  });

  test('exports the rows shown as CSV (UTF-8 with BOM) and XLSX', async () => {
    const state = await filter({ subject: '湖北' });
    const csvUri = workspaceFile('drafts', 'hubei.csv');
    const xlsxUri = workspaceFile('drafts', 'hubei.xlsx');
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('statcite.statistics.exportCsv', csvUri))?.toString(), csvUri.toString());
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(csvUri));
    assert.ok(csv.startsWith('\uFEFF'), 'no byte order mark');
    assert.strictEqual(csv.trimEnd().split('\r\n').length, state.count + 1);
    assert.ok(await vscode.commands.executeCommand('statcite.statistics.exportXlsx', xlsxUri));
    const xlsx = await vscode.workspace.fs.readFile(xlsxUri);
    assert.deepStrictEqual([...xlsx.slice(0, 2)], [0x50, 0x4b], 'not a zip file');
  });

  test('follows the corpus: a file added, changed and removed updates the rows without reopening', async () => {
    const total = (await filter({})).total;
    const uri = workspaceFile('corpus', 'view-live.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# 新闻\n\n## 简讯\n\n全市粮食产量增长3.5%，新增就业12万人。\n'));
    await until(async () => (await filter({})).total === total + 2, 20_000, 'the added file’s two statistics did not show');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# 新闻\n\n## 简讯\n\n全市粮食产量增长3.5%。\n'));
    await until(async () => (await filter({})).total === total + 1, 20_000, 'the changed file did not update');
    await vscode.workspace.fs.delete(uri);
    await until(async () => (await filter({})).total === total, 20_000, 'the removed file’s statistics stayed');
  });
});
