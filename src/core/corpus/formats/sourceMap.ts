/** From the extracted text back to the original (model.ts SourceMap): a PDF's pages, an HTML page's elements. */
import type { CorpusFile } from '../../model';
import { sectionsOf } from '../walk';
import { partitionPoint } from '../../partition';

/** Index of the last of `count` ascending starts at or before `offset` (0 when none is). */
function lastStartAtOrBefore(count: number, start: (i: number) => number, offset: number): number {
  return Math.max(0, partitionPoint(count, (i) => start(i) <= offset) - 1);
}

/** The 1-based page holding `offset`, given where each page begins; undefined without pages. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  // Empty pages share their start with the next: the last page starting there holds the text.
  return pages?.length ? lastStartAtOrBefore(pages.length, (i) => pages[i], offset) + 1 : undefined;
}

/** The offset in the original (the decoded HTML page) of the block holding `offset` of the extracted text. */
export function originalOffset(anchors: ReadonlyArray<[number, number]> | undefined, offset: number): number | undefined {
  return anchors?.length ? anchors[lastStartAtOrBefore(anchors.length, (i) => anchors[i][0], offset)][1] : undefined;
}

/** Gives every passage and statistic of a paged file its page. */
export function assignPages(file: CorpusFile): void {
  const pages = file.source?.pages;
  if (!pages?.length) return;
  for (const { section } of sectionsOf(file)) {
    for (const passage of section.passages) passage.page = pageAt(pages, passage.ranges[0]?.start ?? 0);
    for (const statistic of section.statistics) statistic.page = pageAt(pages, statistic.range.start);
  }
}
