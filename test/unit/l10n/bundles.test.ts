/**
 * Every string the UI shows has its Chinese: the manifest's %keys% in both package.nls files,
 * every literal vscode.l10n.t('…') message of the VS Code layer in the l10n bundle, and every
 * message template the core hands to the UI (message('…'), refusal('…'), report(range, '…')).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../../..');
const json = (file: string): Record<string, string> => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('translations', () => {
  it('the manifest has every %key% in English and Chinese', () => {
    const keys = [...readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = json(file);
      expect(keys.filter((k) => !(k in nls)), file).toEqual([]);
    }
  });

  it('the Chinese bundle has every message the VS Code layer passes to l10n.t', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    const messages = sources(path.join(root, 'src/vscode')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bl10n\.t\(\s*'((?:\\.|[^'\\])*)'|\bt\(\s*'((?:\\.|[^'\\])*)'/g)].map((m) => (m[1] ?? m[2]).replace(/\\(.)/g, '$1')),
    );
    expect(messages.length).toBeGreaterThan(20);
    expect([...new Set(messages.filter((m) => !(m in bundle)))]).toEqual([]);
  });

  it('the Chinese bundle has every message template of the core', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json');
    const quoted = `'((?:\\\\.|[^'\\\\])*)'|"((?:\\\\.|[^"\\\\])*)"`;
    const call = new RegExp(`\\b(?:message|refusal)\\(\\s*(?:${quoted})|\\breport\\([^,()]*,\\s*(?:${quoted})`, 'g');
    const templates = sources(path.join(root, 'src/core')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(call)].map((m) => m.slice(1).find((g) => g !== undefined)!.replace(/\\(.)/g, '$1')),
    );
    expect(templates.length).toBeGreaterThan(10);
    expect([...new Set(templates.filter((m) => !(m in bundle)))]).toEqual([]);
  });
});
