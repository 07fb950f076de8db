/**
 * Metadata as a hostile or careless corpus writes it: values with line breaks (which would split a
 * footnote from its note) and keys named like Object's own properties (constructor, __proto__),
 * which must be unknown fields like any other, never Object's functions.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import { prepareStatistic } from '../../../src/core/cite/prepare';
import { corpusLookup, type StatisticLocation } from '../../../src/core/cite/reference';
import { styleFor } from '../../../src/core/cite/styles';
import { metadataFromFields, parseSidecar, sidecarMetadata } from '../../../src/core/corpus/metadata';
import { readCorpusFile } from '../../../src/core/corpus/read';
import type { Metadata } from '../../../src/core/model';
import { annotateStatistics } from '../../../src/core/stats/annotate';

const KNOWN = ['publication', 'date', 'page', 'url', 'authors', 'language', 'publisher', 'place', 'accessed', 'type'];
const NATIVE = /native code|\[object Object\]/;

function expectOnlyKnown(metadata: Metadata): void {
  for (const key of Object.keys(metadata)) expect(KNOWN, `metadata key ${key}`).toContain(key);
  expect(JSON.stringify(metadata)).not.toMatch(NATIVE);
}

describe('one-line metadata', () => {
  it('a sidecar value with line breaks is put on one line, with a warning naming the file and the field', () => {
    const json = JSON.stringify({
      defaults: { publication: '检察日报\n副刊', publisher: '出版社\r\n北京\u2028分社', type: 'N' },
      files: { 'a.txt': { authors: ['张三\n李四', '王五'], page: '3\t版', place: '北京\u001b[31m' } },
    });
    const { sidecar, problems } = parseSidecar(json, '/w/corpus/statcite.meta.json');
    expect(sidecarMetadata(sidecar, '/w/corpus/a.txt')).toEqual({ publication: '检察日报 副刊', publisher: '出版社 北京 分社', type: 'N', authors: ['张三 李四', '王五'], page: '3 版', place: '北京 [31m' });
    expect(problems.map((p) => p.message)).toEqual([
      '/w/corpus/statcite.meta.json defaults: "publication" holds a line break or control character; it is read as one line',
      '/w/corpus/statcite.meta.json defaults: "publisher" holds a line break or control character; it is read as one line',
      '/w/corpus/statcite.meta.json "a.txt": "authors" holds a line break or control character; it is read as one line',
      '/w/corpus/statcite.meta.json "a.txt": "place" holds a line break or control character; it is read as one line',
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('front matter: a lone carriage return or a line separator inside a value, the same', () => {
    const text = '---\npublication: 人民日报\r海外版\nauthor: "记者\u2028甲"\n---\n# 标题\n\n正文增长15%。\n';
    const file = readCorpusFile(new TextEncoder().encode(text), '/w/a.md');
    expect(file.metadata.publication).toBe('人民日报 海外版');
    expect(file.metadata.authors).toEqual(['记者 甲']);
    expect(file.problems.map((p) => p.message)).toEqual([
      'front matter: "publication" holds a line break or control character; it is read as one line',
      'front matter: "author" holds a line break or control character; it is read as one line',
    ]);
  });

  it('a cited report whose metadata had line breaks keeps its footnote and its note on one line', () => {
    const { sidecar } = parseSidecar(JSON.stringify({ defaults: { type: 'N', publication: '检察日报\n\n[^9]: 伪造', date: '2026-01-21', page: '3\n' } }), '/w/statcite.meta.json');
    const file = readCorpusFile(new TextEncoder().encode('# 报告\n\n全年增长15%。\n'), '/w/a.md', sidecarMetadata(sidecar, '/w/a.md'));
    annotateStatistics(file);
    const report = corpusLookup([file]).reports()[0];
    const location: StatisticLocation = { ...report, section: report.report.intro, statistic: report.report.intro.statistics[0] };
    const prepared = prepareStatistic(location, { style: styleFor('gbt7714-numeric'), format: 'markdown', template: '{figure}' });
    const result = insertCitation(parseDraft('正文。\n', 'markdown'), 2, prepared.request);
    if ('error' in result) throw new Error(result.error);
    const draft = applyEdits('正文。\n', result.edits);
    const parsed = parseDraft(draft, 'markdown');
    expect(parsed.entries.map((e) => [e.number, e.key])).toEqual([[1, report.report.id]]);
    expect(parsed.problems).toEqual([]);
    expect(draft.split('\n').filter((l) => l.startsWith('[^'))).toHaveLength(1);
  });
});

describe('keys named like Object properties', () => {
  // Written as JSON text: in an object literal __proto__ would set the prototype, not a key.
  const HOSTILE = '{"constructor": "新华社", "__proto__": "x", "toString": "y", "hasOwnProperty": "z", "valueOf": "v", "Constructor": "c"}';

  it('sidecar defaults and files entries: unknown fields, reported, never metadata', () => {
    const json = `{"defaults": {"__proto__": {"publication": "P"}, "constructor": "c"}, "files": {"constructor": {"page": "3"}, "a.txt": ${HOSTILE}}}`;
    const { sidecar, problems } = parseSidecar(json, 's/statcite.meta.json');
    const metadata = sidecarMetadata(sidecar, 's/a.txt')!;
    expectOnlyKnown(metadata);
    expect(metadata).toEqual({});
    expect(sidecarMetadata(sidecar, 's/constructor')).toEqual({ page: '3' });
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'Constructor']) {
      expect(problems.some((p) => p.message.includes(`"a.txt": unknown field "${key}" ignored`)), key).toBe(true);
    }
    expect(problems.some((p) => p.message.includes('defaults: unknown field "__proto__" ignored'))).toBe(true);
  });

  it('metadataFromFields: own keys only, known fields only', () => {
    const fields = JSON.parse('{"__proto__": {"publication": "P"}, "constructor": "c", "publication": "检察日报"}');
    const { metadata, problems } = metadataFromFields(fields, 'here');
    expect(metadata).toEqual({ publication: '检察日报' });
    expect(problems.map((p) => p.message)).toEqual(['here: unknown field "__proto__" ignored', 'here: unknown field "constructor" ignored']);
  });

  it('front matter: constructor, __proto__ (also as a list) and toString are unknown fields', () => {
    const text = '---\nconstructor: 新华社\n__proto__: x\ntoString:\n  - a\nhasOwnProperty: [a, b]\ndate: 2024-01-02\n---\n# 标题\n\n正文。\n';
    const file = readCorpusFile(new TextEncoder().encode(text), '/w/a.md');
    expectOnlyKnown(file.metadata);
    expect(file.metadata).toEqual({ date: '2024-01-02' });
    expect(file.problems.map((p) => p.message)).toEqual(
      ['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((k) => `front matter: unknown field "${k}" ignored`),
    );
  });

  it('HTML entities: &constructor; and other unknown names stay as written in titles', () => {
    const file = readCorpusFile(new TextEncoder().encode('# 标题&constructor;与&hasOwnProperty;及&valueOf;和&amp;&lt;\n\n正文。\n'), '/w/a.md');
    expect(file.articles[0].title).toBe('标题&constructor;与&hasOwnProperty;及&valueOf;和&<');
  });
});
