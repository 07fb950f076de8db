import { describe, expect, it } from 'vitest';
import { citationAt, resolveCitations } from '../../../src/core/cite/citations';
import { applyEdits, insertCitation } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';
import { prepareStatistic } from '../../../src/core/cite/prepare';
import { corpusLookup } from '../../../src/core/cite/reference';
import { styleFor } from '../../../src/core/cite/styles';
import { verifyDraft } from '../../../src/core/cite/verify';
import { corpus } from './fixture';

const lookup = corpusLookup([corpus()]);
const style = styleFor('gbt7714-numeric');

function cite(text: string, format: DraftFormat, id: string, offset = text.length): string {
  const prepared = prepareStatistic(lookup.statistic(id)!, { style, format, template: '{subject}{period}{metric}{change}{figure}' });
  const result = insertCitation(parseDraft(text, format), offset, prepared.request);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

describe('verify', () => {
  it('a cited figure that matches its source gives no finding but the missing metadata', () => {
    const draft = cite('据统计，', 'markdown', 'stat-crime');
    expect(draft).toContain('湖北省去年刑事发案同比下降21.5%[^1]');
    expect(draft).toContain('[^1]: 湖北省委政法委. 着力加强政法基础设施建设[N]. [报纸名不详], [出版日期不详]\\(版次不详). <!-- statcite rep-hb: stat-crime -->');
    const findings = verifyDraft(parseDraft(draft, 'markdown'), lookup, style);
    expect(findings.map((f) => f.code)).toEqual(['missing-metadata']);
    expect(findings[0].message).toBe(
      "reference [1] lacks publication, date, page (GB/T 7714-2015); add them to the corpus sidecar (statcite.meta.json) or the file's front matter",
    );
  });

  it('a changed figure: 21.6% in the draft, 21.5% in the source, with a fix that writes 21.5', () => {
    const draft = cite('据统计，', 'markdown', 'stat-crime').replace('21.5%', '21.6%');
    const findings = verifyDraft(parseDraft(draft, 'markdown'), lookup, style).filter((f) => f.code === 'figure-mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('the draft says 21.6%, the source says 21.5% (刑事发案, “着力加强政法基础设施建设”)');
    expect(draft.slice(findings[0].range.start, findings[0].range.end)).toBe('21.6');
    expect(applyEdits(draft, [findings[0].fix!])).toBe(draft.replace('21.6%', '21.5%'));
  });

  it('two statistics of one work: each marker is matched by its figure or its metric', () => {
    let draft = cite('甲：', 'markdown', 'stat-crime');
    draft = cite(draft, 'markdown', 'stat-murder', draft.indexOf('[^1]') + 4);
    draft = draft.replace('20.6%', '20.7%');
    const citations = resolveCitations(parseDraft(draft, 'markdown'), lookup);
    expect(citations.map((c) => c.statistic?.id)).toEqual(['stat-crime', 'stat-murder']);
    const findings = verifyDraft(parseDraft(draft, 'markdown'), lookup, style).filter((f) => f.code === 'figure-mismatch');
    expect(findings.map((f) => f.statisticId)).toEqual(['stat-murder']);
  });

  it('LaTeX: 21.5\\% is read as 21.5%', () => {
    const draft = cite('\\begin{document}\n', 'latex', 'stat-crime');
    expect(draft).toContain('同比下降21.5\\%\\cite{rep-hb}');
    const parsed = parseDraft(draft, 'latex');
    expect(verifyDraft(parsed, lookup, style).filter((f) => f.code === 'figure-mismatch')).toEqual([]);
    const changed = parseDraft(draft.replace('21.5\\%', '21.4\\%'), 'latex');
    expect(verifyDraft(changed, lookup, style).filter((f) => f.code === 'figure-mismatch')).toHaveLength(1);
  });

  it('statistics and works that are gone from the corpus', () => {
    const draft =
      '甲[^1]。乙[^2]。\n\n<!-- statcite: references -->\n' +
      '[^1]: X <!-- statcite rep-hb: stat-gone -->\n[^2]: Y <!-- statcite rep-gone: stat-x -->\n';
    const findings = verifyDraft(parseDraft(draft, 'markdown'), lookup, style);
    expect(findings.filter((f) => f.code !== 'missing-metadata').map((f) => [f.code, f.message])).toEqual([
      ['missing-statistic', 'citation [1]: stat-gone no longer exists in “着力加强政法基础设施建设” (the source changed); cite the figure again'],
      ['missing-source', 'citation [2]: its source (rep-gone) is no longer in the corpus'],
    ]);
  });

  it('citationAt finds the citation over its marker and over its figure', () => {
    const draft = cite('据统计，', 'markdown', 'stat-crime');
    const citations = resolveCitations(parseDraft(draft, 'markdown'), lookup);
    expect(citationAt(citations, draft.indexOf('[^1]') + 1)?.statistic?.id).toBe('stat-crime');
    expect(citationAt(citations, draft.indexOf('21.5') + 1)?.statistic?.id).toBe('stat-crime');
    expect(citationAt(citations, 1)).toBeUndefined();
  });
});
