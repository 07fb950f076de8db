import { describe, expect, it } from 'vitest';
import { compileGlob, compileGlobs } from '../../src/core/glob';

describe('glob', () => {
  it('reads the default corpus include as VS Code does', () => {
    const g = compileGlob('**/corpus/**/*.{md,txt}');
    for (const p of ['corpus/a.md', 'x/corpus/a.txt', 'x/corpus/y/z/2022.md']) expect(g.matches(p), p).toBe(true);
    for (const p of ['corpus.md', 'x/corpus/a.pdf', 'corpusx/a.md', 'x/corpus', 'x/corpus/a.md/b']) expect(g.matches(p), p).toBe(false);
  });

  it('keeps * and ? inside one path segment', () => {
    expect(compileGlob('*.md').matches('a.md')).toBe(true);
    expect(compileGlob('*.md').matches('x/a.md')).toBe(false);
    expect(compileGlob('news/2022??15.md').matches('news/20221115.md')).toBe(true);
    expect(compileGlob('news/2022??15.md').matches('news/2022/115.md')).toBe(false);
  });

  it('lets ** stand for no segment, one or many', () => {
    const g = compileGlob('a/**/b.md');
    expect(['a/b.md', 'a/x/b.md', 'a/x/y/b.md'].map((p) => g.matches(p))).toEqual([true, true, true]);
    expect(g.matches('ab.md')).toBe(false);
    const below = compileGlob('a/**');
    expect(['a', 'a/b', 'a/b/c.md'].map((p) => below.matches(p))).toEqual([true, true, true]);
    expect(below.matches('ab')).toBe(false);
    expect(compileGlob('**').matches('any/thing.txt')).toBe(true);
    // Not a whole segment: a plain star.
    expect(compileGlob('a**b').matches('axxb')).toBe(true);
    expect(compileGlob('a**b').matches('ax/xb')).toBe(false);
  });

  it('reads character classes and nested braces', () => {
    expect(compileGlob('[0-9][0-9].txt').matches('07.txt')).toBe(true);
    expect(compileGlob('[0-9][0-9].txt').matches('a7.txt')).toBe(false);
    expect(compileGlob('[!a]*.md').matches('b.md')).toBe(true);
    expect(compileGlob('[!a]*.md').matches('a.md')).toBe(false);
    const g = compileGlob('{news,reports/{gov,local}}/*.md');
    expect(['news/a.md', 'reports/gov/a.md', 'reports/local/a.md'].map((p) => g.matches(p))).toEqual([true, true, true]);
    expect(g.matches('reports/a.md')).toBe(false);
    expect(compileGlob('{**/drafts/**,*.tmp}').matches('x/drafts/a.md')).toBe(true);
  });

  it('takes an unclosed bracket or brace as a plain character', () => {
    expect(compileGlob('a[1.md').matches('a[1.md')).toBe(true);
    expect(compileGlob('a{1.md').matches('a{1.md')).toBe(true);
  });

  it('matches any of several patterns, none of none', () => {
    const g = compileGlobs(['**/*.md', 'notes/*.txt']);
    expect(g.matches('x/y.md')).toBe(true);
    expect(g.matches('notes/a.txt')).toBe(true);
    expect(g.matches('other/a.txt')).toBe(false);
    expect(compileGlobs([]).matches('a.md')).toBe(false);
    expect(compileGlobs(['']).matches('')).toBe(false);
  });

  it('folds Windows separators and, when asked, case', () => {
    expect(compileGlob('corpus\\*.md').matches('corpus\\a.md')).toBe(true);
    expect(compileGlob('Corpus/*.MD').matches('corpus/a.md')).toBe(false);
    expect(compileGlob('Corpus/*.MD', { ignoreCase: true }).matches('corpus/a.md')).toBe(true);
  });

  it('tells a walk which folders to skip', () => {
    const exclude = compileGlob('**/node_modules/**');
    expect(exclude.matches('a/node_modules')).toBe(true);
    expect(exclude.matchesAllUnder('a/node_modules')).toBe(true);
    expect(exclude.matchesAllUnder('node_modules')).toBe(true);
    expect(exclude.matchesAllUnder('a')).toBe(false);
    expect(compileGlob('**/*.tmp').matchesAllUnder('a')).toBe(false);
    const include = compileGlob('docs/*.md');
    expect(include.mayMatchUnder('docs')).toBe(true);
    expect(include.mayMatchUnder('src')).toBe(false);
    expect(include.mayMatchUnder('docs/sub')).toBe(false);
    expect(compileGlob('**/corpus/**/*.md').mayMatchUnder('anything/at/all')).toBe(true);
  });

  it('stays linear where a backtracking matcher would not return', () => {
    const path = `${'a'.repeat(20_000)}c`;
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*b').matches(path)).toBe(false);
    expect(compileGlob('**/*a*a*a*a*a*a*a*a*a*a*c').matches(path)).toBe(true);
    expect(compileGlob(`${'{a,'.repeat(30)}b${'}'.repeat(30)}`).matches('b')).toBe(true);
  });
});
