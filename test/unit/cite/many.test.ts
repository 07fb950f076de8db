import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';
import { insertCitations } from '../../../src/core/cite/many';
import { prepareStatistic, type PreparedCitation } from '../../../src/core/cite/prepare';
import { corpusLookup } from '../../../src/core/cite/reference';
import { styleFor } from '../../../src/core/cite/styles';
import { corpus } from './fixture';

const lookup = corpusLookup([corpus()]);
const style = styleFor('gbt7714-numeric');
const cite = (id: string, format: DraftFormat): PreparedCitation =>
  prepareStatistic(lookup.statistic(id)!, { style, format, template: '{metric}{change}{figure}' });

describe('several citations at one place', () => {
  it('Markdown: one edit holding every sentence and marker, the list numbered by first citation, one entry per report', () => {
    const text = '# 草稿\n\n第一段。\n';
    const at = text.indexOf('。');
    const result = insertCitations(text, 'markdown', at, ['stat-crime', 'stat-centres', 'stat-murder'].map((id) => cite(id, 'markdown')), lookup, style);
    if ('error' in result) throw new Error(result.error);
    expect(result.edits).toHaveLength(1);
    const out = applyEdits(text, result.edits);
    expect(out).toContain('第一段刑事发案同比下降21.5%[^1]；四级综治中心1377个[^1]；现发命案下降20.6%[^1]。');
    expect(out).toMatch(/\[\^1\]: .*<!-- statcite rep-hb: stat-crime stat-centres stat-murder -->/);
    expect(out.match(/^\[\^\d+\]:/gm)).toHaveLength(1);
    expect(out.slice(result.cursor)).toBe(out.slice(out.indexOf('。')));
  });

  it('the same as citing one after the other', () => {
    const text = '前文。\n\n后文。\n';
    const later = insertCitation(parseDraft(text, 'plain'), text.indexOf('后文') + 2, cite('stat-crime', 'plain').request);
    if ('error' in later) throw new Error(later.error);
    const drafted = applyEdits(text, later.edits);
    const both = [cite('stat-centres', 'plain'), cite('stat-murder', 'plain')];
    const result = insertCitations(drafted, 'plain', drafted.indexOf('前文') + 2, both, lookup, style);
    if ('error' in result) throw new Error(result.error);
    let oneByOne = drafted;
    let at = drafted.indexOf('前文') + 2;
    for (const [i, p] of both.entries()) {
      const step = insertCitation(parseDraft(oneByOne, 'plain'), at, { ...p.request, text: (i ? '；' : '') + p.request.text });
      if ('error' in step) throw new Error(step.error);
      oneByOne = applyEdits(oneByOne, step.edits);
      at = step.cursor!;
    }
    expect(applyEdits(drafted, result.edits)).toBe(oneByOne);
    expect(oneByOne.startsWith('前文四级综治中心1377个[1]；现发命案下降20.6%[1]。\n\n后文刑事发案同比下降21.5%[1]。')).toBe(true);
  });

  it('one citation keeps insertCitation’s own edits; a refusal is passed on', () => {
    const text = 'x\n';
    const one = cite('stat-crime', 'markdown');
    expect(insertCitations(text, 'markdown', 1, [one], lookup, style)).toEqual(insertCitation(parseDraft(text, 'markdown'), 1, one.request));
    const refused = insertCitations(text, 'markdown', 99, [one, cite('stat-murder', 'markdown')], lookup, style);
    expect('error' in refused && refused.error).toContain('outside');
  });
});
