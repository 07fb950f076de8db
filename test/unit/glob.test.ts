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

  it('reads characters outside the BMP as one character, in the pattern as in the path', () => {
    expect(compileGlob('𠮷.md').matches('𠮷.md')).toBe(true);
    expect(compileGlob('?.md').matches('𠮷.md')).toBe(true);
    expect(compileGlob('[𠮷a].md').matches('𠮷.md')).toBe(true);
  });

  it('agrees with a regular expression of the same meaning on random short patterns and paths', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const word = (alphabet: string, max: number): string => Array.from({ length: random(max + 1) }, () => alphabet[random(alphabet.length)]).join('');
    for (let i = 0; i < 20000; i++) {
      const glob = word('ab/*?.{},[]!-', 8);
      // Half the paths are the pattern with its wildcards filled in and a few characters changed.
      const path =
        i % 2
          ? word('ab/.{},[]-', 7)
          : Array.from(glob, (c) => (c === '*' ? word('ab/', 3) : c === '?' || random(5) === 0 ? word('ab/.{},[]-', 1) : c)).join('');
      expect(compileGlob(glob).matches(path), `${glob} ~ ${path}`).toBe(reference(glob).test(path));
    }
  });

  it('stays linear where a backtracking matcher would not return', () => {
    const path = `${'a'.repeat(20_000)}c`;
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*b').matches(path)).toBe(false);
    expect(compileGlob('**/*a*a*a*a*a*a*a*a*a*a*c').matches(path)).toBe(true);
    expect(compileGlob(`${'{a,'.repeat(30)}b${'}'.repeat(30)}`).matches('b')).toBe(true);
  });
});

/**
 * The meaning of a glob as a backtracking regular expression, written from the rules (not from the
 * automaton): a correct oracle for inputs too short to backtrack for long. `**` is special only as a
 * whole segment (`**\/`: whole folders; `a/**`: the folder or anything below; alone: anything);
 * elsewhere stars are `*`. Unclosed `[` and `{` are plain characters.
 */
function reference(glob: string): RegExp {
  const p = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '') return /(?!)/;
  const literal = (c: string): string => c.replace(/[.+^${}()|[\]\\*?/-]/g, '\\$&');
  let i = 0;
  const sequence = (inBraces: boolean, segmentStart: boolean): string => {
    const atoms: string[] = [];
    let start = segmentStart;
    while (i < p.length) {
      const c = p[i];
      if (inBraces && (c === ',' || c === '}')) break;
      const after = p[i + 2];
      if (c === '*' && p[i + 1] === '*' && start && (after === undefined || after === '/' || (inBraces && (after === ',' || after === '}')))) {
        i += 2;
        if (p[i] === '/') {
          i++;
          atoms.push('(?:[^/]*/)*');
        } else if (atoms[atoms.length - 1] === '\\/') atoms[atoms.length - 1] = '(?:/.*)?';
        else atoms.push('.*');
        continue;
      }
      i++;
      const atStart = start;
      start = c === '/';
      if (c === '*') {
        while (p[i] === '*') i++;
        atoms.push('[^/]*');
      } else if (c === '?') atoms.push('[^/]');
      else if (c === '[' && p.indexOf(']', i + 1) >= 0) {
        const close = p.indexOf(']', i + 1);
        let body = p.slice(i, close);
        i = close + 1;
        const negate = body[0] === '!' || body[0] === '^';
        if (negate) body = body.slice(1);
        let set = '';
        for (let k = 0; k < body.length; k++) {
          if (body[k + 1] === '-' && k + 2 < body.length) {
            if (body[k] <= body[k + 2]) set += `${literal(body[k])}-${literal(body[k + 2])}`;
            k += 2;
          } else set += literal(body[k]);
        }
        atoms.push(`(?!/)[${negate ? '^' : ''}${set}]`);
      } else if (c === '{') {
        const from = i;
        const options: string[] = [];
        let closed = false;
        for (;;) {
          options.push(sequence(true, atStart));
          const end = p[i++];
          if (end === '}') closed = true;
          if (end !== ',') break;
        }
        if (closed) atoms.push(`(?:${options.join('|')})`);
        else {
          i = from;
          atoms.push('\\{');
        }
      } else atoms.push(literal(c));
    }
    return atoms.join('');
  };
  return new RegExp(`^${sequence(false, true)}$`);
}
