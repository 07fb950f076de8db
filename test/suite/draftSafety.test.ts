/// <reference types="mocha" />
// Draft edits in VS Code change only what StatCite wrote: code, the user's footnotes, orphans and
// notes are kept byte for byte; citing below the list works; one undo restores the draft exactly.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Statistic } from '../../src/core/model';
import { findStatistic, openDraft, putCursor, undo } from './drafts';
import { statcite, until } from './util';

/** Replaces the whole text of the editor's document (as a person's edit, not StatCite's). */
async function rewrite(editor: vscode.TextEditor, change: (text: string) => string): Promise<string> {
  const { document } = editor;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), change(document.getText()));
  assert.ok(await vscode.workspace.applyEdit(edit));
  return document.getText();
}

async function cite(editor: vscode.TextEditor, stat: Statistic): Promise<boolean> {
  await vscode.window.showTextDocument(editor.document);
  return vscode.commands.executeCommand<boolean>('statcite.citeStatistic', stat.id);
}

suite('Draft safety', () => {
  let crime: Statistic; // 湖北: 去年刑事发案同比下降21.5%
  let money: Statistic; // 江苏: 为群众讨回欠款60.67亿元

  suiteSetup(async () => {
    const { services } = await statcite();
    crime = findStatistic(services, '湖北省委政法委', '21.5%');
    money = findStatistic(services, '江苏省委政法委', '60.67亿');
  });

  const user =
    '代码：`x[^1]` 与围栏：\n\n```js\nconst a = b[^2] + c[^1];\n```\n\n<!-- 旧稿 [^2] -->\n我的注[^9]，孤儿[^7]。\n\n[^9]: 我的脚注\n[^9]: 我的脚注（重复）\n';

  test('Update References renumbers after a swap and leaves code, comments, user footnotes and orphans byte for byte; undo restores it', async () => {
    const editor = await openDraft('safety.md', `甲段。\n\n乙段。\n\n${user}`);
    putCursor(editor, '甲段');
    assert.ok(await cite(editor, crime));
    putCursor(editor, '乙段');
    assert.ok(await cite(editor, money));
    const swapped = await rewrite(editor, (text) => {
      const [a, b, ...rest] = text.split('\n\n');
      return [b, a, ...rest].join('\n\n');
    });
    assert.ok(swapped.startsWith('乙段江苏省为群众讨回欠款60.67亿元[^2]。\n\n甲段'), swapped);

    assert.ok(await vscode.commands.executeCommand('statcite.updateReferences'));
    const updated = editor.document.getText();
    assert.ok(updated.startsWith('乙段江苏省为群众讨回欠款60.67亿元[^1]。\n\n甲段湖北省去年刑事发案同比下降21.5%[^2]。\n\n'), updated);
    assert.ok(updated.includes(`\n\n${user}`), updated);
    // A second update changes nothing.
    assert.ok(await vscode.commands.executeCommand('statcite.updateReferences'));
    assert.strictEqual(editor.document.getText(), updated);

    // The orphan is reported in the Problems panel, computed by the same core as `statcite check`.
    const orphan = () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'draft' && d.message.includes('[^7]'));
    await until(() => !!orphan(), 15_000, 'no diagnostic for the orphan [^7]');
    assert.strictEqual(editor.document.getText(orphan()!.range), '[^7]');

    await undo(editor);
    await until(() => editor.document.getText() !== updated, 5_000, 'undo did nothing');
    assert.strictEqual(editor.document.getText(), swapped);
  });

  test('a cursor inside a code block is refused and the draft is left as it was', async () => {
    const draft = `甲段。\n\n${user}`;
    const editor = await openDraft('code.md', draft);
    putCursor(editor, 'const a');
    assert.strictEqual(await cite(editor, crime), false);
    assert.strictEqual(editor.document.getText(), draft);
  });

  test('a note of the user after the list opening: the list is still recognised, the note stays, no second list (Markdown and LaTeX)', async () => {
    const md = await openDraft('note.md', '甲段。\n\n乙段。\n');
    putCursor(md, '乙段');
    assert.ok(await cite(md, crime));
    await rewrite(md, (text) => text.replace('<!-- statcite: references -->\n', '<!-- statcite: references -->\n这是我的说明：以下文献按引用顺序排列。\n'));
    putCursor(md, '甲段');
    const before = md.document.getText();
    assert.ok(await cite(md, money));
    const text = md.document.getText();
    assert.strictEqual(text.match(/<!-- statcite: references -->/g)?.length, 1, text);
    assert.ok(text.includes('<!-- statcite: references -->\n这是我的说明：以下文献按引用顺序排列。\n[^1]: 江苏省委政法委.'), text);
    assert.strictEqual(text.match(/^\[\^1\]:/gm)?.length, 1, text);
    assert.ok(text.includes(`\n[^2]: 湖北省委政法委.`) && text.includes(`: ${crime.id} -->`), text);
    await undo(md);
    assert.strictEqual(md.document.getText(), before);

    const tex = await openDraft('note.tex', '\\begin{document}\n甲段。乙段。\n\\end{document}\n');
    putCursor(tex, '乙段');
    assert.ok(await cite(tex, crime));
    await rewrite(tex, (t) => t.replace('% statcite: references\n', '% statcite: references\n% 我的说明\n'));
    putCursor(tex, '甲段');
    assert.ok(await cite(tex, money));
    const latex = tex.document.getText();
    assert.strictEqual(latex.match(/% statcite: references/g)?.length, 1, latex);
    assert.ok(latex.includes('% statcite: references\n% 我的说明\n% statcite '), latex);
    assert.ok(latex.includes(`: ${crime.id}\n`) && latex.includes(`: ${money.id}\n`), latex);
  });

  test('citing with the cursor below the reference list puts the text there and keeps the list; undo restores it', async () => {
    for (const [name, marker] of [
      ['below.md', '[^2]'],
      ['below.txt', '[2]'],
    ]) {
      const editor = await openDraft(name, '甲段。\n');
      putCursor(editor, '甲段');
      assert.ok(await cite(editor, crime));
      const before = await rewrite(editor, (text) => `${text}\n后记：`);
      putCursor(editor, '后记：');
      assert.ok(await cite(editor, money), name);
      const text = editor.document.getText();
      assert.ok(text.endsWith(`\n后记：江苏省为群众讨回欠款60.67亿元${marker}`), text);
      // The list stays where it was and gains the new entry after its last one.
      const [list, after] = text.split('\n\n后记：');
      const [oldList] = before.split('\n\n后记：');
      assert.ok(list.startsWith(`${oldList}\n${marker}${name.endsWith('.md') ? ':' : ''} 江苏省委政法委.`), list);
      assert.strictEqual(after, `江苏省为群众讨回欠款60.67亿元${marker}`);
      assert.strictEqual(editor.selection.active.character, editor.document.lineAt(editor.selection.active.line).text.length, 'the cursor follows the new marker');
      await undo(editor);
      assert.strictEqual(editor.document.getText(), before);
    }
  });
});
