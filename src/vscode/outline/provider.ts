import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { pageAt } from '../../core/corpus/formats/sourceMap';
import type { CorpusFile, SourceRange } from '../../core/model';
import { summaryOf } from '../../core/corpus/packed';
import type { GroupBy, OutlineEntry } from '../../core/outline/group';
import type { CorpusService } from '../services';
import { pageLabel } from '../textView/uri';
import { childrenOf, topEntries } from './children';
import { statisticLabel } from '../../core/stats/label';
import { countsText } from './counts';
import { articleStatistics, fileStatistics, reportStatistics, type OutlineNode } from './nodes';
import { GROUP_BY, SECTION } from './settings';

export const REVEAL_COMMAND = 'statcite.revealRange';

/** Arguments of the reveal command: open a corpus file with exactly this range selected (and `context` in view). */
function revealCommand(path: string, range: SourceRange, title: string, context?: SourceRange): vscode.Command {
  return { command: REVEAL_COMMAND, title, arguments: [path, range.start, range.end, context] };
}

const GROUPINGS: readonly GroupBy[] = ['auto', 'folder', 'date', 'none'];

/** "2022", "November 2022" (2022年, 2022年11月) in the UI's language. */
function dateLabel(year: number, month?: number): string {
  const format = new Intl.DateTimeFormat(vscode.env.language, { year: 'numeric', month: month ? 'long' : undefined, timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(year, (month ?? 1) - 1, 1)));
}

export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The first level, grouped: computed once per change, however many groups are then opened. */
  private top?: OutlineEntry[];
  private only = false;
  private query = '';
  private readonly statistics = new WeakMap<CorpusFile, number>();
  private pending?: NodeJS.Timeout;

  constructor(private readonly corpus: CorpusService) {
    // Files show as they are read; the welcome view waits for the whole read.
    this.subscription = corpus.onDidChange(() => this.refreshSoon());
  }

  /** Only branches with statistics. */
  get statisticsOnly(): boolean {
    return this.only;
  }
  set statisticsOnly(on: boolean) {
    this.only = on;
    this.refresh();
  }

  /** The outline's own filter (see filterFiles); '' shows everything. */
  get filter(): string {
    return this.query;
  }
  set filter(query: string) {
    this.query = query.trim();
    this.refresh();
  }

  refresh(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.top = undefined;
    this.changed.fire();
  }

  /**
   * A corpus being read changes every tenth of a second: regrouping ten thousand files that often
   * would keep the extension host busy, so the larger the corpus, the longer changes are gathered
   * (up to a second for 10,000 files).
   */
  private refreshSoon(): void {
    this.pending ??= setTimeout(() => this.refresh(), Math.min(1000, this.corpus.lookup().size / 10));
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return childrenOf(node, this.topLevel(), this.only);
  }

  private topLevel(): OutlineEntry[] {
    if (!this.top) {
      const setting = vscode.workspace.getConfiguration(SECTION).get<GroupBy>(GROUP_BY, 'auto');
      this.top = topEntries(this.corpus.files(), this.query, this.only, GROUPINGS.includes(setting) ? setting : 'auto', (f) => this.statisticsOf(f));
    }
    return this.top;
  }

  private statisticsOf(file: CorpusFile): number {
    let n = this.statistics.get(file);
    if (n === undefined) this.statistics.set(file, (n = fileStatistics(file)));
    return n;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return node.parent;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const t = vscode.l10n.t;
    switch (node.kind) {
      case 'group': {
        const { group } = node;
        const label = group.kind === 'folder' ? group.name! : group.kind === 'undated' ? t('No date') : dateLabel(group.year!, group.month);
        const item = new vscode.TreeItem(label, Collapsed);
        const statistics = group.files.reduce((n, f) => n + this.statisticsOf(f), 0);
        item.description = countsText(['file', group.files.length], ['statistic', statistics]);
        if (group.kind === 'folder') {
          item.iconPath = vscode.ThemeIcon.Folder;
          item.resourceUri = vscode.Uri.file(group.path!);
        } else item.iconPath = new vscode.ThemeIcon(group.kind === 'undated' ? 'circle-slash' : 'calendar');
        item.contextValue = 'group';
        return this.finish(item, node);
      }
      case 'file': {
        // Open at first when the files are few; in a group of many, their names are what is looked for.
        const item = new vscode.TreeItem(nodePath.basename(node.file.path), node.parent ? Collapsed : Expanded);
        item.description = countsText(['article', summaryOf(node.file).articles.length], ['statistic', this.statisticsOf(node.file)]);
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
        item.description = countsText(['report', node.article.reports.length], ['statistic', stats]);
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
        item.description = countsText(['section', report.sections.length], ['statistic', stats]);
        item.iconPath = new vscode.ThemeIcon(report.kind === 'news' ? 'note' : 'file-text');
        item.command = revealCommand(node.file.path, report.titleRange, t('Open'));
        item.contextValue = 'report';
        return this.finish(item, node);
      }
      case 'section': {
        const { section } = node;
        const item = new vscode.TreeItem(section.title, section.statistics.length ? Collapsed : None);
        const page = pageAt(node.file.source?.pages, section.range.start);
        item.description = [page === undefined ? '' : pageLabel(page), countsText(['statistic', section.statistics.length])].filter(Boolean).join(' · ') || undefined;
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.command = revealCommand(node.file.path, section.range, t('Open'));
        item.contextValue = 'section';
        return this.finish(item, node);
      }
      case 'statistic': {
        const { statistic } = node;
        const item = new vscode.TreeItem(statisticLabel(statistic), None);
        item.description = [statistic.subject, statistic.page === undefined ? undefined : pageLabel(statistic.page)].filter(Boolean).join(' · ') || undefined;
        item.iconPath = new vscode.ThemeIcon('graph');
        item.tooltip = new vscode.MarkdownString().appendText(statistic.sentence);
        item.command = revealCommand(node.file.path, statistic.range, t('Open'), statistic.sentenceRange);
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
