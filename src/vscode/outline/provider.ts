import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { SourceRange } from '../../core/model';
import type { CorpusService } from '../services';
import { childrenOf } from './children';
import { statisticLabel } from '../../core/stats/label';
import { articleStatistics, fileStatistics, reportStatistics, type OutlineNode } from './nodes';

export const REVEAL_COMMAND = 'statcite.revealRange';

/** Arguments of the reveal command: open a corpus file with exactly this range selected. */
function revealCommand(path: string, range: SourceRange, title: string): vscode.Command {
  return { command: REVEAL_COMMAND, title, arguments: [path, range.start, range.end] };
}

/** "3 sections · 12 statistics", leaving out what there is none of. */
function counts(...parts: Array<[label: string, n: number]>): string | undefined {
  return parts.filter(([, n]) => n > 0).map(([label]) => label).join(' · ') || undefined;
}

export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  statisticsOnly = false;

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    // Files show as they are read (onDidChange refreshes); the welcome view waits for the whole read.
    return childrenOf(node, this.corpus.files(), this.statisticsOnly);
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return node.parent;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const t = vscode.l10n.t;
    switch (node.kind) {
      case 'file': {
        const item = new vscode.TreeItem(nodePath.basename(node.file.path), Expanded);
        item.description = counts([t('{0} articles', node.file.articles.length), node.file.articles.length], [t('{0} statistics', fileStatistics(node.file)), fileStatistics(node.file)]);
        item.resourceUri = vscode.Uri.file(node.file.path);
        const broken = node.file.problems.some((p) => p.severity !== 'info');
        item.iconPath = broken ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.File;
        item.tooltip = [node.file.path, ...node.file.problems.map((p) => `⚠ ${p.message}`)].join('\n');
        item.contextValue = 'file';
        return this.finish(item, node);
      }
      case 'article': {
        const item = new vscode.TreeItem(node.article.title || t('(untitled)'), Expanded);
        const stats = articleStatistics(node.article);
        item.description = counts([t('{0} reports', node.article.reports.length), node.article.reports.length], [t('{0} statistics', stats), stats]);
        item.iconPath = new vscode.ThemeIcon('book');
        item.command = revealCommand(node.file.path, node.article.titleRange, t('Open'));
        item.tooltip = node.article.subtitle ? `${node.article.title}\n${node.article.subtitle}` : node.article.title;
        item.contextValue = 'article';
        return this.finish(item, node);
      }
      case 'report': {
        const { report } = node;
        const label = report.author ? `${report.title} — ${report.author}` : report.title;
        const collapsible = report.sections.length || report.intro.statistics.length ? Collapsed : None;
        const item = new vscode.TreeItem(label, collapsible);
        const stats = reportStatistics(report);
        item.description = counts([t('{0} sections', report.sections.length), report.sections.length], [t('{0} statistics', stats), stats]);
        item.iconPath = new vscode.ThemeIcon(report.kind === 'news' ? 'note' : 'file-text');
        item.command = revealCommand(node.file.path, report.titleRange, t('Open'));
        item.contextValue = 'report';
        return this.finish(item, node);
      }
      case 'section': {
        const { section } = node;
        const item = new vscode.TreeItem(section.title, section.statistics.length ? Collapsed : None);
        item.description = section.statistics.length ? t('{0} statistics', section.statistics.length) : undefined;
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.command = revealCommand(node.file.path, section.range, t('Open'));
        item.contextValue = 'section';
        return this.finish(item, node);
      }
      case 'statistic': {
        const { statistic } = node;
        const item = new vscode.TreeItem(statisticLabel(statistic), None);
        item.description = statistic.subject;
        item.iconPath = new vscode.ThemeIcon('graph');
        item.tooltip = new vscode.MarkdownString().appendText(statistic.sentence);
        item.command = revealCommand(node.file.path, statistic.range, t('Open'));
        item.contextValue = 'statistic';
        return this.finish(item, node);
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.problem.message, None);
        item.iconPath = new vscode.ThemeIcon(node.problem.severity === 'info' ? 'info' : 'warning');
        item.command = { command: 'statcite.showLog', title: t('Show Log') };
        item.contextValue = 'problem';
        return this.finish(item, node);
      }
    }
  }

  private finish(item: vscode.TreeItem, node: OutlineNode): vscode.TreeItem {
    item.id = node.key;
    return item;
  }
}
