import { describe, expect, it } from 'vitest';
import { documentNumber } from '../../../src/core/search/documents';
import { Unlocated } from '../../../src/core/search/unlocated';
import { buildFile } from './corpusFixture';

const file = buildFile('/c/a.txt', '标题', [{ title: '一', sections: [{ title: '', paragraphs: ['一段。'] }] }]);
const other = buildFile('/c/b.txt', '标题', [{ title: '二', sections: [{ title: '', paragraphs: ['二段。'] }] }]);
/** Numbers of documents in consecutive slots from `first`, statistics where `kinds` has an s. */
const ids = (first: number, kinds: string): Int32Array =>
  Int32Array.from([...kinds], (k, i) => documentNumber(first + i, k === 's' ? 'statistic' : 'passage'));

describe('documents waiting to be located', () => {
  it('finds a waiting document’s file and all its documents, once', () => {
    const waiting = new Unlocated();
    const a = ids(3, 'pps');
    const b = ids(2000, 'sp');
    expect(waiting.add(file, a)).toBe(true);
    expect(waiting.add(other, b)).toBe(true);
    expect(waiting.size).toBe(5);
    expect(waiting.has(a[2])).toBe(true);
    // The other number of a waiting slot is not a document of the file.
    expect(waiting.has(a[2] - 1)).toBe(false);
    expect(waiting.has(documentNumber(5000, 'passage'))).toBe(false);
    expect(waiting.take(a[1])).toEqual({ file, ids: a });
    expect(waiting.take(a[0])).toBeUndefined();
    expect(waiting.has(a[0])).toBe(false);
    expect(waiting.size).toBe(2);
    waiting.drop(b);
    expect(waiting.size).toBe(0);
    expect(waiting.take(b[0])).toBeUndefined();
  });

  it('refuses documents that are not one a slot, or whose slots wait already', () => {
    const waiting = new Unlocated();
    expect(waiting.add(file, ids(0, 'pp'))).toBe(true);
    // A slot skipped, a slot twice, slots taken.
    expect(waiting.add(other, Int32Array.from([documentNumber(10, 'passage'), documentNumber(12, 'passage')]))).toBe(false);
    expect(waiting.add(other, Int32Array.from([documentNumber(10, 'passage'), documentNumber(10, 'statistic')]))).toBe(false);
    expect(waiting.add(other, ids(1, 'p'))).toBe(false);
    expect(waiting.size).toBe(2);
    // Once located, the slots are free for nothing else to claim wrongly: a file entered anew gets new ones.
    waiting.take(0);
    expect(waiting.add(other, ids(1, 'p'))).toBe(true);
  });
});
