import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../../src/core/corpus/idIndex';

const idsOf = (file: number, version = 0): string => Array.from({ length: 50 }, (_, i) => `stat-${file}-${i}-${version}`).join(' ');

describe('the id index', () => {
  it('finds the file of every id through many growths, replacements and removals', () => {
    const index = new IdIndex();
    for (let f = 0; f < 400; f++) index.add(`/c/${f}.md`, idsOf(f));
    // Every file replaced once (its ids change) and every tenth removed, while the shards keep growing.
    for (let f = 0; f < 400; f++) index.add(`/c/${f}.md`, idsOf(f, 1));
    for (let f = 0; f < 400; f += 10) index.remove(`/c/${f}.md`);
    for (let f = 400; f < 800; f++) index.add(`/c/${f}.md`, idsOf(f));
    for (let f = 0; f < 800; f++) {
      const gone = f < 400 && f % 10 === 0;
      const version = f < 400 ? 1 : 0;
      expect(index.candidates(`stat-${f}-7-${version}`)).toEqual(gone ? [] : [`/c/${f}.md`]);
      if (f < 400) expect(index.candidates(`stat-${f}-7-0`)).toEqual([]);
    }
  });

  it('gives every file holding an id, the one put in last first', () => {
    const index = new IdIndex();
    index.add('/a.md', 'rep-1 stat-2');
    index.add('/b.md', 'stat-2 par-3');
    expect(index.candidates('stat-2')).toEqual(['/b.md', '/a.md']);
    index.remove('/b.md');
    expect(index.candidates('stat-2')).toEqual(['/a.md']);
    expect(index.candidates('par-3')).toEqual([]);
  });
});
