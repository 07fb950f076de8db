import { describe, expect, it } from 'vitest';
import { applyEdits, insertCitation } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import { joinList, listEntries, restyleEdits } from '../../../src/core/cite/list';
import { prepareStatistic } from '../../../src/core/cite/prepare';
import { corpusLookup } from '../../../src/core/cite/reference';
import { styleFor, type StyleId } from '../../../src/core/cite/styles';
import { corpus } from './fixture';

const TEMPLATE = '{subject}{period}{metric}{change}{figure}';

/** Cites a statistic after the draft's first sentence, as the editor does: the list joined first. */
function cite(text: string, id: string, styleId: StyleId, lookup = corpusLookup([corpus()])): string {
  const style = styleFor(styleId);
  const draft = parseDraft(text, 'markdown');
  const joined = joinList(draft, prepareStatistic(lookup.statistic(id)!, { style, format: 'markdown', template: TEMPLATE }), lookup, style);
  const result = insertCitation(joined.draft, text.indexOf('。') + 1, joined.request);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

const entries = (text: string) => text.split('\n').filter((l) => l.startsWith('[^'));

describe('the reference list as a whole', () => {
  it('switching style rewrites each StatCite entry in place, nothing else', () => {
    const lookup = corpusLookup([corpus()]);
    let text = cite('甲。', 'stat-crime', 'gbt7714-numeric', lookup);
    text = text.replace('<!-- statcite: references -->\n', '<!-- statcite: references -->\n[^9]: 手写的文献。\n');
    const draft = parseDraft(text, 'markdown');
    const next = applyEdits(text, restyleEdits(draft, listEntries(draft, lookup, styleFor('apa'))));
    expect(entries(next)).toEqual(['[^9]: 手写的文献。', '[^1]: 湖北省委政法委. (n.d.). 着力加强政法基础设施建设. [publication unknown]. <!-- statcite rep-hb: stat-crime -->']);
    expect(next.split('<!--')[0]).toBe(text.split('<!--')[0]);
    expect(restyleEdits(parseDraft(next, 'markdown'), listEntries(parseDraft(next, 'markdown'), lookup, styleFor('apa')))).toEqual([]);
  });

  it('著者-出版年制: a second work of the same author and year turns 2026 into 2026a / 2026b in the list', () => {
    const file = corpus();
    file.metadata = { type: 'N', date: '2026-01-21', publication: '检察日报', page: '3' };
    const [hubei, beijing] = file.articles[0].reports;
    beijing.author = hubei.author;
    beijing.sections = [hubei.sections.shift()!]; // 1377个综治中心 now stands in the second work
    const lookup = corpusLookup([file]);
    const once = cite('甲。', 'stat-crime', 'gbt7714-author-year', lookup);
    expect(entries(once)[0]).toMatch(/^\[\^1\]: 湖北省委政法委, 2026\. 着力加强政法基础设施建设\[N\]/);
    const twice = cite(once, 'stat-centres', 'gbt7714-author-year', lookup);
    const years = entries(twice).map((l) => /, (2026[ab]?)\. /.exec(l)?.[1]);
    expect(years.sort()).toEqual(['2026a', '2026b']);
  });

  it('引文页码: the pages of the statistics a work is cited for, when the metadata gives none', () => {
    const file = corpus();
    file.metadata = { type: 'R', place: '武汉', publisher: '湖北省委政法委', date: '2026' };
    const lookup = corpusLookup([file]);
    lookup.statistic('stat-crime')!.statistic.page = 27;
    lookup.statistic('stat-murder')!.statistic.page = 25;
    const text = cite(cite('甲。', 'stat-crime', 'gbt7714-numeric', lookup), 'stat-murder', 'gbt7714-numeric', lookup);
    const draft = parseDraft(text, 'markdown');
    expect(listEntries(draft, lookup, styleFor('gbt7714-numeric'))('rep-hb')).toBe('湖北省委政法委. 着力加强政法基础设施建设[R]. 武汉: 湖北省委政法委, 2026: 25, 27.');
  });
});
