import type { CorpusFile } from '../../core/model';
import { filterFiles } from '../../core/outline/filter';
import { groupFiles, type GroupBy, type OutlineEntry } from '../../core/outline/group';
import {
  articleStatistics,
  reportStatistics,
  type ArticleNode,
  type FileNode,
  type GroupNode,
  type OutlineNode,
  type ReportNode,
  type SectionNode,
  type StatisticNode,
} from './nodes';

/**
 * The outline's first level: the files the filter keeps (with statisticsOnly, those with
 * statistics), grouped. Without a filter it reads the files' summaries only; a filter looks into
 * the titles of articles and reports, which decodes the files.
 */
export function topEntries(files: CorpusFile[], query: string, statisticsOnly: boolean, groupBy: GroupBy, statisticsOf: (file: CorpusFile) => number): OutlineEntry[] {
  return groupFiles(filterFiles(files, query).filter((f) => !statisticsOnly || statisticsOf(f) > 0), groupBy);
}

/**
 * The tree's shape: groups of files (see groupFiles) → file → article → report → (intro
 * statistics, sections) → statistics. `top` is the outline's first level, already grouped; with
 * statisticsOnly, branches without statistics are left out (files were left out before grouping).
 */
export function childrenOf(node: OutlineNode | undefined, top: OutlineEntry[], statisticsOnly: boolean): OutlineNode[] {
  const keep = <T>(items: T[], count: (item: T) => number): T[] => (statisticsOnly ? items.filter((i) => count(i) > 0) : items);
  if (!node) return top.map((entry) => entryNode(entry, undefined));
  if (node.kind === 'group') return node.group.children.map((entry) => entryNode(entry, node));
  const { file } = node;
  switch (node.kind) {
    case 'file': {
      const problems = file.articles.length
        ? []
        : file.problems.map((problem, i) => ({ kind: 'problem' as const, key: `${node.key}#problem${i}`, file, problem, parent: node }));
      return [
        ...problems,
        ...keep(file.articles, articleStatistics).map((article): ArticleNode => ({ kind: 'article', key: article.id, file, article, parent: node })),
      ];
    }
    case 'article':
      return keep(node.article.reports, reportStatistics).map((report): ReportNode => ({ kind: 'report', key: report.id, file, report, parent: node }));
    case 'report':
      return [
        ...statisticNodes(node, node.report.intro.statistics),
        ...keep(node.report.sections, (s) => s.statistics.length).map(
          (section): SectionNode => ({ kind: 'section', key: section.id, file, section, parent: node }),
        ),
      ];
    case 'section':
      return statisticNodes(node, node.section.statistics);
    default:
      return [];
  }
}

function entryNode(entry: OutlineEntry, parent: GroupNode | undefined): GroupNode | FileNode {
  return entry.kind === 'file'
    ? { kind: 'file', key: `file:${entry.file.path}`, file: entry.file, parent }
    : { kind: 'group', key: entry.key, group: entry, parent };
}

function statisticNodes(parent: ReportNode | SectionNode, statistics: SectionNode['section']['statistics']): StatisticNode[] {
  return statistics.map((statistic) => ({
    kind: 'statistic',
    key: statistic.id,
    file: parent.file,
    statistic,
    statisticId: statistic.id,
    parent,
  }));
}
