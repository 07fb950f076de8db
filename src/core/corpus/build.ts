/**
 * Drafts → model. Both readers describe what they found as drafts (titles and ranges only); this
 * module derives the extents and gives every node its stable id, so the id rules live in one place:
 * article ← the file's name + its title; report ← article id + title; section ← report id +
 * heading; passage ← section id + the passage's opening characters; each with its occurrence among
 * equal siblings. Ids identify content within a file, never offsets or folders (see ids.ts).
 */
import { fileSeed, OccurrenceCounter, stableId } from '../ids';
import type { Article, Metadata, Passage, Problem, Report, Section, SourceRange } from '../model';

/** What a reader gives back for one file's text. */
export interface Outline {
  articles: Article[];
  problems: Problem[];
  /** The file's metadata: the host's (sidecar) with what the file states added. */
  metadata: Metadata;
}

export interface DraftSection {
  /** '' for a report's intro. */
  title: string;
  titleRanges: SourceRange[];
  /** Each passage is one or more ranges (several when a page break splits the paragraph). */
  passages: SourceRange[][];
}

export interface DraftReport {
  kind: 'report' | 'news';
  title: string;
  titleRange: SourceRange;
  author?: string;
  authorRange?: SourceRange;
  intro: DraftSection;
  sections: DraftSection[];
}

export interface DraftArticle {
  title: string;
  titleRange: SourceRange;
  subtitle?: string;
  note?: SourceRange;
  reports: DraftReport[];
  metadata: Metadata;
}

/** Characters of a passage that identify it among its section's passages. */
const PASSAGE_KEY = 16;

export function draftSection(title = '', titleRanges: SourceRange[] = []): DraftSection {
  return { title, titleRanges, passages: [] };
}

/** The articles of the file at `path` (its name seeds their ids). */
export function buildArticles(text: string, drafts: DraftArticle[], path: string): Article[] {
  const articleOcc = new OccurrenceCounter();
  const seed = fileSeed(path);
  return drafts.map((d) => {
    const id = stableId('art', seed, d.title, articleOcc.next(d.title));
    const reportOcc = new OccurrenceCounter();
    const reports = d.reports.map((r) => buildReport(text, r, id, reportOcc.next(r.title)));
    let end = d.titleRange.end;
    if (d.note) end = Math.max(end, d.note.end);
    for (const r of reports) end = Math.max(end, r.range.end);
    const article: Article = {
      id,
      title: d.title,
      titleRange: d.titleRange,
      range: { start: Math.min(d.titleRange.start, d.note?.start ?? Infinity), end },
      reports,
      metadata: d.metadata,
    };
    if (d.subtitle !== undefined) article.subtitle = d.subtitle;
    if (d.note) article.note = d.note;
    return article;
  });
}

function buildReport(text: string, d: DraftReport, articleId: string, occurrence: number): Report {
  const id = stableId('rep', articleId, d.title, occurrence);
  const sectionOcc = new OccurrenceCounter();
  const headerEnd = Math.max(d.titleRange.end, d.authorRange?.end ?? 0);
  const intro = buildSection(text, d.intro, id, sectionOcc.next(''), headerEnd);
  const sections = d.sections.map((s) => buildSection(text, s, id, sectionOcc.next(s.title), headerEnd));
  let end = Math.max(headerEnd, intro.range.end);
  for (const s of sections) end = Math.max(end, s.range.end);
  const report: Report = {
    id,
    kind: d.kind,
    title: d.title,
    titleRange: d.titleRange,
    range: { start: d.titleRange.start, end },
    intro,
    sections,
  };
  if (d.author !== undefined) report.author = d.author;
  if (d.authorRange) report.authorRange = d.authorRange;
  return report;
}

function buildSection(text: string, d: DraftSection, reportId: string, occurrence: number, emptyAt: number): Section {
  const id = stableId('sec', reportId, d.title, occurrence);
  const passageOcc = new OccurrenceCounter();
  const passages: Passage[] = d.passages.map((ranges) => {
    const first = ranges[0];
    const key = text.slice(first.start, Math.min(first.end, first.start + PASSAGE_KEY));
    return { id: stableId('par', id, key, passageOcc.next(key)), ranges };
  });
  const start = d.titleRanges[0]?.start ?? d.passages[0]?.[0].start ?? emptyAt;
  let end = start;
  for (const r of d.titleRanges) end = Math.max(end, r.end);
  for (const p of d.passages) end = Math.max(end, p[p.length - 1].end);
  return { id, title: d.title, titleRanges: d.titleRanges, range: { start, end }, passages, statistics: [] };
}
