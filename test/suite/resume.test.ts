/// <reference types="mocha" />
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Services } from '../../src/vscode/services';
import { statcite, until } from './util';

/** Enough files that the build takes several batches (a batch is about 8,000 passages and statistics). */
const FILES = 2000;
const PARAGRAPHS = 30;
const REGIONS = ['江苏', '浙江', '湖北', '四川', '广东', '山东', '河南', '福建', '云南', '甘肃'];
/** Files written this recently are read again to be sure of them (RACY_MS in engine.ts). */
const RACY_MS = 3000;

/** A word only bulletin i holds: zx and i in letters. */
const code = (i: number): string => `zx${[2, 1, 0].map((k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('')}`;

/** Bulletins of varied text, each with figures: the index has real work. */
async function writeBulletins(root: string): Promise<void> {
  await fs.mkdir(root, { recursive: true });
  const jobs: Array<Promise<void>> = [];
  for (let i = 0; i < FILES; i++) {
    const paragraphs = Array.from({ length: PARAGRAPHS }, (_, p) => {
      const region = REGIONS[(i + p) % REGIONS.length];
      return `${region}第${p + 1}项：全年受理案件${100 + ((i * 7 + p) % 900)}件，同比下降${(i + p) % 30}.${p % 10}%。`;
    });
    const text = `# 通报${i}\n\n档案代码 ${code(i)}。\n\n${paragraphs.join('\n\n')}\n`;
    jobs.push(fs.writeFile(path.join(root, `bulletin-${String(i).padStart(4, '0')}.md`), text));
  }
  await Promise.all(jobs);
}

/** The corpus files the cache's manifest lists (those whose index is written), under `root`. */
async function cachedUnder(cacheDir: string, root: string): Promise<number> {
  try {
    const wrapper = JSON.parse(await fs.readFile(path.join(cacheDir, 'manifest.json'), 'utf8')) as { manifest: string };
    const { files } = JSON.parse(wrapper.manifest) as { files: Array<{ path: string }> };
    return files.filter((f) => f.path.startsWith(root + path.sep)).length;
  } catch {
    return 0;
  }
}

suite('Resuming a build', () => {
  const dir = path.join(os.tmpdir(), `statcite-resume-${process.pid}`);
  const root = path.join(dir, 'bulletins');
  const aliases = path.join(dir, 'aliases.txt');
  const corpus = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('statcite.corpus');
  const stats = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('statcite.stats');

  suiteTeardown(async () => {
    const { services } = await statcite();
    await corpus().update('folders', undefined, vscode.ConfigurationTarget.Workspace);
    await stats().update('metricAliases', undefined, vscode.ConfigurationTarget.Workspace);
    await until(() => !services.corpus.files().some((f) => f.path.startsWith(root)), 120_000, 'the bulletins stayed in the corpus');
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a worker stopped during a build resumes from its cache without re-reading the files it finished', async function () {
    this.timeout(300_000);
    const { services } = await statcite();
    // What the worker logs, as the user sees it in the StatCite log.
    const lines: string[] = [];
    const info = services.log.info;
    services.log.info = (message: string, ...args: unknown[]): void => {
      lines.push(message);
      info.call(services.log, message, ...args);
    };
    try {
      await resume(services, lines);
    } finally {
      services.log.info = info;
    }
  });

  async function resume({ corpus: service }: Services, lines: string[]): Promise<void> {
    const at = (from: number, prefix: string): number => lines.findIndex((l, i) => i >= from && l.startsWith(prefix));
    const after = (from: number, prefix: string): string | undefined => lines[at(from, prefix)];

    await writeBulletins(root);
    await fs.writeFile(aliases, '刑事案件 刑案\n');
    const written = Date.now();
    // An alias file: editing it restarts the worker, as a window reload would end it. Its
    // groups stay the same, so the cache still fits.
    let from = lines.length;
    await stats().update('metricAliases', aliases, vscode.ConfigurationTarget.Workspace);
    await until(() => !!after(from, 'search: cache in ') && !!after(from, 'corpus: '), 60_000, 'the worker did not restart for the alias file');
    const cacheDir = after(from, 'search: cache in ')!.slice('search: cache in '.length);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, written + RACY_MS + 100 - Date.now())));

    // The build of the bulletins, stopped once some of its batches are in the cache.
    from = lines.length;
    await corpus().update('folders', [root], vscode.ConfigurationTarget.Workspace);
    let cached = 0;
    await until(async () => (cached = await cachedUnder(cacheDir, root)) > 0, 120_000, 'no batch of the build reached the cache');
    assert.ok(cached < FILES, `the build was complete (${cached} files cached) before it could be stopped`);
    const restarted = lines.length;
    await fs.writeFile(aliases, '刑事案件 刑案\n');
    await until(() => at(restarted, 'search: cache in ') >= 0, 60_000, 'the worker did not restart');
    const resumed = at(restarted, 'search: cache in ');

    // The new worker takes the cached files as they are and reads the rest.
    await until(() => !!after(resumed, 'corpus: '), 240_000, 'the resumed build did not finish reading');
    const report = after(resumed, 'corpus: ')!;
    const [, total, read, unchanged] = /^corpus: (\d+) files in [\d.]+ s: (\d+) read .* (\d+) unchanged/.exec(report)!.map(Number);
    // The bulletins, and the workspace's own corpus file.
    assert.ok(total >= FILES, report);
    assert.strictEqual(read + unchanged, total, report);
    assert.ok(unchanged >= cached, `${cached} files were cached when the worker stopped, but only ${unchanged} were taken from the cache: ${report}`);
    assert.ok(read > 0, `nothing was left to read: the first build had finished (${report})`);

    // Everything is there, cached (a later start reads none) and searchable: the files of the
    // first run and of the second.
    await until(() => service.files().filter((f) => f.path.startsWith(root)).length === FILES, 60_000, 'not every bulletin is in the outline');
    await until(async () => (await cachedUnder(cacheDir, root)) === FILES, 120_000, 'the resumed build did not complete the cache');
    for (const i of [0, FILES - 1]) {
      const results = await service.search(code(i));
      assert.ok(results.some((r) => path.basename(r.file) === `bulletin-${String(i).padStart(4, '0')}.md`), `bulletin ${i} is not found`);
    }
    console.log(`      ${cached} of ${FILES} files cached when the worker stopped; the next worker read ${read} and took ${unchanged} from the cache`);
  }
});
