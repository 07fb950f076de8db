/**
 * No metadata value can leave its field in an exported bibliography: not in BibTeX (where a `}`
 * closes the field and `\input` runs), not in CSL-JSON. One test per field kind.
 */
import { describe, expect, it } from 'vitest';
import { parseBib, toBibTeX } from '../../../src/core/cite/bibtex';
import { toCsl, upsertCsl } from '../../../src/core/cite/csl';
import type { Reference } from '../../../src/core/cite/reference';
import { oneLine } from '../../../src/core/corpus/oneLine';
import { latexPrinted } from './render';

/** Reads one entry the way BibTeX does: every brace counts, backslash or not. */
function readBibEntry(entry: string): { type: string; key: string; fields: Map<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(entry);
  expect(head, entry).not.toBeNull();
  const fields = new Map<string, string>();
  let i = head![0].length;
  for (;;) {
    const field = /^\s*(\w+) = \{/.exec(entry.slice(i));
    if (!field) break;
    i += field[0].length;
    let depth = 1;
    const start = i;
    for (; depth > 0; i++) {
      expect(i, `field ${field[1]} never closes in ${entry}`).toBeLessThan(entry.length);
      if (entry[i] === '{') depth++;
      else if (entry[i] === '}') depth--;
    }
    expect(fields.has(field[1]), `field ${field[1]} twice in ${entry}`).toBe(false);
    fields.set(field[1], entry.slice(start, i - 1));
    if (entry[i] === ',') i++;
  }
  expect(entry.slice(i), `after the fields of ${entry}`).toBe('\n}');
  return { type: head![1], key: head![2], fields };
}

const base: Reference = { key: 'rep-x', type: 'R', online: true, authors: ['作者'], title: '题名', language: 'zh' };

/** Values meant to break out of a field, run a command or open a group or comment. */
const ATTACKS = [
  '}, note = {\\input{/etc/passwd}}',
  'a}b',
  '{unclosed',
  'closed}}}}',
  '\\input{/etc/passwd}\\def\\x{y}',
  '100% 完成 # & $x$ _ ^ ~',
  'line\nbreak\r\nand\u2028more',
  '@comment{',
];

type Field = Exclude<keyof Reference, 'key' | 'type' | 'authors'>;
const FIELDS: Array<[Field, string, Partial<Reference>]> = [
  ['title', 'title', {}],
  ['publication', 'journal', { type: 'N' }],
  ['publication', 'organization', { type: 'R' }],
  ['date', 'date', {}],
  ['page', 'pages', {}],
  ['volume', 'volume', {}],
  ['issue', 'number', {}],
  ['publisher', 'publisher', {}],
  ['place', 'address', {}],
  ['accessed', 'urldate', {}],
  ['language', 'langid', {}],
];

describe('BibTeX: every field keeps its value inside it', () => {
  it.each(FIELDS)('%s → %s', (field, bibField, extra) => {
    for (const attack of ATTACKS) {
      const ref = { ...base, ...extra, [field]: attack };
      const entry = toBibTeX(ref);
      const { fields, key } = readBibEntry(entry);
      expect(key).toBe('rep-x');
      expect(fields.has('note'), entry).toBe(false);
      expect(latexPrinted(fields.get(bibField)!), entry).toBe(oneLine(attack));
      expect(parseBib(entry)).toEqual({ entries: [{ type: expect.any(String), key: 'rep-x', start: 0, end: entry.length }], errors: [] });
    }
  });

  it('author: each name stays one braced name', () => {
    for (const attack of ATTACKS) {
      const { fields } = readBibEntry(toBibTeX({ ...base, authors: [attack, '第二 and 作者'] }));
      const names = fields.get('author')!;
      expect(names.startsWith('{') && names.endsWith('}')).toBe(true);
      const [first, second] = names.slice(1, -1).split('} and {');
      expect(latexPrinted(first)).toBe(oneLine(attack));
      expect(second).toBe('第二 and 作者');
    }
  });

  it('url: characters a URL cannot hold are percent-encoded, the rest is kept for \\url', () => {
    for (const attack of ATTACKS) {
      const url = `https://x.org/a_b?q=1&c=%41#f${attack}`;
      const { fields } = readBibEntry(toBibTeX({ ...base, url }));
      const value = fields.get('url')!;
      expect(value, value).not.toMatch(/[{}\\\s"<>^`|]/);
      // Decoding gives the address back (its own %41 stays as written).
      expect(decodeURI(value.replace('%41', '%2541'))).toBe(oneLine(url));
    }
  });
});

describe('CSL-JSON: every value is one JSON string of its own field', () => {
  it.each(['title', 'publication', 'page', 'url', 'publisher', 'place'] as const)('%s', (field) => {
    for (const attack of [...ATTACKS, '"}, "note": "x', '</script><i>x</i>']) {
      const ref = { ...base, [field]: attack, authors: [attack] };
      const result = upsertCsl('', [toCsl(ref)]);
      if ('error' in result) throw new Error(result.error);
      const [item] = JSON.parse(result.text);
      expect(Object.keys(item).sort()).toEqual(Object.keys(toCsl(ref)).sort());
      expect(item).toEqual(toCsl(ref));
      expect(item.author).toEqual([{ literal: attack }]);
      expect(Object.keys(item)).not.toContain('note');
    }
  });

  it('a bibliography file with "__proto__" items is read as data', () => {
    const result = upsertCsl('[{"id": "__proto__", "title": "t"}, {"__proto__": {"polluted": 1}, "id": "b"}]', [toCsl(base)]);
    if ('error' in result) throw new Error(result.error);
    expect(JSON.parse(result.text).map((i: { id: string }) => i.id)).toEqual(['__proto__', 'b', 'rep-x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
