/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { OutlineProvider } from '../../src/vscode/outline/provider';
import type { OutlineNode } from '../../src/vscode/outline/nodes';
import { SAMPLE, statcite, until, workspaceFile } from './util';

const BODIES = ['北京市委政法委', '江苏省委政法委', '福建省委政法委', '湖北省委政法委', '重庆市委政法委'];

/** Labels of the children of a node, as the tree shows them. */
async function labels(provider: OutlineProvider, nodes: OutlineNode[]): Promise<string[]> {
  return nodes.map((n) => String(provider.getTreeItem(n).label));
}

suite('Outline', () => {
  let provider: OutlineProvider;

  suiteSetup(async () => {
    const { services } = await statcite();
    provider = new OutlineProvider(services.corpus);
  });

  async function summaryArticle(): Promise<OutlineNode> {
    const [file] = await provider.getChildren();
    assert.ok(file, 'the tree shows no corpus file');
    const articles = await provider.getChildren(file);
    const article = articles.find((a) => a.kind === 'article' && a.article.subtitle?.includes('交流发言摘要'));
    assert.ok(article, `no 交流发言摘要 article among: ${(await labels(provider, articles)).join(' | ')}`);
    return article;
  }

  test('the sample shows its five reports, each with its issuing body, under their article', async () => {
    const reports = await provider.getChildren(await summaryArticle());
    const shown = await labels(provider, reports);
    assert.strictEqual(shown.length, 5, shown.join(' | '));
    shown.forEach((label, i) => assert.ok(label.endsWith(`— ${BODIES[i]}`), `report ${i + 1} reads ${label}`));
  });

  test('clicking a section selects exactly its range in the editor', async () => {
    const [hubei] = (await provider.getChildren(await summaryArticle())).filter((r) => r.kind === 'report' && r.report.author === '湖北省委政法委');
    const section = (await provider.getChildren(hubei)).find((n) => n.kind === 'section');
    assert.ok(section && section.kind === 'section', 'the 湖北 report has no section');
    const command = provider.getTreeItem(section).command;
    assert.ok(command, 'a section row has no click command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.strictEqual(editor.document.uri.fsPath, workspaceFile(...SAMPLE).fsPath);
    const selected = editor.document.getText(editor.selection);
    assert.ok(selected.startsWith('一、建强综治中心'), `selection starts with ${selected.slice(0, 20)}`);
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), section.section.range.start);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), section.section.range.end);
  });

  test('the document symbol provider gives the same reports and sections', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(...SAMPLE));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const summary = symbols?.find((s) => s.children.some((r) => r.detail === '湖北省委政法委'));
    assert.ok(summary, 'no symbol holds the 湖北 report');
    assert.deepStrictEqual(summary.children.map((r) => r.detail), BODIES);
    const hubei = summary.children.find((r) => r.detail === '湖北省委政法委')!;
    const sections = hubei.children.filter((c) => c.kind === vscode.SymbolKind.Namespace).map((c) => c.name);
    assert.deepStrictEqual(sections.map((s) => s.slice(0, 2)), ['一、', '二、', '三、']);
  });

  test('editing a corpus file on disk updates the tree', async () => {
    const { services } = await statcite();
    const uri = workspaceFile('corpus', 'added.txt');
    const text = '新增的报告标题\n\n某省委政法委\n\n一、第一部分。全年办理案件120件。\n\n二、第二部分。满意度达到98.5%。\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    // The tree follows the corpus's change event.
    await until(async () => (await labels(provider, await provider.getChildren())).includes('added.txt'), 15_000, 'a new corpus file did not reach the tree');

    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace('二、第二部分', '二、改写的部分')));
    await until(
      () => !!services.corpus.file(uri.fsPath)?.articles.some((a) => a.reports.some((r) => r.sections.some((s) => s.title.startsWith('二、改写的部分')))),
      15_000,
      'an edited section title did not reach the tree',
    );
    await vscode.workspace.fs.delete(uri);
    await until(() => !services.corpus.file(uri.fsPath), 15_000, 'a deleted corpus file stayed in the tree');
  });
});
