/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { OutlineProvider } from '../../src/vscode/outline/provider';
import type { OutlineNode, StatisticNode } from '../../src/vscode/outline/nodes';
import { statcite, until, workspaceFile } from './util';

/** Every node under `node`, depth first. */
async function descendants(provider: OutlineProvider, node: OutlineNode): Promise<OutlineNode[]> {
  const out: OutlineNode[] = [];
  for (const child of await provider.getChildren(node)) out.push(child, ...(await descendants(provider, child)));
  return out;
}

suite('Reveal in long lines', () => {
  const uri = workspaceFile('corpus', 'long-line.txt');

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('a statistic clicked in a plain-text paragraph of one long line shows its sentence', async () => {
    const { services } = await statcite();
    // A paragraph written as one line of about 6,000 characters, as exported pages often are.
    const filler = Array.from({ length: 90 }, (_, i) => `第${i + 1}项工作稳步推进，各方面协同配合取得积极成效`).join('，') + '。';
    const sentence = '全市刑事发案同比下降21.5%，群众满意度达到98.7%。';
    const text = `长行测试报告\n\n某市委政法委\n\n${filler}${sentence}${filler}\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.commands.executeCommand('statcite.refresh');
    await until(() => !!services.corpus.file(uri.fsPath)?.articles.length, 20_000, 'the long-line file did not reach the corpus');

    const provider = new OutlineProvider(services.corpus);
    const fileNode = (await provider.getChildren()).find((n) => n.kind === 'file' && n.file.path === uri.fsPath);
    assert.ok(fileNode, 'the outline shows no long-line.txt');
    const statistic = (await descendants(provider, fileNode)).find((n): n is StatisticNode => n.kind === 'statistic' && n.statistic.text === '21.5%');
    assert.ok(statistic, 'the outline lists no 21.5% in long-line.txt');
    const command = provider.getTreeItem(statistic).command;
    assert.ok(command, 'a statistic row has no click command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath === uri.fsPath, 'long-line.txt did not open');
    const { document } = editor;
    assert.strictEqual(document.getText(editor.selection), '21.5%');
    const sentenceStart = document.positionAt(statistic.statistic.sentenceRange.start);
    const figureEnd = document.positionAt(statistic.statistic.range.end);
    const line = document.lineAt(figureEnd.line).range;
    // The API's visible ranges are only horizontal-true when the line is wrapped: then a range that
    // holds the sentence's start and the figure, but not the whole line, is really on screen.
    await until(
      () => editor.visibleRanges.some((r) => r.contains(sentenceStart) && r.contains(figureEnd) && !r.contains(line)),
      5_000,
      `the sentence is not in view: visible ${editor.visibleRanges.map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`).join(', ')}, ` +
        `sentence at ${sentenceStart.line}:${sentenceStart.character}, line length ${line.end.character}`,
    );
  });
});
