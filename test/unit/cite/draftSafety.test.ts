/**
 * Draft edits change only what StatCite wrote and still recognises: markers in code and comments,
 * indexes in plain text, the user's own footnotes, orphans and notes are kept byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation, updateReferences, type CiteRequest } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';

const request = (key: string, id: string, text: string): CiteRequest => ({ key, id, text, entry: `E(${key})`, heading: '参考文献' });
const hb = request('rep-hb', 'stat-crime', '刑事发案下降21.5%');
const bj = request('rep-bj', 'stat-bj', '北京市刑事案件下降');
const entryFor = (key: string) => (key.startsWith('rep-') ? `E(${key})` : undefined);

function insert(text: string, format: DraftFormat, offset: number, req: CiteRequest): string {
  const result = insertCitation(parseDraft(text, format), offset, req);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

function update(text: string, format: DraftFormat): string {
  const result = updateReferences(parseDraft(text, format), entryFor, '参考文献');
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

/** Two updates: the second must change nothing. */
function updateTwice(text: string, format: DraftFormat): string {
  const once = update(text, format);
  expect(update(once, format)).toBe(once);
  return once;
}

const mdList = (...lines: string[]) => `\n\n<!-- statcite: references -->\n${lines.join('\n')}\n`;
const mdEntry = (n: number, key: string, ids: string) => `[^${n}]: E(${key}) <!-- statcite ${key}: ${ids} -->`;

describe('markers inside code and comments are never citations', () => {
  const code = '```js\nconst a = b[^2] + c[^1];\n```\n';
  const draft = `北京[^2]。湖北[^1]。\n\n${code}\n行内 \`x[^1]\` 与 \`\`y[^2]\`\`。<!-- 旧的 [^1] -->\n${mdList(mdEntry(1, 'rep-hb', 'stat-crime'), mdEntry(2, 'rep-bj', 'stat-bj'))}`;

  it('Markdown: Update References renumbers the text and leaves fences, code spans and comments byte for byte', () => {
    expect(parseDraft(draft, 'markdown').markers.map((m) => draft.slice(m.start, m.end))).toEqual(['[^2]', '[^1]']);
    const updated = updateTwice(draft, 'markdown');
    expect(updated.startsWith('北京[^1]。湖北[^2]。')).toBe(true);
    expect(updated).toContain(code);
    expect(updated).toContain('行内 `x[^1]` 与 ``y[^2]``。<!-- 旧的 [^1] -->');
  });

  it('Markdown: an insertion renumbers StatCite markers only; a cursor inside code is refused', () => {
    const text = insert(draft, 'markdown', 0, request('rep-x', 's-x', '〇'));
    expect(text.startsWith('〇[^1]北京[^2]。湖北[^3]。')).toBe(true);
    expect(text).toContain(code);
    expect(text).toContain('`x[^1]` 与 ``y[^2]``');
    const inFence = insertCitation(parseDraft(draft, 'markdown'), draft.indexOf('const'), hb);
    expect(inFence).toMatchObject({ error: expect.stringContaining('inside code') });
    const inSpan = insertCitation(parseDraft(draft, 'markdown'), draft.indexOf('x[^1]'), hb);
    expect(inSpan).toMatchObject({ error: expect.stringContaining('inside code') });
  });

  it('LaTeX: \\cite in verbatim, \\verb and comments does not enter the list', () => {
    const tex =
      '正文\\cite{rep-hb}。\n\\begin{verbatim}\n\\cite{rep-bj}\n\\end{verbatim}\n用 \\verb|\\cite{rep-cq}| 引用。% \\cite{rep-js}\n' +
      '\n% statcite: references\n% statcite rep-hb: stat-crime\n';
    expect(parseDraft(tex, 'latex').markers.map((m) => m.keys)).toEqual([['rep-hb']]);
    expect(updateTwice(tex, 'latex')).toBe(tex);
  });

  it('Pandoc: [@key] in a code block is not cited', () => {
    const md = '甲[@rep-hb]。\n\n~~~\n[@rep-bj]\n~~~\n\n<!-- statcite: references -->\n<!-- statcite rep-hb: stat-crime -->\n';
    expect(updateTwice(md, 'pandoc')).toBe(md);
  });
});

describe('plain text: what a citation marker is', () => {
  const list = '\n\n参考文献\n[1] E(rep-hb) {{statcite rep-hb: stat-crime}}\n[2] E(rep-bj) {{statcite rep-bj: stat-bj}}\n';

  it('indexes (arr[1], x1[2], f(x)[1], m[1][2]) are not citations; [1][2] after text are two', () => {
    const draft = `北京[2]。湖北[1]。数组 arr[1] 与 x1[2]、f(x)[1]、m[1][2]；据报道[2][1]。${list}`;
    const parsed = parseDraft(draft, 'plain');
    expect(parsed.markers.map((m) => `${draft.slice(m.start - 2, m.start)}${draft.slice(m.start, m.end)}`)).toEqual(['北京[2]', '湖北[1]', '报道[2]', '2][1]']);
    const updated = updateTwice(draft, 'plain');
    expect(updated.startsWith('北京[1]。湖北[2]。数组 arr[1] 与 x1[2]、f(x)[1]、m[1][2]；据报道[1][2]。')).toBe(true);
  });

  it('an insertion before arr[1] renumbers the citations and leaves the index alone', () => {
    const draft = `第一段。\n取 arr[1] 的值，湖北[1]。${list.replace(/\n\[2\].*\n/, '\n')}`;
    const text = insert(draft, 'plain', 0, bj);
    expect(text.startsWith(`${bj.text}[1]第一段。\n取 arr[1] 的值，湖北[2]。`)).toBe(true);
  });

  it('a numbered line of the user ([1] at the start of a line) is theirs: StatCite numbers around it', () => {
    const draft = '要点：\n[1] 第一点\n[2] 第二点\n正文。';
    const text = insert(draft, 'plain', draft.length, hb);
    expect(text).toBe(`${draft}${hb.text}[3]\n\n参考文献\n[3] E(rep-hb) {{statcite rep-hb: stat-crime}}\n`);
    expect(updateTwice(text, 'plain')).toBe(text);
  });

  it('a marker written after a word gets a space, so it still reads as a citation', () => {
    const text = insert('据统计。', 'plain', 3, request('rep-hb', 'stat-crime', 'GDP'));
    expect(text.startsWith('据统计GDP [1]。')).toBe(true);
    expect(parseDraft(text, 'plain').markers).toHaveLength(1);
  });
});

describe("the user's footnotes, duplicates and orphans", () => {
  const draft =
    `北京[^2]。湖北[^1]。我的注[^3]，孤儿[^7]。` +
    mdList(mdEntry(1, 'rep-hb', 'stat-crime'), mdEntry(2, 'rep-bj', 'stat-bj')) +
    '\n[^3]: 我的注释\n[^3]: 我的注释（重复）\n';

  it('two Update References keep the duplicate definitions and the orphan byte for byte', () => {
    const updated = updateTwice(draft, 'markdown');
    expect(updated.startsWith('北京[^1]。湖北[^2]。我的注[^3]，孤儿[^7]。')).toBe(true);
    expect(updated.endsWith('\n[^3]: 我的注释\n[^3]: 我的注释（重复）\n')).toBe(true);
  });

  it('new citations never take the number of a user footnote or an orphan', () => {
    let text = draft;
    for (let i = 0; i < 8; i++) text = insert(text, 'markdown', 0, request(`rep-${i}`, `s-${i}`, `句${i}`));
    const parsed = parseDraft(text, 'markdown');
    expect(parsed.entries.map((e) => e.number)).not.toContain(7);
    expect(parsed.entries.map((e) => e.number)).not.toContain(3);
    expect(text).toContain('我的注[^3]，孤儿[^7]。');
    expect(parsed.markers.every((m) => m.number !== 7 && m.number !== 3)).toBe(true);
    expect(updateTwice(text, 'markdown').length).toBeGreaterThan(0);
  });

  it('an orphan and a number defined twice are reported; StatCite leaves both alone', () => {
    const twice = `甲[^1]。乙[^9]。${mdList(mdEntry(1, 'rep-hb', 'stat-crime'))}\n[^1]: 我自己的脚注\n`;
    const parsed = parseDraft(twice, 'markdown');
    expect(parsed.markers).toEqual([]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'line 1: footnote [^9] has no definition; StatCite leaves it as written',
      'line 4: reference [^1] is also defined on line 6; StatCite leaves both and their citations as written',
    ]);
    expect(updateTwice(twice, 'markdown')).toBe(twice);
  });

  it("a user's footnote in the draft keeps its number; StatCite's first citation becomes [^2]", () => {
    const mine = '注释[^1]。\n\n[^1]: 我的脚注\n';
    const text = insert(mine, 'markdown', 0, hb);
    expect(text).toBe(`${hb.text}[^2]注释[^1]。\n\n[^1]: 我的脚注\n\n<!-- statcite: references -->\n[^2]: E(rep-hb) <!-- statcite rep-hb: stat-crime -->\n`);
    expect(parseDraft(mine, 'markdown').problems).toEqual([]);
  });
});

describe('a note of the user inside the reference list', () => {
  it('Markdown: the list is still recognised; the note stays where it is; no second list, no clashing [^1]', () => {
    const draft = `湖北[^1]。${mdList('这是我的说明。', mdEntry(1, 'rep-hb', 'stat-crime'))}`;
    const text = insert(draft, 'markdown', 0, bj);
    expect(text).toBe(`${bj.text}[^1]湖北[^2]。${mdList('这是我的说明。', mdEntry(1, 'rep-bj', 'stat-bj'), mdEntry(2, 'rep-hb', 'stat-crime'))}`);
    expect(updateTwice(text, 'markdown')).toBe(text);
  });

  it('LaTeX: the ids of the entries survive an insertion', () => {
    const draft = '甲\\cite{rep-hb}。\n\n% statcite: references\n% 以下由 StatCite 维护\n% statcite rep-hb: stat-crime stat-murder\n';
    const text = insert(draft, 'latex', 0, bj);
    expect(text).toBe(`${bj.text}\\cite{rep-bj}甲\\cite{rep-hb}。\n\n% statcite: references\n% 以下由 StatCite 维护\n% statcite rep-hb: stat-crime stat-murder\n% statcite rep-bj: stat-bj\n`);
    expect(text.match(/statcite: references/g)).toHaveLength(1);
  });

  it('plain text: notes between the entries stay between them when the list is renumbered', () => {
    const draft = '北京[2]。湖北[1]。\n\n参考文献\n（按引用顺序）\n[1] E(rep-hb) {{statcite rep-hb: stat-crime}}\n——分隔——\n[2] E(rep-bj) {{statcite rep-bj: stat-bj}}\n';
    expect(updateTwice(draft, 'plain')).toBe(
      '北京[1]。湖北[2]。\n\n参考文献\n（按引用顺序）\n[1] E(rep-bj) {{statcite rep-bj: stat-bj}}\n——分隔——\n[2] E(rep-hb) {{statcite rep-hb: stat-crime}}\n',
    );
  });
});

describe('citing below or inside the reference list', () => {
  const draft = `湖北[^1]。${mdList(mdEntry(1, 'rep-hb', 'stat-crime'))}\n后记：`;

  it('below the list: the text goes where the cursor is and the list stays where it was', () => {
    const text = insert(draft, 'markdown', draft.length, bj);
    expect(text).toBe(`湖北[^1]。${mdList(mdEntry(1, 'rep-hb', 'stat-crime'), mdEntry(2, 'rep-bj', 'stat-bj'))}\n后记：${bj.text}[^2]`);
    expect(updateTwice(text, 'markdown')).toBe(text);
  });

  it('at the very end, right after the last entry line, in every format', () => {
    for (const [format, text] of [
      ['markdown', `甲[^1]。${mdList(mdEntry(1, 'rep-hb', 'stat-crime'))}`],
      ['plain', '甲[1]。\n\n参考文献\n[1] E(rep-hb) {{statcite rep-hb: stat-crime}}\n'],
      ['latex', '甲\\cite{rep-hb}。\n\n% statcite: references\n% statcite rep-hb: stat-crime\n'],
      ['pandoc', '甲[@rep-hb]。\n\n<!-- statcite: references -->\n<!-- statcite rep-hb: stat-crime -->\n'],
    ] as Array<[DraftFormat, string]>) {
      const result = insertCitation(parseDraft(text, format), text.length, bj);
      if ('error' in result) throw new Error(`${format}: ${result.error}`);
      const after = applyEdits(text, result.edits);
      expect(after.startsWith(text.slice(0, text.indexOf('\n')))).toBe(true);
      expect(after.slice(0, result.cursor).endsWith(`${bj.text}${format === 'latex' ? '\\cite{rep-bj}' : format === 'pandoc' ? '[@rep-bj]' : format === 'plain' ? '[2]' : '[^2]'}`)).toBe(true);
      expect(parseDraft(after, format).entries.map((e) => e.key)).toEqual(['rep-hb', 'rep-bj']);
    }
  });

  it('inside the list: the text goes just before it, as a paragraph of its own', () => {
    const text = insert(draft, 'markdown', draft.indexOf('E(rep-hb)'), bj);
    expect(text).toBe(`湖北[^1]。\n\n${bj.text}[^2]\n\n<!-- statcite: references -->\n${mdEntry(1, 'rep-hb', 'stat-crime')}\n${mdEntry(2, 'rep-bj', 'stat-bj')}\n\n后记：`);
  });
});

describe('what cannot be placed is reported', () => {
  it('a StatCite line outside the list and a second list opening', () => {
    const draft = `甲[^1]。\n[^5]: X <!-- statcite rep-x: s -->\n${mdList(mdEntry(1, 'rep-hb', 'stat-crime'))}\n<!-- statcite: references -->\n我的附录\n`;
    const messages = parseDraft(draft, 'markdown').problems.map((p) => p.message);
    expect(messages).toEqual([
      'line 2 looks like a StatCite reference but is not in the reference list; it is kept as written and not updated',
      'line 8: another reference list starts here; StatCite updates only the one on line 5 and keeps this one as written',
    ]);
    expect(updateTwice(draft, 'markdown')).toBe(draft);
  });
});
