import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation, type CiteRequest } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import { insertCitations } from '../../../src/core/cite/many';

const request = (key: string, id: string, text: string): CiteRequest => ({ key, id, text, entry: `${key} 的条目`, heading: '参考文献' });
const hb = request('rep-hb', 'stat-crime', '湖北省刑事发案下降21.5%');
const fj = request('rep-fj', 'stat-minor', '福建省未成年人犯罪人数下降35.4%');
const hb2 = request('rep-hb', 'stat-centres', '湖北省建设综治中心1377个');

describe('several citations at one place', () => {
  it('Markdown: one edit holding every sentence and marker, the list numbered by first citation, one entry per report', () => {
    const text = '# 草稿\n\n第一段。\n';
    const at = text.indexOf('。');
    const result = insertCitations(text, 'markdown', at, [hb, fj, hb2]);
    if ('error' in result) throw new Error(result.error);
    expect(result.edits).toHaveLength(1);
    const out = applyEdits(text, result.edits);
    expect(out).toContain('第一段湖北省刑事发案下降21.5%[^1]；福建省未成年人犯罪人数下降35.4%[^2]；湖北省建设综治中心1377个[^1]。');
    expect(out).toContain('[^1]: rep-hb 的条目 <!-- statcite rep-hb: stat-crime stat-centres -->');
    expect(out).toContain('[^2]: rep-fj 的条目 <!-- statcite rep-fj: stat-minor -->');
    expect(out.slice(result.cursor)).toBe(out.slice(out.indexOf('。')));
  });

  it('the same as citing one after the other, with earlier citations renumbered', () => {
    const text = '前文。\n\n后文。\n';
    const first = insertCitation(parseDraft(text, 'plain'), text.indexOf('后文') + 2, fj);
    if ('error' in first) throw new Error(first.error);
    const drafted = applyEdits(text, first.edits);
    const result = insertCitations(drafted, 'plain', drafted.indexOf('前文') + 2, [hb, fj]);
    if ('error' in result) throw new Error(result.error);
    const out = applyEdits(drafted, result.edits);
    expect(out.startsWith('前文湖北省刑事发案下降21.5%[1]；福建省未成年人犯罪人数下降35.4%[2]。\n\n后文福建省未成年人犯罪人数下降35.4%[2]。')).toBe(true);
    expect(out).toMatch(/参考文献\n\[1\] rep-hb 的条目 .*\n\[2\] rep-fj 的条目 \{\{statcite rep-fj: stat-minor\}\}\n$/);
  });

  it('one citation keeps insertCitation’s own edits; a refusal is passed on', () => {
    const text = 'x\n';
    expect(insertCitations(text, 'markdown', 1, [hb])).toEqual(insertCitation(parseDraft(text, 'markdown'), 1, hb));
    const refused = insertCitations(text, 'markdown', 99, [hb, fj]);
    expect('error' in refused && refused.error).toContain('outside');
  });
});
