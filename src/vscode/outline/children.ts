import type { CorpusFile } from '../../core/model';
import {
  articleStatistics,
  fileStatistics,
  reportStatistics,
  type ArticleNode,
  type FileNode,
  type OutlineNode,
  type ReportNode,
  type SectionNode,
  type StatisticNode,
} from './nodes';

/**
 * The tree's shape: file → article → report → (intro statistics, sections) → statistics.
 * With statisticsOnly, branches without statistics are left out.
 */
export function childrenOf(node: OutlineNode | undefined, files: CorpusFile[], statisticsOnly: boolean): OutlineNode[] {
  const keep = <T>(items: T[], count: (item: T) => number): T[] => (statisticsOnly ? items.filter((i) => count(i) > 0) : items);
  if (!node) {
    return keep(files, fileStatistics)
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((file): FileNode => ({ kind: 'file', key: `file:${file.path}`, file }));
  }
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
