import { OccurrenceCounter, stableId } from '../ids';
import type { CorpusFile, Report, Section } from '../model';
import { passageText } from '../corpus/walk';
import { extractStatistics, findOrganisation } from './extract';

/**
 * Fills the `statistics` of every section (and of each report's intro) from its passages. Ids hash
 * the section id, the figure, the metric and the occurrence among equal ones in the section —
 * never offsets — so they survive re-reading and edits elsewhere in the file.
 */
export function annotateStatistics(file: CorpusFile): void {
  for (const article of file.articles) {
    const date = article.metadata.date ?? file.metadata.date;
    for (const report of article.reports) {
      const subject = subjectOf(file, report);
      for (const section of [report.intro, ...report.sections]) annotateSection(file.text, section, subject, date);
    }
  }
}

/**
 * Who reports a report's figures: its issuing body; for a news item (whose author is its reporters)
 * the organ its lead names, such as 东至县检察院, or nobody.
 */
function subjectOf(file: CorpusFile, report: Report): string | undefined {
  if (report.kind === 'report') return report.author;
  const lead = report.intro.passages[0] ?? report.sections[0]?.passages[0];
  return lead ? findOrganisation(passageText(file, lead)) : undefined;
}

function annotateSection(text: string, section: Section, subject: string | undefined, date: string | undefined): void {
  const counter = new OccurrenceCounter();
  section.statistics = [];
  for (const passage of section.passages) {
    if (passage.ranges.length === 0) continue;
    for (const stat of extractStatistics(text, { passageId: passage.id, ranges: passage.ranges, subject, date })) {
      const key = `${stat.text}\u0000${stat.metric}`;
      section.statistics.push({ id: stableId('stat', section.id, stat.text, stat.metric, counter.next(key)), ...stat });
    }
  }
}
