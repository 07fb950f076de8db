import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFiles, isCorpusFile, nodeFolderHost, type CorpusRoot, type FolderHost } from '../../../src/core/corpus/find';
import { compileGlobs } from '../../../src/core/glob';

describe('finding corpus files on disk', () => {
  let root: string;
  const rel = (paths: string[]): string[] => paths.map((p) => path.relative(root, p).split(path.sep).join('/'));

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'statcite-find-'));
    const files = [
      'corpus/a.md',
      'corpus/2022/20221115.txt',
      'corpus/2022/notes.pdf',
      'corpus/node_modules/pkg/readme.md',
      'corpus/drafts/old.md',
      'corpus/.git/x.md',
      'other/b.md',
      'archive/deep/er/c.markdown',
      'archive/skip.xlsx',
    ];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), 'x');
    }
    // A link back up: the walk must not go round forever.
    symlinkSync(path.join(root, 'archive'), path.join(root, 'archive', 'deep', 'loop'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes the include globs of a workspace folder and leaves out the excluded', async () => {
    const found = await findFiles([{ folder: root, include: compileGlobs(['**/corpus/**/*.{md,txt}']) }], nodeFolderHost, {
      exclude: compileGlobs(['**/node_modules/**', '**/drafts']),
    });
    expect(rel(found)).toEqual(['corpus/2022/20221115.txt', 'corpus/a.md']);
  });

  it('reads a chosen folder in full, through links, once', async () => {
    const counts: number[] = [];
    const found = await findFiles([{ folder: path.join(root, 'archive') }, { folder: path.join(root, 'archive', 'deep') }], nodeFolderHost, {
      exclude: compileGlobs([]),
      onFound: (n) => counts.push(n),
    });
    expect(rel(found)).toEqual(['archive/deep/er/c.markdown']);
    expect(counts.at(-1)).toBe(1);
  });

  it('tells of a single path (a file watcher event) what the walk would: in the corpus or not', async () => {
    const roots: CorpusRoot[] = [{ folder: root, include: compileGlobs(['**/corpus/**/*.{md,txt}']) }, { folder: path.join(root, 'archive') }];
    const exclude = compileGlobs(['**/node_modules/**', '**/drafts']);
    const found = await findFiles(roots, nodeFolderHost, { exclude });
    const all = ['corpus/a.md', 'corpus/2022/20221115.txt', 'corpus/2022/notes.pdf', 'corpus/node_modules/pkg/readme.md', 'corpus/drafts/old.md', 'corpus/.git/x.md', 'other/b.md', 'archive/deep/er/c.markdown', 'archive/skip.xlsx'];
    expect(all.filter((f) => isCorpusFile(roots, exclude, path.join(root, f)))).toEqual(rel(found).sort((a, b) => all.indexOf(a) - all.indexOf(b)));
    // A new file under an excluded folder, or outside every root, is not one either.
    expect(isCorpusFile(roots, exclude, path.join(root, 'corpus', 'drafts', 'new', 'x.md'))).toBe(false);
    expect(isCorpusFile(roots, exclude, path.join(path.dirname(root), 'elsewhere', 'corpus', 'a.md'))).toBe(false);
    expect(isCorpusFile(roots, exclude, path.join(root, 'archive', 'new.txt'))).toBe(true);
  });

  it('does not descend where the include cannot match', async () => {
    const listed: string[] = [];
    const host: FolderHost = { ...nodeFolderHost, list: (folder) => (listed.push(path.relative(root, folder)), nodeFolderHost.list(folder)) };
    const found = await findFiles([{ folder: root, include: compileGlobs(['other/*.md']) }], host, { exclude: compileGlobs([]) });
    expect(rel(found)).toEqual(['other/b.md']);
    expect(listed.sort()).toEqual(['', 'other']);
  });

  it('names a folder it cannot read and goes on with the rest', async () => {
    const problems: string[] = [];
    const found = await findFiles([{ folder: path.join(root, 'missing') }, { folder: path.join(root, 'other') }], nodeFolderHost, {
      exclude: compileGlobs([]),
      onProblem: (folder, reason) => problems.push(`${path.basename(folder)}: ${reason}`),
    });
    expect(rel(found)).toEqual(['other/b.md']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^missing: .*ENOENT/);
  });
});
