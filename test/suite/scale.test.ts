/// <reference types="mocha" />
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusFile } from '../../src/core/model';
import { OutlineProvider } from '../../src/vscode/outline/provider';
import { fileStatistics, type OutlineNode } from '../../src/vscode/outline/nodes';
import { statcite, until, workspaceFile } from './util';

/** A newsroom archive made by the test: daily transcripts named by date, reports dated in front matter, a few undated notes. */
const DAYS = 2400;
const REPORTS = 300;
const NOTES = 5;
const FIRST_DAY = Date.UTC(2019, 0, 1);

const pad = (n: number): string => String(n).padStart(2, '0');
function day(i: number): Date {
  return new Date(FIRST_DAY + i * 86_400_000);
}
function ymd(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
const monthLabel = (year: number, month: number): string =>
  new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));

async function writeArchive(root: string): Promise<void> {
  const write = async (rel: string, text: string): Promise<void> => {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  };
  const jobs: Array<Promise<void>> = [];
  for (let i = 0; i < DAYS; i++) {
    const d = ymd(day(i));
    jobs.push(write(`xwlb/${d}.md`, `# 《新闻联播》 (${d})\n\n## 粮食生产\n\n今年全国粮食产量达到${600 + (i % 90)}亿斤，同比增长${(i % 9) + 1}.${i % 10}%。\n`));
  }
  for (let i = 1; i <= REPORTS; i++) {
    const date = `2023-${pad(((i - 1) % 12) + 1)}-${pad(((i - 1) % 28) + 1)}`;
    jobs.push(write(`reports/report-${String(i).padStart(3, '0')}.md`, `---\ndate: ${date}\n---\n\n# 工作报告${i}\n\n全年办理案件${100 + i}件，结案率达到9${i % 10}.5%。\n`));
  }
  for (let i = 1; i <= NOTES; i++) jobs.push(write(`misc/note-${i}.txt`, `札记${i}\n\n没有日期的笔记，记录了${i}件事。\n`));
  jobs.push(write('xwlb/drafts/skip.md', '# 草稿\n\n不应进入语料。\n'));
  await Promise.all(jobs);
}

suite('Large corpus', () => {
  const root = workspaceFile('archive').fsPath;
  const corpusConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('statcite.corpus');
  let provider: OutlineProvider;

  suiteTeardown(async () => {
    const { services } = await statcite();
    await vscode.workspace.getConfiguration('statcite.outline').update('groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    await corpusConfig().update('folders', undefined, vscode.ConfigurationTarget.Workspace);
    await corpusConfig().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await until(() => !services.corpus.files().some((f) => f.path.startsWith(root)), 60_000, 'the archive stayed in the corpus');
    await fs.rm(root, { recursive: true, force: true });
  });

  const label = (node: OutlineNode): string => String(provider.getTreeItem(node).label);
  const description = (node: OutlineNode): string => String(provider.getTreeItem(node).description ?? '');
  const child = (nodes: OutlineNode[], name: string): OutlineNode => {
    const found = nodes.find((n) => label(n) === name);
    assert.ok(found, `no row ${name} among ${nodes.map(label).join(' | ')}`);
    return found;
  };
  /** "1,234 files · 5,678 statistics" for these files, as a group row should read. */
  const counts = (files: CorpusFile[]): string =>
    `${files.length.toLocaleString('en')} ${files.length === 1 ? 'file' : 'files'} · ${files.reduce((n, f) => n + fileStatistics(f), 0).toLocaleString('en')} statistics`;

  test('a corpus of a few thousand files shows grouped by folder, year and month, with counts', async function () {
    this.timeout(300_000);
    const { services } = await statcite();
    await writeArchive(root);
    const total = DAYS + REPORTS + NOTES;
    // What the corpus says it is doing (the search box shows it: results are partial meanwhile).
    const activity: string[] = [];
    const listening = services.corpus.onDidChangeActivity(() => activity.push(services.corpus.activity ?? 'idle'));
    const started = Date.now();
    await corpusConfig().update('exclude', ['**/node_modules/**', '**/drafts/**'], vscode.ConfigurationTarget.Workspace);
    await corpusConfig().update('folders', [root], vscode.ConfigurationTarget.Workspace);
    provider = new OutlineProvider(services.corpus);
    const archiveGroup = (): OutlineNode | undefined => provider.getChildren().find((n) => n.kind === 'group' && label(n) === 'archive');
    let firstGrouped = 0;
    await until(
      () => {
        const group = archiveGroup();
        if (group && !firstGrouped) firstGrouped = Date.now() - started;
        return !!group && description(group).startsWith(`${total.toLocaleString('en')} files`);
      },
      240_000,
      `the archive did not show as one group of ${total} files: ${provider.getChildren().map((n) => `${label(n)} (${description(n)})`).join(' | ')}`,
    );
    console.log(`      ${total} files: first grouped outline after ${firstGrouped} ms, complete after ${Date.now() - started} ms`);
    await until(() => services.corpus.activity === undefined, 240_000, `the corpus stayed busy: ${services.corpus.activity}`);
    listening.dispose();
    assert.ok(activity.some((a) => /^Reading corpus [\d,]+\/[\d,]+$/.test(a)), `no reading progress among ${activity.slice(0, 5).join(' | ')}`);
    assert.strictEqual(activity[activity.length - 1], 'idle');

    const archive = archiveGroup()!;
    const inArchive = (rel: string): CorpusFile[] => services.corpus.files().filter((f) => f.path.startsWith(path.join(root, rel) + path.sep));
    assert.ok(!services.corpus.files().some((f) => f.path.includes(`${path.sep}drafts${path.sep}`)), 'a file under an excluded folder was read');
    assert.strictEqual(description(archive), counts(inArchive('')));
    assert.strictEqual(provider.getTreeItem(archive).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const folders = provider.getChildren(archive);
    assert.deepStrictEqual(folders.map(label), ['misc', 'reports', 'xwlb']);
    for (const folder of folders) assert.strictEqual(description(folder), counts(inArchive(label(folder))));

    // Daily transcripts: year › month from the file names.
    const xwlb = child(folders, 'xwlb');
    const byYear = new Map<number, Map<number, number>>();
    for (let i = 0; i < DAYS; i++) {
      const d = day(i);
      const months = byYear.get(d.getUTCFullYear()) ?? new Map<number, number>();
      months.set(d.getUTCMonth() + 1, (months.get(d.getUTCMonth() + 1) ?? 0) + 1);
      byYear.set(d.getUTCFullYear(), months);
    }
    const years = provider.getChildren(xwlb);
    assert.deepStrictEqual(years.map(label), [...byYear.keys()].map(String));
    const [firstYear] = byYear.keys();
    const year = child(years, String(firstYear));
    assert.strictEqual(provider.getTreeItem(year).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const yearFiles = inArchive('xwlb').filter((f) => path.basename(f.path).startsWith(String(firstYear)));
    assert.strictEqual(description(year), counts(yearFiles));
    const months = provider.getChildren(year);
    assert.deepStrictEqual(months.map(label), [...byYear.get(firstYear)!.keys()].map((m) => monthLabel(firstYear, m)));
    const march = child(months, monthLabel(firstYear, 3));
    const marchFiles = provider.getChildren(march);
    assert.strictEqual(marchFiles.length, 31);
    assert.strictEqual(label(marchFiles[0]), `${firstYear}0301.md`);
    assert.ok(marchFiles.every((n) => n.kind === 'file' && provider.getTreeItem(n).collapsibleState === vscode.TreeItemCollapsibleState.Collapsed));
    assert.match(description(marchFiles[0]), /^1 article · \d+ statistics?$/);

    // Reports dated in their front matter, all in one year: the year level would not help.
    const reports = provider.getChildren(child(folders, 'reports'));
    assert.deepStrictEqual(reports.map(label), Array.from({ length: 12 }, (_, i) => monthLabel(2023, i + 1)));
    assert.strictEqual(description(reports[0]), counts(inArchive('reports').filter((f) => f.metadata.date?.startsWith('2023-01'))));

    // A handful of undated notes stays a flat list.
    assert.deepStrictEqual(provider.getChildren(child(folders, 'misc')).map(label), Array.from({ length: NOTES }, (_, i) => `note-${i + 1}.txt`));

    // The outline's filter: a date finds its transcript; the outline flattens for a few matches.
    provider.filter = ymd(day(500));
    assert.deepStrictEqual(provider.getChildren().map(label), [`${ymd(day(500))}.md`]);
    provider.filter = '工作报告12';
    assert.deepStrictEqual(
      provider.getChildren().map(label).sort(),
      ['report-012.md', ...Array.from({ length: 10 }, (_, i) => `report-${120 + i}.md`)].sort(),
    );
    provider.filter = '';

    // The setting: date across folders, or none at all.
    const outline = vscode.workspace.getConfiguration('statcite.outline');
    await outline.update('groupBy', 'date', vscode.ConfigurationTarget.Workspace);
    provider.refresh();
    const dated = provider.getChildren().map(label);
    assert.deepStrictEqual(dated, [...[...byYear.keys()].map(String), 'No date']);
    await outline.update('groupBy', 'none', vscode.ConfigurationTarget.Workspace);
    provider.refresh();
    assert.strictEqual(provider.getChildren().filter((n) => n.kind === 'file' && n.file.path.startsWith(root)).length, total);
  });
});
