/** Builds small CorpusFile objects for the search tests, with ranges that point into their text. */
import type { CorpusFile, Passage, Report, Section, Statistic } from '../../../src/core/model';
import { SHIPPED_METRIC_KEYS } from '../../../src/core/stats/metricKey';

export interface ReportSpec {
  title: string;
  author?: string;
  /** The first section is the intro (no heading); give it title ''. */
  sections: Array<{ title: string; paragraphs: string[]; stats?: Array<{ figure: string; metric: string }> }>;
}

export function buildFile(path: string, articleTitle: string, reports: ReportSpec[]): CorpusFile {
  let text = `${articleTitle}\n\n`;
  const add = (s: string): { start: number; end: number } => {
    const start = text.length;
    text += `${s}\n\n`;
    return { start, end: start + s.length };
  };
  const id = (...parts: string[]): string => `${path}#${parts.join('/')}`;
  const built: Report[] = reports.map((spec, r) => {
    const titleRange = add(spec.title);
    const authorRange = spec.author ? add(spec.author) : undefined;
    const sections: Section[] = spec.sections.map((s, k) => {
      const titleRanges = s.title ? [add(s.title)] : [];
      const passages: Passage[] = [];
      const statistics: Statistic[] = [];
      s.paragraphs.forEach((p, n) => {
        const range = add(p);
        const passage = { id: id(`r${r}`, `s${k}`, `p${n}`), ranges: [range] };
        passages.push(passage);
        for (const stat of s.stats ?? []) {
          const at = p.indexOf(stat.figure);
          if (at === -1) continue;
          const sentenceStart = p.lastIndexOf('。', at) + 1;
          const stop = p.indexOf('。', at);
          const sentenceEnd = stop === -1 ? p.length : stop + 1;
          statistics.push({
            id: id(`r${r}`, `s${k}`, stat.figure),
            range: { start: range.start + at, end: range.start + at + stat.figure.length },
            text: stat.figure,
            value: parseFloat(stat.figure),
            unit: stat.figure.replace(/^[\d.]+/, ''),
            kind: stat.figure.endsWith('%') ? 'percent' : 'count',
            approx: false,
            metric: stat.metric,
            metricKey: SHIPPED_METRIC_KEYS.keyOf(stat.metric),
            subject: spec.author,
            sentence: p.slice(sentenceStart, sentenceEnd),
            sentenceRange: { start: range.start + sentenceStart, end: range.start + sentenceEnd },
            passageId: passage.id,
          });
        }
      });
      const first = titleRanges[0] ?? passages[0]?.ranges[0] ?? { start: text.length, end: text.length };
      return { id: id(`r${r}`, `s${k}`), title: s.title, titleRanges, range: { start: first.start, end: text.length }, passages, statistics };
    });
    return {
      id: id(`r${r}`),
      kind: 'report',
      title: spec.title,
      titleRange,
      author: spec.author,
      authorRange,
      range: { start: titleRange.start, end: text.length },
      intro: sections[0],
      sections: sections.slice(1),
    };
  });
  return {
    path,
    encoding: 'utf-8',
    text,
    metadata: {},
    articles: [{ id: id('a'), title: articleTitle, titleRange: { start: 0, end: articleTitle.length }, range: { start: 0, end: text.length }, reports: built, metadata: {} }],
    problems: [],
  };
}
