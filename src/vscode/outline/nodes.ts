import type { Article, CorpusFile, Problem, Report, Section, Statistic } from '../../core/model';
import type { GroupEntry } from '../../core/outline/group';
import { summaryOf } from '../../core/corpus/packed';

/** Tree elements: plain data with a parent link (TreeView.reveal needs getParent). */
export type OutlineNode = GroupNode | FileNode | ArticleNode | ReportNode | SectionNode | StatisticNode | ProblemNode;

/** A folder, year, month or "no date" of a large corpus. */
export interface GroupNode {
  kind: 'group';
  key: string;
  group: GroupEntry;
  parent?: GroupNode;
}
export interface FileNode {
  kind: 'file';
  key: string;
  file: CorpusFile;
  parent?: GroupNode;
}
export interface ArticleNode {
  kind: 'article';
  key: string;
  file: CorpusFile;
  article: Article;
  parent: FileNode;
}
export interface ReportNode {
  kind: 'report';
  key: string;
  file: CorpusFile;
  report: Report;
  parent: ArticleNode;
}
export interface SectionNode {
  kind: 'section';
  key: string;
  file: CorpusFile;
  section: Section;
  parent: ReportNode;
}
/** `statisticId` is what commands on a statistic node (cite, copy) receive. */
export interface StatisticNode {
  kind: 'statistic';
  key: string;
  file: CorpusFile;
  statistic: Statistic;
  statisticId: string;
  parent: ReportNode | SectionNode;
}
export interface ProblemNode {
  kind: 'problem';
  key: string;
  file: CorpusFile;
  problem: Problem;
  parent: FileNode;
}

/** Counts shown next to the nodes and used by the statistics-only filter. */
function countStatistics(sections: Section[]): number {
  return sections.reduce((n, s) => n + s.statistics.length, 0);
}

export function reportStatistics(report: Report): number {
  return countStatistics([report.intro, ...report.sections]);
}

export function articleStatistics(article: Article): number {
  return article.reports.reduce((n, r) => n + reportStatistics(r), 0);
}

/** From the file's summary: counting a whole file's statistics must not decode it. */
export function fileStatistics(file: CorpusFile): number {
  return summaryOf(file).statistics;
}
