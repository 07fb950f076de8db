/// <reference types="mocha" />
import * as assert from 'assert';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { Statistic } from '../../src/core/model';
import type { Services } from '../../src/vscode/services';
import { findStatistic, openDraft, putCursor, undo } from './drafts';
import { SAMPLE, statcite, until, workspaceFile } from './util';

suite('Citations', () => {
  let services: Services;
  let crime: Statistic; // 湖北: 去年刑事发案同比下降21.5%
  let money: Statistic; // 江苏: 为群众讨回欠款60.67亿元

  suiteSetup(async () => {
    ({ services } = await statcite());
    crime = findStatistic(services, '湖北省委政法委', '21.5%');
    money = findStatistic(services, '江苏省委政法委', '60.67亿');
  });

  test('Markdown: the sentence, [^1] and the footnote entry; an earlier citation renumbers; one undo restores it', async () => {
    const editor = await openDraft('draft.md', '# 报告\n\n第一段。\n\n第二段。\n');
    putCursor(editor, '第二段');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', { statisticId: crime.id }));
    const once = editor.document.getText();
    assert.ok(once.includes('第二段湖北省去年刑事发案同比下降21.5%[^1]。'), once);
    assert.ok(once.includes('\n<!-- statcite: references -->\n[^1]: 湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展['), once);
    assert.ok(once.includes(`<!-- statcite `) && once.includes(`: ${crime.id} -->`), once);

    putCursor(editor, '第一段');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', money.id));
    const twice = editor.document.getText();
    assert.ok(twice.includes('第一段江苏省为群众讨回欠款60.67亿元[^1]。'), twice);
    assert.ok(twice.includes('21.5%[^2]。'), twice);
    const entries = twice.split('\n').filter((l) => l.startsWith('[^'));
    assert.deepStrictEqual(entries.map((l) => l.slice(0, '[^1]: 江苏省委政法委.'.length)), ['[^1]: 江苏省委政法委.', '[^2]: 湖北省委政法委.']);

    await undo(editor);
    assert.strictEqual(editor.document.getText(), once);
  });

  test('LaTeX: \\cite{key} with 21.5\\%, the .bib entry written, one undo restores the draft and the .bib, redo both', async () => {
    const draft = '\\documentclass{article}\n\\begin{document}\n据统计，\n\\end{document}\n';
    const editor = await openDraft('draft.tex', draft);
    putCursor(editor, '据统计，');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    const text = editor.document.getText();
    const key = /\\cite\{([^}]+)\}/.exec(text)?.[1];
    assert.ok(key && text.includes(`据统计，湖北省去年刑事发案同比下降21.5\\%\\cite{${key}}\n`), text);
    assert.ok(text.endsWith(`% statcite: references\n% statcite ${key}: ${crime.id}\n`), text);
    const readBib = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('drafts', 'references.bib')));
    const bib = await readBib();
    assert.ok(bib.includes(`{${key},\n  author = {{湖北省委政法委}},`), bib);
    await undo(editor);
    assert.strictEqual(editor.document.getText(), draft);
    await until(async () => !(await readBib()).includes(`{${key},`), 10_000, 'the undone citation left its entry in references.bib');
    await vscode.commands.executeCommand('redo');
    assert.strictEqual(editor.document.getText(), text);
    await until(async () => (await readBib()).includes(`{${key},\n  author = {{湖北省委政法委}},`), 10_000, 'redo did not put the entry back into references.bib');
  });

  test('LaTeX: a .bib with a syntax error stops the insertion and leaves both files alone', async () => {
    const broken = '@article{a,\n  title = {never closed\n';
    await vscode.workspace.fs.writeFile(workspaceFile('drafts', 'broken', 'references.bib'), new TextEncoder().encode(broken));
    const draft = '\\begin{document}\n文\n\\end{document}\n';
    const editor = await openDraft('broken/draft.tex', draft);
    putCursor(editor, '文');
    assert.strictEqual(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id), false);
    assert.strictEqual(editor.document.getText(), draft);
    const bib = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('drafts', 'broken', 'references.bib')));
    assert.strictEqual(bib, broken);
  });

  test('plain text: [n] markers and a numbered 参考文献 list, renumbered by an earlier citation', async () => {
    const editor = await openDraft('draft.txt', '第一段。\n第二段。\n');
    putCursor(editor, '第二段');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    putCursor(editor, '第一段');
    const before = editor.document.getText();
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', money.id));
    const text = editor.document.getText();
    assert.ok(text.startsWith('第一段江苏省为群众讨回欠款60.67亿元[1]。\n第二段湖北省去年刑事发案同比下降21.5%[2]。\n\n参考文献\n[1] 江苏省委政法委. '), text);
    assert.ok(/\n\[2\] 湖北省委政法委\. .*\{\{statcite \S+: \S+\}\}\n$/.test(text), text);
    await undo(editor);
    assert.strictEqual(editor.document.getText(), before);
  });

  test('verify: a changed figure is flagged and its quick fix writes the source figure back', async () => {
    const editor = await openDraft('verify.md', '据统计，\n');
    putCursor(editor, '据统计，');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    const cited = editor.document.getText();
    const at = cited.indexOf('21.5%');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 4)), '21.6');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const uri = editor.document.uri;
    const mismatch = () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'figure-mismatch');
    await until(() => !!mismatch(), 15_000, 'no diagnostic for the changed figure');
    const diagnostic = mismatch()!;
    assert.strictEqual(editor.document.getText(diagnostic.range), '21.6');
    assert.ok(diagnostic.message.includes('21.5%'), diagnostic.message);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((a) => a.title.includes('21.5') && a.edit);
    assert.ok(fix, `no quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(editor.document.getText(), cited);
    await until(() => !mismatch(), 15_000, 'the diagnostic stayed after the fix');
  });

  test('hover over the marker shows the source sentence with the figure, escaped, and our commands only', async () => {
    const editor = await openDraft('hover.md', '甲，\n');
    putCursor(editor, '甲，');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    const at = editor.document.positionAt(editor.document.getText().indexOf('[^1]') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const card = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(card.includes('**21\\.5%**') || card.includes('**21.5%**'), card);
    assert.ok(card.includes('command:statcite.cite.openSource'), card);
    const commands = [...card.matchAll(/command:([\w.]+)/g)].map((m) => m[1]);
    assert.deepStrictEqual([...new Set(commands)].sort(), ['statcite.cite.openSource', 'statcite.copyCitation']);
  });
  test('Update References renumbers after paragraphs were swapped by hand, in one undo step', async () => {
    const editor = await openDraft('update.md', '甲段。\n\n乙段。\n');
    putCursor(editor, '甲段');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    putCursor(editor, '乙段');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', money.id));
    const text = editor.document.getText();
    const [first, second] = text.split('\n\n');
    const swap = new vscode.WorkspaceEdit();
    swap.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(first.length + 2 + second.length)), `${second}\n\n${first}`);
    assert.ok(await vscode.workspace.applyEdit(swap));
    const swapped = editor.document.getText();
    assert.ok(swapped.startsWith('乙段江苏省为群众讨回欠款60.67亿元[^2]。\n\n甲段'), swapped);

    assert.ok(await vscode.commands.executeCommand('statcite.updateReferences'));
    const updated = editor.document.getText();
    assert.ok(updated.startsWith('乙段江苏省为群众讨回欠款60.67亿元[^1]。\n\n甲段湖北省去年刑事发案同比下降21.5%[^2]。'), updated);
    const entries = updated.split('\n').filter((l) => l.startsWith('[^'));
    assert.ok(entries[0].startsWith('[^1]: 江苏省委政法委.') && entries[1].startsWith('[^2]: 湖北省委政法委.'), entries.join('\n'));
    await undo(editor);
    assert.strictEqual(editor.document.getText(), swapped);
  });

  test('Cite Selection quotes a passage of a corpus file into the last draft', async () => {
    const draft = await openDraft('quote.md', '有文章指出：\n');
    putCursor(draft, '指出：');
    const source = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...SAMPLE)));
    const quote = '去年刑事发案同比下降21.5%';
    const at = source.document.getText().indexOf(quote);
    source.selection = new vscode.Selection(source.document.positionAt(at), source.document.positionAt(at + quote.length));
    assert.ok(await vscode.commands.executeCommand('statcite.citeSelection'));
    const text = draft.document.getText();
    assert.ok(text.startsWith(`有文章指出：“${quote}”[^1]\n`), text);
    assert.ok(text.includes('[^1]: 湖北省委政法委. '), text);
  });

  test('Copy Citation and the exports give the style’s entry, CSL-JSON and BibTeX of every report', async () => {
    const entry = await vscode.commands.executeCommand<string>('statcite.copyCitation', { statisticId: crime.id });
    assert.ok(entry?.startsWith('湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展['), entry);
    const reports = services.corpus.files().flatMap((f) => f.articles.flatMap((a) => a.reports)).length;
    const json = workspaceFile('drafts', 'export.json');
    assert.ok(await vscode.commands.executeCommand('statcite.exportCslJson', json));
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as Array<{ id: string; title: string }>;
    assert.strictEqual(items.length, reports);
    assert.ok(items.some((i) => i.title === '着力加强政法基础设施建设 以高水平安全保障高质量发展'));
    const bib = workspaceFile('drafts', 'export.bib');
    assert.ok(await vscode.commands.executeCommand('statcite.exportBibTeX', bib));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(bib));
    assert.strictEqual(text.match(/^@\w+\{/gm)?.length, reports);
  });

  test('switching the style reformats the open draft’s list in one undoable edit; a CSL file works too', async () => {
    const config = vscode.workspace.getConfiguration('statcite.cite');
    const editor = await openDraft('restyle.md', '甲，\n');
    putCursor(editor, '甲，');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    const entry = () => editor.document.getText().split('\n').find((l) => l.startsWith('[^1]: '))!;
    const gbt = editor.document.getText();
    assert.ok(entry().startsWith('[^1]: 湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展[N]. [报纸名不详]'), entry());
    try {
      await config.update('style', 'apa', vscode.ConfigurationTarget.Workspace);
      await until(() => entry().startsWith('[^1]: 湖北省委政法委. (n.d.). 着力加强政法基础设施建设'), 10_000, `the list kept its old style: ${entry()}`);
      assert.ok(editor.document.getText().startsWith('甲，湖北省去年刑事发案同比下降21.5%[^1]'), editor.document.getText());
      await undo(editor);
      assert.strictEqual(editor.document.getText(), gbt);

      const csl = vscode.Uri.file(nodePath.resolve(__dirname, '../../../shared/csl/gbt7714-2015-numeric-no-uppercase.csl'));
      await config.update('style', csl.fsPath, vscode.ConfigurationTarget.Workspace);
      // The CSL file leaves out what the corpus does not state, where the built-in style writes [报纸名不详].
      await until(() => entry().startsWith('[^1]: 湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展[N]. <!--'), 15_000, `the CSL style was not applied: ${entry()}`);
    } finally {
      await config.update('style', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('Fill in Source Details…: a quick fix on the missing metadata; the details go to statcite.meta.json and the list is refreshed', async () => {
    const sidecar = workspaceFile('corpus', 'statcite.meta.json');
    const original = await vscode.workspace.fs.readFile(sidecar);
    const editor = await openDraft('fill.md', '据统计，\n');
    putCursor(editor, '据统计，');
    assert.ok(await vscode.commands.executeCommand('statcite.citeStatistic', crime.id));
    const uri = editor.document.uri;
    const lacking = () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-metadata');
    await until(() => !!lacking(), 15_000, 'no diagnostic for the missing metadata');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, lacking()!.range);
    const fill = actions.find((a) => a.command?.command === 'statcite.fillSourceDetails');
    assert.ok(fill, `no fill-in quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const [{ key }] = fill.command!.arguments as Array<{ key: string }>;
    try {
      const values = { publication: '检察日报', date: '2026年1月21日', page: '3' };
      assert.ok(await vscode.commands.executeCommand('statcite.fillSourceDetails', { key, values }));
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)));
      assert.deepStrictEqual(written.defaults, { type: 'N', language: 'zh' });
      assert.deepStrictEqual(written.files['000_fadfd726848b77a0.txt'], { publication: '检察日报', date: '2026-01-21', page: '3' });
      const entry = editor.document.getText().split('\n').find((l) => l.startsWith('[^1]: '))!;
      assert.ok(entry.startsWith('[^1]: 湖北省委政法委. 着力加强政法基础设施建设 以高水平安全保障高质量发展[N]. 检察日报, 2026-01-21(3). <!--'), entry);
      await until(() => !lacking(), 15_000, 'the missing-metadata diagnostic stayed after filling in');
    } finally {
      const restored = new Promise<void>((resolve) => {
        const sub = services.corpus.onDidChange(() => (sub.dispose(), resolve()));
      });
      await vscode.workspace.fs.writeFile(sidecar, original);
      await Promise.race([restored, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
  });
});
