/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { OutlineProvider } from '../../src/vscode/outline/provider';
import type { OutlineNode } from '../../src/vscode/outline/nodes';
import { DECORATED_RANGES_COMMAND, ENABLED, SECTION } from '../../src/vscode/statistics/settings';
import { SAMPLE, statcite, until, workspaceFile } from './util';

/** The figure ranges the statistics feature last set on the editor of `uri`. */
async function decorated(uri: vscode.Uri): Promise<Array<[number, number]>> {
  return (await vscode.commands.executeCommand<Array<[number, number]>>(DECORATED_RANGES_COMMAND, uri.toString())) ?? [];
}

/** The card over the first occurrence of `figure` (after `context` when given), as plain text. */
async function cardAt(document: vscode.TextDocument, figure: string, context = ''): Promise<string> {
  const offset = document.getText().indexOf(context + figure) + context.length;
  assert.ok(offset >= context.length, `${context}${figure} is not in the sample`);
  const parts = await hoverTexts(document.uri, document.positionAt(offset + 1));
  const card = parts.find((p) => !p.value.includes('command:'));
  assert.ok(card, `no card over ${figure}`);
  return card.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

/** Every statistic row of the outline under the 湖北 report, as the tree labels it. */
async function hubeiLabels(): Promise<string[]> {
  const { services } = await statcite();
  const provider = new OutlineProvider(services.corpus);
  const walk = async (nodes: OutlineNode[]): Promise<OutlineNode[]> => (await Promise.all(nodes.map(async (n) => [n, ...(await walk(await provider.getChildren(n)))]))).flat();
  const all = await walk(await provider.getChildren());
  const report = all.find((n) => n.kind === 'report' && n.report.author === '湖北省委政法委');
  assert.ok(report, 'no 湖北 report in the outline');
  return all.filter((n) => n.kind === 'statistic' && (n.parent === report || n.parent.parent === report)).map((n) => String(provider.getTreeItem(n).label));
}

/** The hover cards' Markdown at a position, one string per card part. */
async function hoverTexts(uri: vscode.Uri, position: vscode.Position): Promise<Array<{ value: string; trusted: unknown }>> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? { value: c, trusted: undefined } : 'language' in c ? { value: c.value, trusted: undefined } : { value: c.value, trusted: (c as vscode.MarkdownString).isTrusted }));
}

suite('Statistics in corpus files', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await statcite();
    document = await vscode.workspace.openTextDocument(workspaceFile(...SAMPLE));
    await vscode.window.showTextDocument(document);
  });

  test('the figures of the open corpus file are decorated', async () => {
    const { services } = await statcite();
    const file = services.corpus.file(document.uri.fsPath);
    assert.ok(file, 'the sample is not in the corpus');
    await until(async () => (await decorated(document.uri)).length > 0, 10_000, 'no decorations in the open corpus file');
    const ranges = await decorated(document.uri);
    const texts = ranges.map(([start, end]) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))));
    assert.ok(ranges.length >= 55, `only ${ranges.length} figures decorated`);
    for (const figure of ['21.5%', '60.67亿', '134.6万', '1天半', '8400']) assert.ok(texts.includes(figure), `${figure} is not decorated; decorated: ${texts.slice(0, 12).join(' ')} …`);
    // Never a date, a slogan or a list marker.
    for (const text of texts) assert.ok(!/年$|^[一二三四五六七八九十]、$|两个确立/.test(text), `decorated a non-statistic: ${text}`);
  });

  test('turning the setting off removes the decorations, turning it on restores them', async () => {
    const config = vscode.workspace.getConfiguration(SECTION);
    try {
      await config.update(ENABLED, false, vscode.ConfigurationTarget.Workspace);
      await until(async () => (await decorated(document.uri)).length === 0, 10_000, 'decorations stayed with the setting off');
    } finally {
      await config.update(ENABLED, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(async () => (await decorated(document.uri)).length > 0, 10_000, 'decorations did not come back');
  });

  test('the hover card over 21.5% tells value, metric, subject, kind, the sentence and where it stands', async () => {
    const offset = document.getText().indexOf('21.5%');
    assert.ok(offset > 0);
    const parts = await hoverTexts(document.uri, document.positionAt(offset + 2));
    const card = parts.find((p) => p.value.includes('21.5'));
    assert.ok(card, `no statistic card at 21.5%: ${parts.map((p) => p.value).join(' || ')}`);
    const text = card.value.replace(/&nbsp;/g, ' '); // appendText keeps spaces as &nbsp;
    assert.ok(text.startsWith('**21.5%** · '), `the card does not open with the value: ${text.slice(0, 40)}`);
    for (const expected of ['刑事发案', '湖北省', '**21.5%**', '着力加强政法基础设施建设']) assert.ok(text.includes(expected), `card lacks ${expected}:\n${text}`);
    assert.ok(/change|变化/.test(text) && /down|下降/.test(text) && text.includes('同比'), `card lacks kind, direction or basis:\n${text}`);
    assert.ok(!text.includes('command:'), 'corpus text card carries a command link');
    assert.ok(!card.trusted, 'the card holding corpus text is trusted');
    const action = parts.find((p) => p.value.includes('command:statcite.citeStatistic'));
    assert.ok(action, 'no cite link in the card');
    const { services } = await statcite();
    const id = JSON.parse(decodeURIComponent(/command:statcite\.citeStatistic\?([^)]+)\)/.exec(action.value)![1]))[0];
    assert.strictEqual(services.corpus.statistic(id)?.statistic.text, '21.5%');
  });

  test('no card over text that is not a statistic', async () => {
    const offset = document.getText().indexOf('两个确立');
    const parts = await hoverTexts(document.uri, document.positionAt(offset + 1));
    assert.ok(!parts.some((p) => p.value.includes('command:statcite.citeStatistic')), 'a card over “两个确立”');
  });

  test('a card leads with the figure as written and its unit, the normalised value second, its own words in one language', async () => {
    const card = await cardAt(document, '60.67亿');
    assert.ok(card.startsWith('**60.67亿元** · '), `the card does not lead with 60.67亿元: ${card.slice(0, 40)}`);
    assert.ok(/6,067,000,000 (?:yuan|元)/.test(card), `the normalised value is missing:\n${card}`);
    assert.ok(card.indexOf('60.67亿元') < card.indexOf('6,067,000,000'), 'the normalised value comes first');
    // The kind line is the card's own words: all English or all Chinese, never 「change · down · 同比」.
    const kindLine = (await cardAt(document, '21.5%')).split('\n')[0].replace(/^\*\*21\.5%\*\* · /, '');
    assert.ok(/^[a-z ·]+$/.test(kindLine) || /^[\u4e00-\u9fff ·]+$/.test(kindLine), `the kind line mixes languages: ${kindLine}`);
    assert.ok(/year on year|同比/.test(kindLine), `the basis is missing from ${kindLine}`);
  });

  test('the card of 5.9% tells its period, its subject and, apart, the issuing body', async () => {
    const card = await cardAt(document, '5.9%');
    for (const expected of ['四级登记信访', '湖北省', '去年', '湖北省委政法委']) assert.ok(card.includes(expected), `card lacks ${expected}:\n${card}`);
    assert.ok(/(?:Issuer|发布机关): 湖北省委政法委/.test(card), `the issuer is not shown as such:\n${card}`);
    assert.ok(/(?:Subject|主体): 湖北省/.test(card), `the subject is not the province:\n${card}`);
    assert.ok(/(?:Period|时间): 去年/.test(card), `5.9% is not dated 去年:\n${card}`);
  });

  test('outline labels show the figure as written and tell 50.2% from 5.9%', async () => {
    const labels = await hubeiLabels();
    for (const expected of ['50.2% 四级登记信访在2024年压降', '5.9% 四级登记信访再降 · 去年', '1377个 建设四级综治中心', '98.6% 县以下矛盾纠纷化解率', '1年 清剿毒品集中攻坚']) {
      assert.ok(labels.includes(expected), `no outline row ${expected}; rows: ${labels.join(' | ')}`);
    }
  });
});
