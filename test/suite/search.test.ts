/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SearchResult } from '../../src/core/search/types';
import { SAMPLE, statcite, workspaceFile } from './util';

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

  test('opening a result selects its first match in the source', async () => {
    const { services } = await statcite();
    const top = (await services.corpus.search('复吸率')).find((r) => r.kind === 'passage');
    assert.ok(top?.match, 'no passage result with a match for 复吸率');
    await vscode.commands.executeCommand('statcite.openSearchResult', top);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.strictEqual(editor.document.uri.fsPath, top.file);
    assert.strictEqual(editor.document.getText(editor.selection), '复吸率');
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
