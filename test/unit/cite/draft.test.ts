import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation, updateReferences, type CiteRequest, type TextEdit } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';

const hb: CiteRequest = { key: 'rep-hb', id: 'stat-crime', text: '湖北省去年刑事发案同比下降21.5%', entry: '湖北省委政法委. 着力加强政法基础设施建设[N]. [报纸名不详], [出版日期不详](版次不详).', heading: '参考文献' };
const bj: CiteRequest = { key: 'rep-bj', id: 'stat-bj', text: '北京市刑事案件下降', entry: '北京市委政法委. 坚决捍卫首都安全[N]. [报纸名不详], [出版日期不详](版次不详).', heading: '参考文献' };

function insert(text: string, format: DraftFormat, offset: number, request: CiteRequest): { text: string; edits: TextEdit[] } {
  const result = insertCitation(parseDraft(text, format), offset, request);
  if ('error' in result) throw new Error(result.error);
  return { text: applyEdits(text, result.edits), edits: result.edits };
}

describe('Markdown footnotes', () => {
  it('inserts the text and [^1] at the cursor and opens the reference block at the end', () => {
    const draft = '# 报告\n\n据统计，\n';
    const { text } = insert(draft, 'markdown', draft.indexOf('，') + 1, hb);
    expect(text).toBe(
      '# 报告\n\n据统计，湖北省去年刑事发案同比下降21.5%[^1]\n\n<!-- statcite: references -->\n' +
        `[^1]: ${hb.entry} <!-- statcite rep-hb: stat-crime -->\n`,
    );
  });

  it('an earlier insertion renumbers: numbers follow first appearance, only markers and the block change', () => {
    const start = insert('第一段。\n\n第二段。\n', 'markdown', '第一段。\n\n第二段'.length, bj).text;
    const { text, edits } = insert(start, 'markdown', '第一段'.length, hb);
    expect(text).toBe(
      '第一段湖北省去年刑事发案同比下降21.5%[^1]。\n\n第二段北京市刑事案件下降[^2]。\n\n<!-- statcite: references -->\n' +
        `[^1]: ${hb.entry} <!-- statcite rep-hb: stat-crime -->\n` +
        `[^2]: ${bj.entry} <!-- statcite rep-bj: stat-bj -->\n`,
    );
    // The insertion, one digit and the list's lines: nothing else is touched.
    const blockStart = start.indexOf('<!--');
    expect(edits[0]).toEqual({ start: 3, end: 3, text: `${hb.text}[^1]` });
    expect(start.slice(edits[1].start - 2, edits[1].end + 1)).toBe('[^1]');
    expect(edits.slice(2).every((e) => e.start > blockStart)).toBe(true);
  });

  it('the cursor goes right after the new marker: before renumbered markers, and at the end before the new block', () => {
    const start = insert('甲。乙。丙。', 'markdown', 1, bj).text;
    const withTwo = insert(start, 'markdown', start.indexOf('丙') + 1, hb).text;
    const result = insertCitation(parseDraft(withTwo, 'markdown'), 0, { ...hb, key: 'rep-x', id: 's-x', text: '〇' });
    if ('error' in result) throw new Error(result.error);
    const text = applyEdits(withTwo, result.edits);
    expect(text.slice(0, result.cursor)).toBe('〇[^1]');
    const atEnd = insertCitation(parseDraft('甲', 'markdown'), 1, hb);
    if ('error' in atEnd) throw new Error(atEnd.error);
    expect(applyEdits('甲', atEnd.edits).slice(0, atEnd.cursor)).toBe(`甲${hb.text}[^1]`);
  });

  it('markers before the cursor that change length ([^10] → [^1]) move the cursor with them', () => {
    const order = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const body = order.map((n) => `句${n}[^${n}]。`).join('');
    const block = Array.from({ length: 10 }, (_, i) => `[^${i + 1}]: E${i + 1} <!-- statcite k${i + 1}: s${i + 1} -->\n`).join('');
    const draft = `${body}尾\n\n<!-- statcite: references -->\n${block}`;
    const result = insertCitation(parseDraft(draft, 'markdown'), draft.indexOf('尾') + 1, { ...hb, text: '新' });
    if ('error' in result) throw new Error(result.error);
    const text = applyEdits(draft, result.edits);
    expect(text.startsWith('句10[^1]。句1[^2]。')).toBe(true);
    expect(text.slice(0, result.cursor).endsWith('尾新[^11]')).toBe(true);
  });

  it('citing the same work again reuses its number and records the new statistic', () => {
    const once = insert('甲。乙。', 'markdown', 1, hb).text;
    const twice = insert(once, 'markdown', once.indexOf('乙') + 1, { ...hb, id: 'stat-murder', text: '命案下降20.6%' }).text;
    expect(twice).toContain('乙命案下降20.6%[^1]');
    expect(twice).toContain('<!-- statcite rep-hb: stat-crime stat-murder -->');
    expect(twice.match(/^\[\^1\]:/gm)).toHaveLength(1);
  });

  it('a cursor at the start of the list\'s opening line puts the text before the list, never into that line', () => {
    const once = insert('甲。', 'markdown', 1, hb).text;
    const { text } = insert(once, 'markdown', once.indexOf('<!-- statcite: references'), bj);
    expect(text).toContain(`\n\n${bj.text}[^2]\n\n<!-- statcite: references -->\n[^1]: `);
  });

  it('a cursor inside a marker moves after it', () => {
    const once = insert('甲。', 'markdown', 1, hb).text;
    const { text } = insert(once, 'markdown', once.indexOf('[^1]') + 2, bj);
    expect(text.startsWith(`甲${hb.text}[^1]${bj.text}[^2]。`)).toBe(true);
  });

  it('keeps CRLF line ends', () => {
    const { text } = insert('甲。\r\n', 'markdown', 1, hb);
    expect(text).toContain('\r\n\r\n<!-- statcite: references -->\r\n[^1]: ');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('Update References', () => {
  const entryFor = (key: string) => (key === 'rep-hb' ? 'HB NEW' : key === 'rep-bj' ? 'BJ NEW' : undefined);

  it('renumbers after text was moved by hand and drops entries no longer cited', () => {
    const draft =
      '北京[^2]。湖北[^1]。\n\n<!-- statcite: references -->\n' +
      '[^1]: HB <!-- statcite rep-hb: stat-crime -->\n[^2]: BJ <!-- statcite rep-bj: stat-bj -->\n[^3]: OLD <!-- statcite rep-old: stat-x -->\n';
    const result = updateReferences(parseDraft(draft, 'markdown'), entryFor, '参考文献');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(draft, result.edits)).toBe(
      '北京[^1]。湖北[^2]。\n\n<!-- statcite: references -->\n' +
        '[^1]: BJ NEW <!-- statcite rep-bj: stat-bj -->\n[^2]: HB NEW <!-- statcite rep-hb: stat-crime -->\n',
    );
  });

  it('a broken list: lines of the user and a second definition of a number are kept and reported', () => {
    const draft =
      '湖北[^1]。北京[^2]。\n\n<!-- statcite: references -->\n' +
      '[^1]: HB <!-- statcite rep-hb: stat-crime -->\n我手写的一行\n[^1]: DUP\n[^2]: BJ <!-- statcite rep-bj: stat-bj -->\n';
    const parsed = parseDraft(draft, 'markdown');
    expect(parsed.problems.map((p) => p.message)).toEqual(['line 4: reference [^1] is also defined on line 6; StatCite leaves both and their citations as written']);
    const result = updateReferences(parsed, entryFor, '参考文献');
    if ('error' in result) throw new Error(result.error);
    // [^1] is nobody's for sure: it and its line stay; [^2] is StatCite's and is updated in place.
    expect(applyEdits(draft, result.edits)).toBe(draft.replace('[^2]: BJ <!--', '[^2]: BJ NEW <!--'));
  });

  it('names the line of a marker without definition as editors count lines, lone \\r included', () => {
    const draft = '前言。\r\r丙[^5]。\n\n<!-- statcite: references -->\n[^1]: HB <!-- statcite rep-hb: stat-crime -->\n';
    const result = updateReferences(parseDraft(draft, 'markdown'), entryFor, '参考文献');
    if ('error' in result) throw new Error(result.error);
    expect(result.problems.map((p) => p.message)).toContain('line 3: footnote [^5] has no definition; StatCite leaves it as written');
  });

  it('two entries for the same work are merged into the first; a marker without definition is reported and kept', () => {
    const draft =
      '甲[^1]。乙[^2]。丙[^5]。\n\n<!-- statcite: references -->\n' +
      '[^1]: HB <!-- statcite rep-hb: stat-crime -->\n[^2]: HB <!-- statcite rep-hb: stat-murder -->\n';
    const result = updateReferences(parseDraft(draft, 'markdown'), entryFor, '参考文献');
    if ('error' in result) throw new Error(result.error);
    expect(result.problems.map((p) => p.message)).toEqual([
      'line 1: footnote [^5] has no definition; StatCite leaves it as written',
      'references 1 and 2 cite the same source; they are merged',
    ]);
    expect(applyEdits(draft, result.edits)).toBe(
      '甲[^1]。乙[^1]。丙[^5]。\n\n<!-- statcite: references -->\n[^1]: HB NEW <!-- statcite rep-hb: stat-crime stat-murder -->\n',
    );
  });

  it('footnotes the user defined elsewhere are theirs: not markers, not reported', () => {
    const draft = '注释[^1]。\n\n[^1]: 我的脚注\n';
    const parsed = parseDraft(draft, 'markdown');
    expect(parsed.markers).toHaveLength(0);
    expect(parsed.others).toHaveLength(1);
    expect(parsed.reserved).toEqual(new Set([1]));
    expect(parsed.problems).toEqual([]);
  });
});

describe('plain text', () => {
  it('[n] markers and a numbered list under 参考文献; renumbered on an earlier insertion', () => {
    const one = insert('第一段。\n第二段。\n', 'plain', '第一段。\n第二段'.length, bj).text;
    expect(one).toBe(`第一段。\n第二段北京市刑事案件下降[1]。\n\n参考文献\n[1] ${bj.entry} {{statcite rep-bj: stat-bj}}\n`);
    const two = insert(one, 'plain', 3, hb).text;
    expect(two).toBe(
      `第一段湖北省去年刑事发案同比下降21.5%[1]。\n第二段北京市刑事案件下降[2]。\n\n参考文献\n` +
        `[1] ${hb.entry} {{statcite rep-hb: stat-crime}}\n[2] ${bj.entry} {{statcite rep-bj: stat-bj}}\n`,
    );
  });
  it('bracketed numbers that are not in the list are not citations', () => {
    const one = insert('见[2024]号文。', 'plain', 0, hb).text;
    expect(one.startsWith(`${hb.text}[1]见[2024]号文。`)).toBe(true);
  });
});

describe('LaTeX and Pandoc', () => {
  it('LaTeX: \\cite{key} and a comment annotation at the end', () => {
    const draft = '\\begin{document}\n据统计，\n\\end{document}\n';
    const { text } = insert(draft, 'latex', draft.indexOf('，') + 1, { ...hb, text: '湖北省去年刑事发案同比下降21.5\\%' });
    expect(text).toBe(
      '\\begin{document}\n据统计，湖北省去年刑事发案同比下降21.5\\%\\cite{rep-hb}\n\\end{document}\n\n% statcite: references\n% statcite rep-hb: stat-crime\n',
    );
    const again = insert(text, 'latex', 0, { ...hb, id: 'stat-murder', locator: '二、服务管理好有关群体' }).text;
    expect(again).toContain('\\cite[二、服务管理好有关群体]{rep-hb}');
    expect(again).toContain('% statcite rep-hb: stat-crime stat-murder\n');
  });
  it('LaTeX: citations inside comments do not count', () => {
    expect(parseDraft('% \\cite{rep-hb}\n文\\cite{rep-bj}', 'latex').markers.map((m) => m.keys)).toEqual([['rep-bj']]);
  });
  it('Pandoc: [@key]; Update References keeps cited keys the corpus knows and drops the rest', () => {
    const { text } = insert('甲。', 'pandoc', 1, hb);
    expect(text).toBe(`甲${hb.text}[@rep-hb]。\n\n<!-- statcite: references -->\n<!-- statcite rep-hb: stat-crime -->\n`);
    const edited = text.replace('[@rep-hb]', '[@rep-bj; @smith2020]');
    const result = updateReferences(parseDraft(edited, 'pandoc'), (k) => (k === 'rep-bj' ? 'BJ' : undefined), '');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(edited, result.edits)).toContain('<!-- statcite: references -->\n<!-- statcite rep-bj: -->\n');
  });
});
