/** Small helpers for walking an outlined file: its sections, what stands at an offset, passage text. */
import type { Article, CorpusFile, Passage, Report, Section, SourceRange } from '../model';
import { joinRanges, subRanges } from './text';

export { subRanges };

/** Where a section stands. */
export interface SectionPlace {
  article: Article;
  report: Report;
  section: Section;
}

/** Every section of the file in reading order, each report's intro first. */
export function* sectionsOf(file: CorpusFile): Generator<SectionPlace> {
  for (const article of file.articles) {
    for (const report of article.reports) {
      yield { article, report, section: report.intro };
      for (const section of report.sections) yield { article, report, section };
    }
  }
}

/** A passage's text: its ranges joined (page breaks removed). */
export function passageText(file: CorpusFile, passage: Passage): string {
  return joinRanges(file.text, passage.ranges);
}

/** The file offset of character `index` of the text joined from `ranges` (its end for the end). */
export function sourceOffset(ranges: readonly SourceRange[], index: number): number {
  let offset = 0;
  for (const r of ranges) {
    const len = r.end - r.start;
    if (index < offset + len) return r.start + index - offset;
    offset += len;
  }
  return ranges.length ? ranges[ranges.length - 1].end : 0;
}

/** What stands at a file offset, innermost last; a cursor just after a node still counts as in it. */
export interface Place {
  article?: Article;
  report?: Report;
  section?: Section;
  passage?: Passage;
}

export function locate(file: CorpusFile, offset: number): Place {
  const inside = (r: SourceRange): boolean => r.start <= offset && offset <= r.end;
  for (const article of file.articles) {
    for (const report of article.reports) {
      if (!inside(report.range)) continue;
      const section = [report.intro, ...report.sections].reverse().find((s) => s.range.end > s.range.start && inside(s.range));
      const passage = section?.passages.find((p) => p.ranges.some(inside));
      return { article, report, section, passage };
    }
  }
  // Not in a report: an article's title or note. Articles can nest (a report continued later in
  // the page widens its article), so the smallest containing article is the one meant.
  let best: Article | undefined;
  for (const a of file.articles) {
    if (inside(a.range) && (!best || a.range.end - a.range.start < best.range.end - best.range.start)) best = a;
  }
  return best ? { article: best } : {};
}
