/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { StatCiteApi } from '../../src/extension';

export const EXTENSION_ID = 'statcite.statcite';

/** Resolves once `condition` holds, or fails after `ms` with `message`. */
export async function until(condition: () => boolean | Promise<boolean>, ms: number, message: string): Promise<void> {
  for (const deadline = Date.now() + ms; !(await condition()); ) {
    if (Date.now() > deadline) assert.fail(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The activated extension's API, with the corpus read. */
export async function statcite(): Promise<StatCiteApi> {
  const extension = vscode.extensions.getExtension<StatCiteApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.services.corpus.ready;
  return api;
}

/** A file of the test workspace (a fresh copy of test/fixtures/workspace). */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export const SAMPLE = ['corpus', '000_fadfd726848b77a0.txt'];
