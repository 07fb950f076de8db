/**
 * Hostile input for every regular expression of the readers: each case is large enough that a
 * super-linear pattern (nested or overlapping quantifiers, a lazy run followed by a failing tail)
 * would not return for minutes; the assertions check what is read, never how long it took
 * (bench/adversarial.mjs prints the times).
 */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/core/corpus/frontmatter';
import { atxHeading } from '../../../src/core/corpus/markdown';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { passageText, sectionsOf } from '../../../src/core/corpus/walk';
import type { CorpusFile } from '../../../src/core/model';

const md = (text: string): CorpusFile => readCorpusFile(Buffer.from(text), 'hostile.md');
const passages = (file: CorpusFile): string[] => [...sectionsOf(file)].flatMap(({ section }) => section.passages.map((p) => passageText(file, p)));

describe('hostile Markdown', () => {
  it('a heading padded with 1,000,000 spaces before its last word', () => {
    const file = md(`# 标题${' '.repeat(1_000_000)}x\n\n正文。\n`);
    expect(file.articles[0].title).toBe('标题 x');
    expect(md('# 标题 ##\n\n正文。\n').articles[0].title).toBe('标题');
    expect(md('# #\n\n正文。\n').articles[0].title).toBe('#');
  });

  it('headings read as the former regular expression read them, on random short lines', () => {
    const former = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
    let seed = 11;
    const random = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let i = 0; i < 20000; i++) {
      const line = Array.from({ length: random(10) }, () => '##  \ta\u2028'[random(7)]).join('');
      const m = former.exec(line);
      const expected = m ? { level: m[1].length, title: m[2] ?? '', at: line.indexOf(m[2] ?? '', m[1].length) } : undefined;
      const got = atxHeading(line);
      // Where the former put an empty title does not matter (it is empty).
      if (got && expected && expected.title === '') expected.at = got.at;
      expect(got, JSON.stringify(line)).toEqual(expected);
    }
  });

  it('a line of 40 links with double spaces that ends in text is text, not navigation', () => {
    const file = md(`正文。\n\n${'[甲](b)  '.repeat(40)}x\n`);
    expect(passages(file)).toContain(`${'甲  '.repeat(40)}x`);
    expect(passages(md('正文。\n\n[查看原文](https://a.b/c)  [返回](/)\n'))).toEqual(['正文。']);
  });

  it('100,000 image and link openers that never close stay text', () => {
    const text = '!['.repeat(100_000);
    expect(passages(md(`${text}\n`))).toEqual([text]);
    const brackets = `${'[a]('.repeat(50_000)}x`;
    expect(passages(md(`${brackets}\n`))).toEqual([brackets]);
  });

  it('tags and comments that never close', () => {
    expect(passages(md(`${'<a'.repeat(100_000)}\n`))).toEqual(['<a'.repeat(100_000)]);
    // An unclosed comment hides the rest of its line, a line separator inside it included.
    expect(passages(md(`正文${'<!--'.repeat(200_000)}\u2028尾\n`))).toEqual(['正文']);
  });
});

describe('hostile front matter', () => {
  it('a key padded with 400,000 spaces and no colon is reported', () => {
    const front = parseFrontMatter(`---\ntitle${' '.repeat(400_000)}x\n---\n`)!;
    expect(front.problems.map((p) => p.message)).toEqual([`front matter line 2 not understood: "title${' '.repeat(400_000)}x"`]);
  });

  it('values and list items padded with 400,000 spaces keep their words; a comment after them goes', () => {
    const pad = ' '.repeat(400_000);
    const front = parseFrontMatter(`---\npublication: 人民日报${pad}x\nplace: 北京${pad}# 注释\nauthors:\n  - 张三${pad}y\n---\n`)!;
    expect(front.problems).toEqual([]);
    expect(front.fields).toEqual({ publication: `人民日报${pad}x`, place: '北京', authors: [`张三${pad}y`] });
  });

  it('keeps the meaning of keys, values and items', () => {
    const front = parseFrontMatter('---\n来源 : 检察日报\nmy key:\tv # c\nk2:\n- a\n  - "b # c"\ndate:2025\n---\n')!;
    expect(front.fields).toEqual({ 来源: '检察日报', 'my key': 'v', k2: ['a', 'b # c'] });
    expect(front.problems.map((p) => p.message)).toEqual(['front matter line 7 not understood: "date:2025"']);
  });
});
