/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SearchResult } from '../../src/core/search/types';
import { SAMPLE, statcite, until, workspaceFile } from './util';

suite('Search', () => {
  test('the search returns the expected top result for a known query', async () => {
    const { services } = await statcite();
    const [top] = await services.corpus.search('复吸率');
    assert.ok(top, 'no results for 复吸率');
    assert.strictEqual(top.file, workspaceFile(...SAMPLE).fsPath);
    assert.ok(top.snippet.includes('复吸率下降6.8%'), `top result reads ${top.snippet}`);
    assert.strictEqual(top.report, '着力加强政法基础设施建设 以高水平安全保障高质量发展');
    assert.deepStrictEqual(top.highlights.map(([s, e]) => top.snippet.slice(s, e)), ['复吸率']);
  });

  test('湖北’s juvenile-crime figure is among the first five for 未成年人犯罪 下降', async () => {
    const { services } = await statcite();
    const results = await services.corpus.search('未成年人犯罪 下降', { limit: 5 });
    assert.ok(
      results.some((r) => r.snippet.includes('未成年人犯罪数同比下降20.3%')),
      results.map((r) => r.snippet).join('\n'),
    );
  });

  test('opening a result selects its match in the source', async () => {
    const { services } = await statcite();
    const top = (await services.corpus.search('扫黑除恶')).find((r) => r.kind === 'passage');
    assert.ok(top, 'no passage result for 扫黑除恶');
    await vscode.commands.executeCommand('statcite.openSearchResult', top);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.strictEqual(editor.document.uri.fsPath, top.file);
    assert.strictEqual(editor.document.getText(editor.selection), '扫黑除恶');
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), top.match.start);
  });

  test('opening a statistic selects its figure', async () => {
    const { services } = await statcite();
    const results = await services.corpus.search('未成年人犯罪 下降', { statisticsOnly: true });
    assert.ok(results.every((r) => r.kind === 'statistic'), 'statisticsOnly returned passages');
    const stat = results.find((r) => r.snippet.includes('未成年人犯罪数同比下降20.3%'));
    assert.ok(stat, `no 湖北 statistic among: ${results.map((r) => r.snippet).join(' | ')}`);
    await vscode.commands.executeCommand('statcite.openSearchResult', stat as SearchResult);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.strictEqual(editor.document.getText(editor.selection), '20.3%');
  });

  test('a phrase query finds the phrase as written, across a page break too', async () => {
    const { services } = await statcite();
    const results = await services.corpus.search('"信访工作法治化"');
    assert.ok(results.length >= 2, `${results.length} results`);
    const text = (await vscode.workspace.openTextDocument(workspaceFile(...SAMPLE))).getText();
    for (const r of results) {
      assert.strictEqual(text.slice(r.match.start, r.match.end).replace(/\s/g, ''), '信访工作法治化', `${r.report}: ${r.snippet}`);
    }
    assert.ok(results.some((r) => text.slice(r.match.start, r.match.end).includes('\n')), 'no match runs over the page break of 江苏’s paragraph');
  });

  test('a figure condition keeps the figures that meet it: 化解率 >98%', async () => {
    const { services } = await statcite();
    const results = await services.corpus.search('化解率 >98%');
    const figures = results.map((r) => `${r.kind} ${services.corpus.statistic(r.id)?.statistic.text}`);
    assert.deepStrictEqual(figures.sort(), ['statistic 98.6%', 'statistic 99.8%']);
    const metrics = results.map((r) => services.corpus.statistic(r.id)?.statistic.metric);
    assert.ok(metrics.every((m) => m?.endsWith('化解率')), `metrics ${metrics.join(', ')}`);
  });

  test('Enter on a result in the search box lands on the matched words after a page break', async () => {
    const { services } = await statcite();
    // 江苏's paragraph: the words are 340 characters after its start, after a page break and split by another.
    const query = '信访工作法治化 -首都';
    const [top] = await services.corpus.search(query);
    assert.ok(top?.report.includes('江苏'), `top result from ${top?.report}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('statcite.search', query);
    // The results come from the worker: press Enter until the first one opens.
    await until(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return vscode.window.activeTextEditor !== undefined;
      },
      10000,
      'Enter opened no result',
    );
    const editor = vscode.window.activeTextEditor!;
    const { document, selection } = editor;
    assert.strictEqual(document.uri.fsPath, workspaceFile(...SAMPLE).fsPath);
    const selected = document.getText(selection);
    assert.strictEqual(selected.replace(/\s/g, ''), '信访工作法治化', `selected “${selected}”`);
    assert.deepStrictEqual([document.offsetAt(selection.start), document.offsetAt(selection.end)], [top.match.start, top.match.end]);
    assert.ok(selection.start.line > document.positionAt(top.start).line, 'the selection is on the paragraph’s first line, before the page break');
    assert.ok(selection.end.line > selection.start.line, 'the selection does not run over the second page break');
  });

  test('odd queries answer with results or nothing, never an error', async () => {
    const { services } = await statcite();
    for (const query of ['，。！？', '的 了', '.*+?^${}()|[]\\', '😀', '矛盾纠纷'.repeat(500)]) {
      assert.ok(Array.isArray(await services.corpus.search(query, { prefixLast: true })), query.slice(0, 20));
    }
  });

  test('the search command opens and closes without error', async () => {
    await vscode.commands.executeCommand('statcite.search', '综治中心');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
