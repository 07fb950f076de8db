/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, until } from './util';

suite('Activation', () => {
  test('the workspace is the fixture with a corpus folder', async () => {
    const found = await vscode.workspace.findFiles('corpus/*.txt');
    assert.deepStrictEqual(
      found.map((uri) => uri.path.split('/').pop()),
      ['000_fadfd726848b77a0.txt'],
    );
  });

  test('the extension activates by itself on a workspace with a corpus folder', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    // No activate() call: the manifest's activation events must be what starts it.
    await until(() => extension.isActive, 30_000, `${EXTENSION_ID} did not activate within 30 s`);
  });

  test('every command in the manifest is registered', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const contributed: Array<{ command: string }> = extension.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
