/// <reference types="mocha" />
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './util';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  steps: Step[];
}
interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when?: string;
}

const WALKTHROUGH = 'statcite.gettingStarted';
/** The manifest's message files: English, then the Chinese VS Code shows with the zh-cn language pack. */
const NLS_FILES = ['package.nls.json', 'package.nls.zh-cn.json'];

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed in this VS Code`);
  return found;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, file), 'utf8')) as T;
}

/** The walkthrough as written in package.json, with its %keys% not yet replaced. */
function rawWalkthrough(): Walkthrough {
  const manifest = readJson<{ contributes: { walkthroughs?: Walkthrough[] } }>('package.json');
  const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === WALKTHROUGH);
  assert.ok(walkthrough, `package.json contributes no walkthrough ${WALKTHROUGH}`);
  return walkthrough;
}

/** `key` of a "%key%" value. */
function nlsKey(value: string): string {
  const match = /^%(.+)%$/.exec(value);
  assert.ok(match, `"${value}" is not localized: write a %key% with its text in ${NLS_FILES.join(' and ')}`);
  return match[1];
}

/**
 * The command ids of the `command:id?args` links of a Markdown text (`command:toSide:id` opens beside
 * the walkthrough). Throws on arguments the Welcome page could not decode either (URI-encoded JSON).
 */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)(?:\?([^)\s]+))?\)/g)].map(([, id, query]) => {
    if (query !== undefined) JSON.parse(decodeURIComponent(query));
    return id;
  });
}

suite('Onboarding', () => {
  let registered: Set<string>;

  suiteSetup(async () => {
    await extension().activate();
    registered = new Set(await vscode.commands.getCommands(false));
  });

  test('the walkthrough has its steps, each with title, description and media in English and Chinese', () => {
    const walkthrough = rawWalkthrough();
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => s.id),
      ['corpus', 'outline', 'search', 'cite', 'style'],
    );
    for (const file of NLS_FILES) {
      const messages = readJson<Record<string, string>>(file);
      const text = (value: string): string => {
        const message = messages[nlsKey(value)];
        assert.ok(message?.trim(), `${file} has no text for ${value}`);
        return message;
      };
      text(walkthrough.title);
      for (const step of walkthrough.steps) {
        text(step.title);
        // The Welcome page renders links and plain text only: a `code span` would show its backticks.
        assert.ok(!text(step.description).includes('`'), `${file}: the description of step ${step.id} has backticks`);
        assert.ok(step.media.markdown, `step ${step.id} has no Markdown media`);
        const media = text(step.media.markdown);
        assert.ok(
          fs.existsSync(path.join(extension().extensionPath, media)),
          `${file}: media ${media} of step ${step.id} does not exist`,
        );
      }
    }
  });

  test('the Chinese text differs from the English one', () => {
    const [en, zh] = NLS_FILES.map((file) => readJson<Record<string, string>>(file));
    const walkthrough = rawWalkthrough();
    for (const value of [walkthrough.title, ...walkthrough.steps.flatMap((s) => [s.title, s.description, s.media.markdown ?? ''])]) {
      const key = nlsKey(value);
      assert.notStrictEqual(zh[key], en[key], `${key} is not translated`);
    }
  });

  test('every command a step links to or completes on is registered, with arguments that parse', () => {
    const walkthrough = rawWalkthrough();
    const missing = new Set<string>();
    for (const file of NLS_FILES) {
      const messages = readJson<Record<string, string>>(file);
      for (const step of walkthrough.steps) {
        const linked = commandLinks(messages[nlsKey(step.description)] ?? '');
        assert.ok(linked.length > 0, `${file}: step ${step.id} links to no command`);
        for (const id of linked) if (!registered.has(id)) missing.add(`${id} (${file}, step ${step.id})`);
      }
    }
    for (const step of walkthrough.steps) {
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command && !registered.has(command)) missing.add(`${command} (completion of step ${step.id})`);
      }
    }
    assert.deepStrictEqual([...missing], [], `not registered: ${[...missing].join(', ')}`);
  });

  test('each step completes on a contributed view or setting, or a command (checked above)', () => {
    const manifest = readJson<{ contributes: { views: Record<string, Array<{ id: string }>>; configuration: { properties: Record<string, unknown> } } }>('package.json');
    const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
    const settings = new Set(Object.keys(manifest.contributes.configuration.properties));
    for (const step of rawWalkthrough().steps) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `step ${step.id} has no completion event`);
      for (const event of events) {
        const [kind, target] = event.split(/:(.*)/s);
        if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${event} names no contributed view`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(target), `${step.id}: ${event} names no contributed setting`);
        else assert.strictEqual(kind, 'onCommand', `${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  test('every keybinding runs a registered command and has a when clause', () => {
    const keybindings = (extension().packageJSON as { contributes: { keybindings?: Keybinding[] } }).contributes.keybindings ?? [];
    const commands = keybindings.map((k) => k.command);
    assert.ok(commands.includes('statcite.search'), 'no keybinding for statcite.search');
    assert.ok(commands.includes('statcite.insertCitation'), 'no keybinding for statcite.insertCitation');
    for (const binding of keybindings) {
      assert.ok(registered.has(binding.command), `keybinding ${binding.key} runs ${binding.command}, which is not registered`);
      assert.ok(binding.when?.trim(), `keybinding ${binding.key} → ${binding.command} applies everywhere: give it a when clause`);
    }
  });
});
