import { sectionsOf } from '../../core/corpus/walk';
import type { Article, CorpusFile, Report, Section, Statistic } from '../../core/model';

/** A statistic with the report and section it stands in. */
export interface PlacedStatistic {
  statistic: Statistic;
  report: Report;
  section: Section;
}

/**
 * The statistics of each read file in text order, found by offset; computed once per decoding.
 * Kept by the file's decoded articles, not by the file: the corpus holds every file, and the
 * statistics of each file ever shown would otherwise stay with it (packed.ts lets them go).
 */
export class StatisticLookup {
  private readonly byFile = new WeakMap<Article[], PlacedStatistic[]>();

  all(file: CorpusFile): PlacedStatistic[] {
    let placed = this.byFile.get(file.articles);
    if (!placed) {
      placed = [...sectionsOf(file)].flatMap(({ report, section }) => section.statistics.map((statistic) => ({ statistic, report, section })));
      placed.sort((a, b) => a.statistic.range.start - b.statistic.range.start);
      this.byFile.set(file.articles, placed);
    }
    return placed;
  }

  /** The statistic whose figure covers `offset` (its end included, where a hover often lands). */
  at(file: CorpusFile, offset: number): PlacedStatistic | undefined {
    const placed = this.all(file);
    let lo = 0;
    let hi = placed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const { start, end } = placed[mid].statistic.range;
      if (end < offset) lo = mid + 1;
      else if (start > offset) hi = mid - 1;
      else return placed[mid];
    }
    return undefined;
  }
}
