/**
 * Large outlined files cross to the host in parts. The host deserialises a message in one go, in
 * time that grows with its objects: a 300-page PDF's thousands of passages and statistics in one
 * message would block the extension host for a long moment, so its sections' contents go ahead
 * in slices, each acknowledged, and the file follows without them.
 */
import { sectionsOf } from '../corpus/walk';
import type { CorpusFile, Passage, Statistic } from '../model';

/** Passages and statistics one message carries at most (a few milliseconds to deserialise). */
export const ITEMS_PER_PART = 300;

/** A slice of one section's content: the section by its place in reading order (sectionsOf). */
export interface SectionSlice {
  section: number;
  passages: Passage[];
  statistics: Statistic[];
}

/**
 * The file as parts: slices of its sections' contents, then the file without them (the same
 * object graph otherwise). A small file is one part with no slices and the file itself.
 */
export function splitFile(file: CorpusFile, itemsPerPart = ITEMS_PER_PART): { slices: SectionSlice[][]; shell: CorpusFile } {
  const sections = [...sectionsOf(file)].map((s) => s.section);
  const total = sections.reduce((n, s) => n + s.passages.length + s.statistics.length, 0);
  if (total <= itemsPerPart) return { slices: [], shell: file };
  const parts: SectionSlice[][] = [];
  let part: SectionSlice[] = [];
  let size = 0;
  const flush = (): void => {
    if (part.length) parts.push(part);
    part = [];
    size = 0;
  };
  sections.forEach((section, index) => {
    for (let p = 0, s = 0; p < section.passages.length || s < section.statistics.length; ) {
      const room = itemsPerPart - size;
      const passages = section.passages.slice(p, p + room);
      const statistics = section.statistics.slice(s, s + room - passages.length);
      part.push({ section: index, passages, statistics });
      p += passages.length;
      s += statistics.length;
      size += passages.length + statistics.length;
      if (size >= itemsPerPart) flush();
    }
  });
  flush();
  const shell: CorpusFile = {
    ...file,
    articles: file.articles.map((a) => ({
      ...a,
      reports: a.reports.map((r) => ({
        ...r,
        intro: { ...r.intro, passages: [], statistics: [] },
        sections: r.sections.map((s) => ({ ...s, passages: [], statistics: [] })),
      })),
    })),
  };
  return { slices: parts, shell };
}

/** The file whole again, from its shell and the slices that went ahead of it, in order. */
export function joinFile(shell: CorpusFile, slices: readonly SectionSlice[]): CorpusFile {
  if (!slices.length) return shell;
  const sections = [...sectionsOf(shell)].map((s) => s.section);
  for (const { section, passages, statistics } of slices) {
    sections[section].passages.push(...passages);
    sections[section].statistics.push(...statistics);
  }
  return shell;
}
