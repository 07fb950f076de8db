/** Pages of a paged source (PDF): which page an offset of its extracted text is on. */
import type { CorpusFile } from '../../model';
import { sectionsOf } from '../walk';

/** The 1-based page holding `offset`, given where each page begins; undefined without pages. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  // The last page that begins at or before the offset (empty pages share their start with the next).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
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
