/// <reference types="mocha" />
// Helpers of the suites that edit drafts (not a test file: its name does not end in .test.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Statistic } from '../../src/core/model';
import type { Services } from '../../src/vscode/services';
import { workspaceFile } from './util';

/** The statistic with this figure in the report of `author` (found through the corpus, not by id). */
export function findStatistic(services: Services, author: string, text: string): Statistic {
  for (const file of services.corpus.files()) {
    for (const article of file.articles) {
      for (const report of article.reports) {
        if (report.author !== author) continue;
        for (const section of [report.intro, ...report.sections]) {
          const found = section.statistics.find((s) => s.text === text);
          if (found) return found;
        }
      }
    }
  }
  assert.fail(`no statistic ${text} in the report of ${author}`);
}

export async function openDraft(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile('drafts', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return editor;
}

export function putCursor(editor: vscode.TextEditor, after: string): void {
  const offset = editor.document.getText().indexOf(after);
  assert.ok(offset >= 0, `"${after}" is not in the draft`);
  const position = editor.document.positionAt(offset + after.length);
  editor.selection = new vscode.Selection(position, position);
}

export async function undo(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
}
