/// <reference types="mocha" />
import * as assert from 'assert';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusFile, Statistic } from '../../src/core/model';
import { OutlineProvider } from '../../src/vscode/outline/provider';
import type { OutlineNode } from '../../src/vscode/outline/nodes';
import type { Services } from '../../src/vscode/services';
import { DECORATED_RANGES_COMMAND } from '../../src/vscode/statistics/settings';
import { PAGE_MARKERS_COMMAND } from '../../src/vscode/textView/settings';
import { TEXT_SCHEME, corpusPathOf } from '../../src/vscode/textView/uri';
import { docx, handPdf, printPdf } from '../fixtures/formats/build';
import { WORK_SUMMARY } from '../fixtures/formats/documents';
import { EXTENSION_ID, statcite, until, workspaceFile } from './util';

/** One document per format, with a figure of it the tests follow through the UI. */
const DOCUMENTS = {
  html: { name: 'gov-bulletin.html', figure: '2,876.1万', query: '粮食总产量' },
  gbk: { name: 'newspaper.gbk.html', figure: '4.6万', query: '受理矛盾纠纷' },
  pdf: { name: 'report.pdf', figure: '94.6%', query: '群众满意率' },
  docx: { name: 'work-summary.docx', figure: '97.6%', query: '化解率' },
  cmap: { name: 'bulletin.pdf', figure: '86.4万', query: '城镇新增就业' },
} as const;
type Key = keyof typeof DOCUMENTS;

function folder(): vscode.Uri {
  return workspaceFile('corpus', 'formats');
}

function pathOf(key: Key): string {
  return vscode.Uri.joinPath(folder(), DOCUMENTS[key].name).fsPath;
}

/** Writes the documents into the workspace's corpus (the PDF printed by Chromium, the Word file built). */
async function writeDocuments(): Promise<void> {
  const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const fixtures = path.join(repo, 'test/fixtures/formats');
  mkdirSync(folder().fsPath, { recursive: true });
  copyFileSync(path.join(fixtures, DOCUMENTS.html.name), pathOf('html'));
  copyFileSync(path.join(fixtures, DOCUMENTS.gbk.name), pathOf('gbk'));
  await printPdf(readFileSync(path.join(fixtures, 'report.txt'), 'utf8'), pathOf('pdf'));
  writeFileSync(pathOf('docx'), docx(WORK_SUMMARY));
  // A CJK font that is not embedded: read only with the CMaps shipped next to the worker.
  writeFileSync(pathOf('cmap'), handPdf({ pages: [['江川省统计公报发布。'], ['全年地区生产总值增长5.4%。'], ['城镇新增就业86.4万人。']] }));
  writeFileSync(vscode.Uri.joinPath(folder(), 'notes.docx').fsPath, '这不是Word文件。');
  // Large enough to cross from the worker in slices (core/engine/transfer.ts).
  const pages = Array.from({ length: 400 }, (_, i) => [`第${i + 1}页：全年新增就业${i + 1}万人，增长${(i % 9) + 1}.5%。`]);
  writeFileSync(vscode.Uri.joinPath(folder(), 'long.pdf').fsPath, handPdf({ pages }));
  // The nearest sidecar applies: these are reports, not pages of the newspaper the corpus folder's sidecar names.
  writeFileSync(vscode.Uri.joinPath(folder(), 'statcite.meta.json').fsPath, JSON.stringify({ defaults: {} }));
}

function statisticOf(file: CorpusFile, text: string): Statistic {
  for (const article of file.articles)
    for (const report of article.reports)
      for (const section of [report.intro, ...report.sections]) {
        const found = section.statistics.find((s) => s.text === text);
        if (found) return found;
      }
  assert.fail(`no statistic ${text} in ${file.path}`);
}

/** The outline's nodes below a file, depth first. */
function nodesBelow(provider: OutlineProvider, node: OutlineNode): OutlineNode[] {
  return provider.getChildren(node).flatMap((child) => [child, ...nodesBelow(provider, child)]);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ');
}

suite('HTML, PDF and Word files', () => {
  let services: Services;
  let provider: OutlineProvider;

  suiteSetup(async function () {
    this.timeout(180_000);
    ({ services } = await statcite());
    await writeDocuments();
    await services.corpus.refresh();
    await until(() => (Object.keys(DOCUMENTS) as Key[]).every((k) => services.corpus.file(pathOf(k))), 120_000, 'the documents were not read');
    provider = new OutlineProvider(services.corpus);
  });

  suiteTeardown(async () => {
    for (const editor of vscode.window.visibleTextEditors) await vscode.window.showTextDocument(editor.document).then(() => vscode.commands.executeCommand('workbench.action.closeActiveEditor'));
    rmSync(folder().fsPath, { recursive: true, force: true });
    await services.corpus.refresh();
  });

  test('every format is read, and a file that cannot be read shows why in the outline', () => {
    for (const key of Object.keys(DOCUMENTS) as Key[]) {
      const file = services.corpus.file(pathOf(key))!;
      assert.deepStrictEqual(file.problems.filter((p) => p.severity !== 'info'), [], `${key}: ${JSON.stringify(file.problems)}`);
      assert.ok(file.articles.length > 0, `${key}: no articles`);
    }
    assert.strictEqual(services.corpus.file(pathOf('cmap'))!.text, '江川省统计公报发布。\n\n全年地区生产总值增长5.4%。\n\n城镇新增就业86.4万人。');
    const broken = provider.getChildren().find((n) => n.kind === 'file' && n.file.path.endsWith('notes.docx'))!;
    const [problem] = provider.getChildren(broken);
    assert.strictEqual(provider.getTreeItem(problem).label, 'not a Word document: a .docx file is a ZIP archive, and this is not one');
  });

  for (const key of Object.keys(DOCUMENTS) as Key[]) {
    const { figure, query } = DOCUMENTS[key];

    test(`${key}: outline row → text view with the figure selected, underlined, with its card`, async () => {
      const file = services.corpus.file(pathOf(key))!;
      const fileNode = provider.getChildren().find((n) => n.kind === 'file' && n.file.path === file.path)!;
      const node = nodesBelow(provider, fileNode).find((n) => n.kind === 'statistic' && n.statistic.text === figure);
      assert.ok(node && node.kind === 'statistic', `no outline row for ${figure}`);
      const item = provider.getTreeItem(node);
      const paged = file.source?.format === 'pdf';
      assert.strictEqual(item.description, [node.statistic.subject, paged ? `p. ${node.statistic.page}` : undefined].filter(Boolean).join(' · ') || undefined);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.scheme, TEXT_SCHEME);
      assert.strictEqual(corpusPathOf(editor.document.uri), file.path);
      assert.strictEqual(editor.document.getText(editor.selection), figure);
      const range: [number, number] = [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
      const underlined = async (): Promise<Array<[number, number]>> => (await vscode.commands.executeCommand(DECORATED_RANGES_COMMAND, editor.document.uri.toString())) ?? [];
      await until(async () => (await underlined()).some(([s, e]) => s === range[0] && e === range[1]), 10_000, `${figure} is not underlined in the text view`);

      const position = editor.selection.start.translate(0, 1);
      const card = await hoverText(editor.document.uri, position);
      assert.ok(card.includes('command:statcite.citeStatistic'), `no card over ${figure} in the text view:\n${card}`);
      if (paged) assert.ok(card.includes(`Page: p. ${node.statistic.page}`), `the card lacks the page:\n${card}`);
      assert.ok(card.includes('command:statcite.openOriginal'), `the card does not offer the original:\n${card}`);

      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      assert.ok(symbols?.length, 'no document symbols in the text view');
    });

    test(`${key}: a search finds the figure${key === 'pdf' || key === 'cmap' ? ', with its page' : ''}, and opening it selects it in the text view`, async () => {
      // The index is built in a thread of its own once a file is read: the file is found a moment later.
      let results: Awaited<ReturnType<typeof services.corpus.search>> = [];
      const isHit = (r: (typeof results)[number]): boolean => r.file === pathOf(key) && r.snippet.includes(figure);
      await until(async () => (results = await services.corpus.search(query, { statisticsOnly: true })).some(isHit), 30_000, `no hit in ${key} for ${query}`);
      const hit = results.find(isHit);
      assert.ok(hit, `no hit in ${key} for ${query}: ${results.map((r) => r.snippet).join(' | ')}`);
      const statistic = statisticOf(services.corpus.file(pathOf(key))!, figure);
      assert.strictEqual(hit.page, statistic.page);
      await vscode.commands.executeCommand('statcite.openSearchResult', hit);
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.scheme, TEXT_SCHEME);
      assert.strictEqual(editor.document.getText(editor.selection), figure);
    });

    const paged = key === 'pdf' || key === 'cmap';
    test(`${key}: the figure is cited into a draft${paged ? ' with its page (引文页码)' : ''}`, async () => {
      const statistic = statisticOf(services.corpus.file(pathOf(key))!, figure);
      const draft = workspaceFile('drafts', `formats-${key}.md`);
      await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode('# 草稿\n\n正文。\n'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
      editor.selection = new vscode.Selection(editor.document.positionAt(8), editor.document.positionAt(8));
      assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', { statisticId: statistic.id }));
      const text = editor.document.getText();
      assert.ok(text.includes(`${figure.replace(/亿$|万$/, '')}`) && text.includes('[^1]'), text);
      const location = services.corpus.statistic(statistic.id)!;
      assert.ok(text.includes(location.report.title), text);
      const entry = text.split('\n').find((l) => l.startsWith('[^1]:')) ?? '';
      if (paged) {
        assert.ok(location.statistic.page! >= 2, `${figure} should stand after page 1 of the PDF`);
        assert.ok(entry.includes(`: ${location.statistic.page}.`), `the entry lacks page ${location.statistic.page}: ${entry}`);
      }
    });
  }

  test('a 400-page PDF reaches the window whole, every statistic on its page', async () => {
    const path = vscode.Uri.joinPath(folder(), 'long.pdf').fsPath;
    await until(() => !!services.corpus.file(path), 60_000, 'the long PDF was not read');
    const file = services.corpus.file(path)!;
    const stats = file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.statistics)));
    assert.strictEqual(stats.length, 800);
    assert.ok(stats.every((s, i) => s.page === Math.floor(i / 2) + 1), 'a statistic off its page');
    assert.strictEqual(services.corpus.statistic(stats[799].id)?.statistic.text, '4.5%');
  });

  test('pdf: the text view marks where each page begins', async () => {
    const file = services.corpus.file(pathOf('pdf'))!;
    const statistic = statisticOf(file, DOCUMENTS.pdf.figure);
    await vscode.commands.executeCommand('statcite.revealRange', file.path, statistic.range.start, statistic.range.end);
    const uri = vscode.window.activeTextEditor!.document.uri.toString();
    await until(async () => ((await vscode.commands.executeCommand<Array<[number, number]>>(PAGE_MARKERS_COMMAND, uri)) ?? []).length > 0, 10_000, 'no page markers');
    const markers = await vscode.commands.executeCommand<Array<[number, number]>>(PAGE_MARKERS_COMMAND, uri);
    assert.deepStrictEqual(markers, file.source!.pages!.map((offset, i) => [offset, i + 1]));
    assert.ok(markers.length >= 2, 'the PDF has one page');
  });

  test('html: "open the original" shows the page\'s source at the paragraph, decoded as the page says (GBK too)', async () => {
    for (const key of ['html', 'gbk'] as const) {
      const file = services.corpus.file(pathOf(key))!;
      const statistic = statisticOf(file, DOCUMENTS[key].figure);
      await vscode.commands.executeCommand('statcite.openOriginal', file.path, statistic.range.start);
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.fsPath, file.path);
      const line = editor.document.lineAt(editor.selection.active.line).text;
      const paragraph = statistic.sentence.slice(0, 6);
      assert.ok(line.includes(paragraph), `the cursor is not at the paragraph (${paragraph}): ${line}`);
    }
  });

  test('pdf: "open the original" opens the PDF itself', async () => {
    await vscode.commands.executeCommand('statcite.openOriginal', pathOf('pdf'), 0);
    await until(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri.fsPath === pathOf('pdf') : false;
    }, 10_000, 'the PDF did not open');
  });
});
