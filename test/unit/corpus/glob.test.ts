import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../../src/core/corpus/glob';
import { parseSidecar, sidecarMetadata } from '../../../src/core/corpus/metadata';

/** Whether the sidecar entry `pattern` applies to `relative` (a path below the sidecar's folder). */
function matches(pattern: string, relative: string): boolean {
  const { sidecar } = parseSidecar(JSON.stringify({ files: { [pattern]: { page: 'hit' } } }), '/c/statcite.meta.json');
  return sidecarMetadata(sidecar, `/c/${relative}`)?.page === 'hit';
}

describe('sidecar globs', () => {
  it('keep their meaning: * and ? within a name, ** across folders, everything else literal', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.md', 'a.md', true],
      ['*.md', 'deep/er/a.md', true], // no '/': the name, in any folder
      ['*.md', 'a.mdx', false],
      ['a?.txt', 'ab.txt', true],
      ['a?.txt', 'a.txt', false],
      ['xwlb/2025*.md', 'xwlb/20251210.md', true],
      ['xwlb/2025*.md', 'xwlb/sub/2025.md', false],
      ['xwlb/2025*.md', 'other/xwlb/2025.md', false],
      ['**/a.md', 'a.md', true],
      ['**/a.md', 'x/y/a.md', true],
      ['**/a.md', 'x/ya.md', false],
      ['x/**', 'x/a.md', true],
      ['x/**', 'x/y/z.md', true],
      ['x/**/a.md', 'x/a.md', true],
      ['x/**/a.md', 'x/y/z/a.md', true],
      ['x/**/a.md', 'x/y/za.md', false],
      ['x/*/a.md', 'x/y/z/a.md', false],
      ['d/x**.md', 'd/x/y.md', true], // ** not followed by '/' crosses folders
      ['d/x***.md', 'd/x/y.md', true],
      ['{a,b}.md', 'a.md', false], // braces and brackets are literal
      ['{a,b}.md', '{a,b}.md', true],
      ['[ab].md', 'a.md', false],
      ['[ab].md', '[ab].md', true],
      ['a+b(1).md', 'a+b(1).md', true],
      ['A.md', 'a.md', false],
      ['', 'a.md', false],
    ];
    for (const [pattern, path, expected] of cases) expect(matches(pattern, path), `${pattern} ~ ${path}`).toBe(expected);
  });

  it('match in linear time however many stars they hold (a backtracking matcher never returns)', () => {
    const name = `${'a'.repeat(40)}.md`;
    expect(matches(`${'*'.repeat(5000)}x`, name)).toBe(false);
    expect(matches(`${'*a'.repeat(20)}b`, name)).toBe(false);
    expect(matches(`${'*a'.repeat(20)}*.md`, name)).toBe(true);
    expect(matches(`${'**/'.repeat(2000)}x.md`, `${'d/'.repeat(2000)}y.md`)).toBe(false);
    expect(matches(`${'**/'.repeat(2000)}y.md`, `${'d/'.repeat(2000)}y.md`)).toBe(true);
    expect(matches(`${'?*'.repeat(3000)}`, name)).toBe(false);
    expect(matches(`${'?*'.repeat(21)}`, name)).toBe(true);
  });

  it('agree with the regular expressions they replace on random short patterns and paths', () => {
    // The former translation, a correct oracle for inputs too short to backtrack for long.
    const oracle = (glob: string): RegExp => {
      let re = '';
      for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
          re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
          i += glob[i + 2] === '/' ? 2 : 1;
        } else if (c === '*') re += '[^/]*';
        else if (c === '?') re += '[^/]';
        else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      }
      return new RegExp(`^${re}$`);
    };
    let seed = 7;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const word = (alphabet: string, max: number): string => Array.from({ length: random(max + 1) }, () => alphabet[random(alphabet.length)]).join('');
    for (let i = 0; i < 20000; i++) {
      const glob = word('ab/*?.', 7);
      const path = word('ab/.', 7);
      expect(compileGlob(glob)(path), `${glob} ~ ${path}`).toBe(oracle(glob).test(path));
    }
  });
});
