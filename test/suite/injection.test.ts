/// <reference types="mocha" />
// A hostile corpus file in a real VS Code: its figure's hover card and the citation inserted from
// it must show the corpus text as written, with no link, command, math or footnote of its own.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { parseDraft } from '../../src/core/cite/draft/parse';
import type { Statistic } from '../../src/core/model';
import { statcite, until, workspaceFile } from './util';

const SOURCE = [
  '# 报告[^1]与&lt;!-- 注 --&gt;',
  '',
  '## 一、发案下降21.5%',
  '',
  '据\\[点我\\](command:workbench.action.quit)统计，$x$与\\[^1\\]和\\*强调\\*及\\`代码\\`全年增长15%。',
  '',
].join('\n');
const SENTENCE = '据[点我](command:workbench.action.quit)统计，$x$与[^1]和*强调*及`代码`全年增长15%。';

// VS Code renders hovers and the preview with HTML off and on; both must show plain text.
const md = new MarkdownIt({ html: true, linkify: true });

/** The visible text of Markdown, and every link target it renders. */
function rendered(markdown: string): { text: string; links: string[] } {
  const html = md.renderInline(markdown.replace(/&nbsp;/g, ' '));
  const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  // Links are collected; bold (the card's figure) and line breaks are the card's own; nothing else.
  assert.ok(!/<(?!\/?(?:a|strong|br)\b)[a-z!]/i.test(html), `rendered markup: ${html}`);
  const text = html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return { text, links };
}

/** The commands a hover's rendered links run (corpus text that merely mentions one is not a link). */
function commandLinks(parts: Array<{ value: string }>): string[] {
  return parts.flatMap((p) => rendered(p.value).links).filter((l) => l.startsWith('command:')).map((l) => /^command:([\w.]+)/.exec(l)![1]);
}

async function hoverParts(uri: vscode.Uri, position: vscode.Position): Promise<Array<{ value: string; trusted: unknown }>> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? { value: c, trusted: undefined } : 'language' in c ? { value: c.value, trusted: undefined } : { value: c.value, trusted: (c as vscode.MarkdownString).isTrusted }));
}

suite('Corpus text that looks like markup', () => {
  const hostile = (): vscode.Uri => workspaceFile('corpus', 'hostile.md');
  let statistic: Statistic;

  suiteSetup(async () => {
    const { services } = await statcite();
    await vscode.workspace.fs.writeFile(hostile(), new TextEncoder().encode(SOURCE));
    await until(() => !!services.corpus.file(hostile().fsPath)?.articles.length, 20_000, 'the hostile corpus file was not read');
    const file = services.corpus.file(hostile().fsPath)!;
    const found = file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.statistics))).find((s) => s.text === '15%');
    assert.ok(found, 'no 15% statistic in the hostile file');
    statistic = found;
    assert.strictEqual(statistic.sentence, SENTENCE);
    await vscode.workspace.getConfiguration('statcite.cite').update('template', '{sentence}', vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    const { services } = await statcite();
    await vscode.workspace.getConfiguration('statcite.cite').update('template', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(hostile());
    await until(() => !services.corpus.file(hostile().fsPath), 20_000, 'the hostile corpus file stayed in the corpus');
  });

  test('the card over its figure shows the sentence as written; only the cite command is live', async () => {
    const document = await vscode.workspace.openTextDocument(hostile());
    await vscode.window.showTextDocument(document);
    const parts = await hoverParts(document.uri, document.positionAt(document.getText().indexOf('15%') + 1));
    const card = parts.find((p) => p.value.includes('command') && !p.value.includes('command:statcite.'));
    assert.ok(card, `no card holding the sentence: ${parts.map((p) => p.value).join(' || ')}`);
    assert.ok(!card.trusted, 'the card holding corpus text is trusted');
    const { text, links } = rendered(card.value);
    assert.ok(text.includes(SENTENCE), `the sentence is not shown as written:\n${text}`);
    assert.deepStrictEqual(links, []);
    assert.deepStrictEqual(commandLinks(parts), ['statcite.citeStatistic']);
  });

  test('cited into a Markdown draft: the sentence renders as written, one footnote; the marker card is safe', async () => {
    const uri = workspaceFile('drafts', 'hostile-draft.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('正文。\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(editor.document.positionAt(2), editor.document.positionAt(2));
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', statistic.id));
    const draft = editor.document.getText();
    const line = draft.split('\n')[0];
    assert.ok(line.startsWith('正文') && line.endsWith('[^1]。'), line);
    const inserted = rendered(line.slice(2, -'[^1]。'.length));
    assert.strictEqual(inserted.text, SENTENCE);
    assert.deepStrictEqual(inserted.links, []);
    const parsed = parseDraft(draft, 'markdown');
    assert.deepStrictEqual(parsed.markers.map((m) => m.number), [1]);
    assert.strictEqual(parsed.entries.length, 1);

    const parts = await hoverParts(uri, editor.document.positionAt(draft.indexOf('[^1]') + 1));
    assert.deepStrictEqual(commandLinks(parts).sort(), ['statcite.cite.openSource', 'statcite.copyCitation'], parts.map((p) => p.value).join(' || '));
  });
});
