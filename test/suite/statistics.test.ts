/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DECORATED_RANGES_COMMAND, ENABLED, SECTION } from '../../src/vscode/statistics/settings';
import { SAMPLE, statcite, until, workspaceFile } from './util';

/** The figure ranges the statistics feature last set on the editor of `uri`. */
async function decorated(uri: vscode.Uri): Promise<Array<[number, number]>> {
  return (await vscode.commands.executeCommand<Array<[number, number]>>(DECORATED_RANGES_COMMAND, uri.toString())) ?? [];
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
});
