import { describe, expect, it } from 'vitest';
import { parseSidecar, sidecarMetadata } from '../../../src/core/corpus/metadata';

/** Whether the sidecar entry `pattern` applies to `relative` (a path below the sidecar's folder). */
function matches(pattern: string, relative: string): boolean {
  const { sidecar } = parseSidecar(JSON.stringify({ files: { [pattern]: { page: 'hit' } } }), '/c/statcite.meta.json');
  return sidecarMetadata(sidecar, `/c/${relative}`)?.page === 'hit';
}

describe('sidecar globs', () => {
  it('mean what the settings\' globs mean: * and ? within a name, ** as whole folders, [..] and {a,b}', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.md', 'a.md', true],
      ['*.md', 'deep/er/a.md', true], // no '/': the name, in any folder
      ['*.md', 'a.mdx', false],
      ['a?.txt', 'ab.txt', true],
      ['a?.txt', 'a.txt', false],
      ['xwlb/2025*.md', 'xwlb/20251210.md', true],
      ['xwlb/2025*.md', 'xwlb/sub/2025.md', false],
      ['xwlb/2025*.md', 'other/xwlb/2025.md', false],
      ['./xwlb/2025*.md', 'xwlb/20251210.md', true],
      ['**/a.md', 'a.md', true],
      ['**/a.md', 'x/y/a.md', true],
      ['**/a.md', 'x/ya.md', false],
      ['x/**', 'x/a.md', true],
      ['x/**', 'x/y/z.md', true],
      ['x/**/a.md', 'x/a.md', true],
      ['x/**/a.md', 'x/y/z/a.md', true],
      ['x/**/a.md', 'x/y/za.md', false],
      ['x/*/a.md', 'x/y/z/a.md', false],
      ['d/x**.md', 'd/xy.md', true], // ** inside a name is a plain star
      ['d/x**.md', 'd/x/y.md', false],
      ['{a,b}.md', 'a.md', true],
      ['{a,b}.md', 'c.md', false],
      ['x/{gov,local}/*.md', 'x/local/1.md', true],
      ['[ab].md', 'a.md', true],
      ['[ab].md', 'c.md', false],
      ['2024[0-9][0-9].md', '202412.md', true],
      // A key that names a file exactly matches it, whatever characters it holds.
      ['{a,b}.md', '{a,b}.md', true],
      ['报告[2024].md', '报告[2024].md', true],
      ['x/报告[2024].md', 'x/报告[2024].md', true],
      ['a+b(1).md', 'a+b(1).md', true],
      ['𠮷?.md', '𠮷𠮷.md', true],
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
    expect(matches(`${'{a,'.repeat(500)}x${'}'.repeat(500)}.md`, name)).toBe(false);
  });
});
