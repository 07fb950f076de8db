import { describe, expect, it } from 'vitest';
import { checkField, writeFrontMatterFields, writeSidecarFields } from '../../../src/core/cite/fill';
import { parseFrontMatter } from '../../../src/core/corpus/frontmatter';
import { metadataFromFields, parseSidecar, sidecarMetadata } from '../../../src/core/corpus/metadata';

describe('filling in source details', () => {
  it('checks what is typed: dates to ISO, URLs, names split at commas', () => {
    expect(checkField('date', '2026年1月21日')).toEqual({ value: '2026-01-21' });
    expect(checkField('accessed', 'soon')).toEqual({ error: 'not a date: write YYYY-MM-DD, YYYY-MM or YYYY' });
    expect(checkField('url', 'paper.people.com.cn')).toEqual({ error: 'a URL starts with http:// or https://' });
    expect(checkField('authors', '陈浩培、潘志凡, 杨舒雯')).toEqual({ value: ['陈浩培', '潘志凡', '杨舒雯'] });
    expect(checkField('publication', ' 检察日报 ')).toEqual({ value: '检察日报' });
  });

  it('statcite.meta.json: the file’s entry gets the fields; defaults and other entries stay', () => {
    const json = JSON.stringify({ defaults: { type: 'N' }, files: { 'a.txt': { page: '2' }, 'b.txt': { date: '2026' } } });
    const result = writeSidecarFields(json, 'a.txt', { publication: '检察日报', date: '2026-01-21' });
    if ('error' in result) throw new Error(result.error);
    const { sidecar, problems } = parseSidecar(result.text, '/c/statcite.meta.json');
    expect(problems).toEqual([]);
    expect(sidecarMetadata(sidecar, '/c/a.txt')).toEqual({ type: 'N', page: '2', publication: '检察日报', date: '2026-01-21' });
    expect(sidecarMetadata(sidecar, '/c/b.txt')).toEqual({ type: 'N', date: '2026' });
    expect(writeSidecarFields('', 'news/a.txt', { page: '3' })).toEqual({ text: '{\n  "files": {\n    "news/a.txt": {\n      "page": "3"\n    }\n  }\n}\n' });
  });

  it('a broken sidecar is not rewritten: the reason is given', () => {
    expect(writeSidecarFields('{ "files": ', 'a.txt', { page: '3' })).toEqual({ error: expect.stringMatching(/^not valid JSON \(.*\); fix it first$/) });
    expect(writeSidecarFields('[]', 'a.txt', { page: '3' })).toEqual({ error: 'expected an object with "defaults" and "files"' });
  });

  it('front matter: fields replaced in place (block lists too) or added before the closing line', () => {
    const md = '---\ntitle: 标题\nauthors:\n  - 王五\n  - 赵六\n# a comment\ndate: 2025\n---\n# 标题\n\n正文。\n';
    const next = writeFrontMatterFields(md, { date: '2026-01-21', authors: ['李四'], url: 'https://example.org/a "b"' })!;
    expect(next).toBe('---\ntitle: 标题\nauthors: ["李四"]\n# a comment\ndate: "2026-01-21"\nurl: \'https://example.org/a "b"\'\n---\n# 标题\n\n正文。\n');
    const read = metadataFromFields(parseFrontMatter(next)!.fields, 'front matter');
    expect(read).toEqual({ metadata: { authors: ['李四'], date: '2026-01-21', url: 'https://example.org/a "b"' }, problems: [] });
    expect(writeFrontMatterFields('# 标题\n', { page: '3' })).toBeUndefined();
    expect(writeFrontMatterFields('---\r\ntitle: x\r\n---', { page: '3' })).toBe('---\r\ntitle: x\r\npage: "3"\r\n---\r\n');
  });
});
