import * as vscode from 'vscode';
import { locate, passageText } from '../../core/corpus/walk';
import { resultHeading } from '../../core/search/label';
import { isEmptyQuery, parseQuery, type QueryError } from '../../core/search/query/parse';
import type { SearchResult } from '../../core/search/types';
import type { Services } from '../services';
import { pageLabel } from '../textView/uri';
import { CITE_STATISTIC_COMMAND, OPEN_RESULT_COMMAND, SEARCH_VISIBLE_CONTEXT } from './settings';

/** Wait after the last keystroke before searching: fast typists send one request, not five. */
const DEBOUNCE_MS = 120;
const LIMIT = 50;

interface Item extends vscode.QuickPickItem {
  result?: SearchResult;
  /** Accepting the item searches for this instead. */
  suggestion?: string;
  /** Accepting the item runs this command. */
  command?: string;
  /** Accepting the item adds this example of the query language to the query. */
  example?: string;
}

/** The query language by example (the help button, and the empty box). */
const syntax = (): Array<[example: string, explanation: string]> => [
  ['"信访工作法治化"', vscode.l10n.t('exact phrase (full- and half-width, upper and lower case alike)')],
  ['-北京', vscode.l10n.t('leave out results with this word (also -"phrase", -kind:rank)')],
  ['化解率 >98%', vscode.l10n.t('statistics above a figure: > >= < <= =, units scaled as written (>=100亿元)')],
  ['10..20万人', vscode.l10n.t('statistics between two figures')],
  ['metric:化解率', vscode.l10n.t('what the figure measures')],
  ['subject:湖北', vscode.l10n.t('who or what the figure is about')],
  ['period:2025', vscode.l10n.t('the period the figure is for')],
  ['kind:percent,change', vscode.l10n.t('kind of statistic: count, amount, percent, change, streak, rank, duration (commas: any of them)')],
  ['report:政法', vscode.l10n.t('in reports or pages whose title holds this')],
  ['file:2025', vscode.l10n.t('in files whose path holds this')],
  ['date:2025-01..2025-06', vscode.l10n.t('articles dated in a year, month, day or range')],
];

/**
 * The command-palette search: searches as you type, shows title, report › section and a snippet
 * per result, opens the chosen one at its range. Copy and cite are item buttons and, for the
 * keyboard, the commands copyActive / citeActive while the pick is open.
 */
/** One article or report to search in, from the outline. */
export interface SearchScope {
  label: string;
  articleId?: string;
  reportId?: string;
}

export class QuickSearch implements vscode.Disposable {
  private readonly pick = vscode.window.createQuickPick<Item>();
  private readonly disposables: vscode.Disposable[] = [this.pick];
  private statisticsOnly = false;
  private timer?: NodeJS.Timeout;
  private generation = 0;
  private titleBase = '';

  private readonly copyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy text (Ctrl+Alt+C)') };
  private readonly citeButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Cite statistic (Alt+Enter)') };
  private readonly helpButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('question'), tooltip: vscode.l10n.t('Query syntax: phrases, exclusions, fields, figure conditions') };

  constructor(
    private readonly services: Services,
    initialQuery: string,
    private readonly scope?: SearchScope,
  ) {
    const pick = this.pick;
    this.showTitle(this.heading());
    pick.placeholder = vscode.l10n.t('Search passages and statistics, e.g. 未成年人犯罪 下降 · "exact phrase" · -word · metric:化解率 · >98% · date:2025 (? for more)');
    // Results come ranked from the index: VS Code must neither hide nor re-sort them. It still
    // marks where the typed text occurs in label, description and snippet.
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    (pick as vscode.QuickPick<Item> & { sortByLabel?: boolean }).sortByLabel = false;
    this.updateButtons();
    this.disposables.push(
      pick.onDidChangeValue((value) => this.schedule(value)),
      pick.onDidAccept(() => this.accept()),
      pick.onDidTriggerButton((button) => {
        if (button === this.helpButton) {
          pick.items = this.syntaxItems();
          return;
        }
        this.statisticsOnly = !this.statisticsOnly;
        this.updateButtons();
        void this.search(pick.value);
      }),
      pick.onDidTriggerItemButton(({ item, button }) => {
        if (!item.result) return;
        if (button === this.copyButton) void this.copy(item.result);
        else if (button === this.citeButton) void this.cite(item.result);
      }),
      pick.onDidHide(() => this.dispose()),
      // Once the corpus is read and indexed, the query is asked again: it may find more now.
      services.corpus.onDidChangeActivity(() => (services.corpus.activity === undefined ? void this.search(pick.value) : this.showTitle())),
    );
    void vscode.commands.executeCommand('setContext', SEARCH_VISIBLE_CONTEXT, true);
    pick.value = initialQuery;
    pick.show();
    void this.search(initialQuery);
  }

  /**
   * The title (`base`: where it searches and what it found), with what the corpus is still doing:
   * while it is read or indexed, a search finds only the files indexed so far.
   */
  private showTitle(base = this.titleBase): void {
    this.titleBase = base;
    const activity = this.services.corpus.activity;
    this.pick.title = activity ? vscode.l10n.t('{0} — {1}: results so far', base, activity) : base;
  }

  /** "Search Corpus", or where a scoped search looks. */
  private heading(): string {
    return this.scope ? vscode.l10n.t('Search in {0}', this.scope.label) : vscode.l10n.t('Search Corpus');
  }

  /** The focused result, for the keyboard commands. */
  get active(): SearchResult | undefined {
    return this.pick.activeItems[0]?.result;
  }

  dispose(): void {
    clearTimeout(this.timer);
    void vscode.commands.executeCommand('setContext', SEARCH_VISIBLE_CONTEXT, false);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  async copy(result: SearchResult): Promise<void> {
    await vscode.env.clipboard.writeText(this.fullText(result));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied'), 2000);
  }

  async cite(result: SearchResult): Promise<void> {
    if (result.kind !== 'statistic') return;
    this.pick.hide();
    try {
      await vscode.commands.executeCommand(CITE_STATISTIC_COMMAND, result.id);
    } catch (err) {
      this.services.log.error(`search: cite ${result.id}: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Citing is not available: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  private schedule(value: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(value), DEBOUNCE_MS);
  }

  private async search(query: string): Promise<void> {
    const generation = ++this.generation;
    const parsed = parseQuery(query);
    if (!parsed.ok || isEmptyQuery(parsed.query)) {
      this.pick.busy = false;
      this.showTitle(parsed.ok ? this.heading() : vscode.l10n.t('{0}: the query needs a fix', this.heading()));
      this.pick.items = parsed.ok ? this.syntaxItems() : [this.errorItem(query, parsed.error), ...this.syntaxItems()];
      return;
    }
    this.pick.busy = true;
    let results: SearchResult[];
    try {
      results = await this.services.corpus.search(query, {
        limit: LIMIT,
        prefixLast: true,
        statisticsOnly: this.statisticsOnly,
        articleId: this.scope?.articleId,
        reportId: this.scope?.reportId,
      });
    } catch (err) {
      this.services.log.error(`search: "${query.slice(0, 80)}": ${err instanceof Error ? err.message : String(err)}`);
      results = [];
    }
    // A slower answer to an older query must not replace a newer one.
    if (generation !== this.generation) return;
    this.pick.busy = false;
    const count =
      results.length === 0
        ? vscode.l10n.t('no results')
        : results.length >= LIMIT
          ? vscode.l10n.t('first {0} results', LIMIT)
          : results.length === 1
            ? vscode.l10n.t('1 result')
            : vscode.l10n.t('{0} results', results.length);
    this.showTitle(vscode.l10n.t('{0}: {1}', this.heading(), count));
    this.pick.items = results.length ? results.map((r) => this.item(r)) : this.suggestions(query);
  }

  private item(result: SearchResult): Item {
    const statistic = result.kind === 'statistic' ? this.services.corpus.statistic(result.id)?.statistic : undefined;
    const { label, description } = resultHeading(result, statistic);
    return {
      label: `${statistic ? '$(graph)' : '$(file-text)'} ${label}`,
      description: [description, result.page === undefined ? '' : pageLabel(result.page)].filter(Boolean).join(' · '),
      detail: result.snippet,
      alwaysShow: true,
      buttons: result.kind === 'statistic' ? [this.citeButton, this.copyButton] : [this.copyButton],
      result,
    };
  }

  /** What is wrong with the query, and where: the part is marked «…». */
  private errorItem(query: string, error: QueryError): Item {
    return {
      label: `$(error) ${vscode.l10n.t(error.template, ...error.args)}`,
      detail: `${query.slice(0, error.start)}«${query.slice(error.start, error.end)}»${query.slice(error.end)}`,
      alwaysShow: true,
    };
  }

  private syntaxItems(): Item[] {
    return syntax().map(([example, explanation]) => ({ label: `$(lightbulb) ${example}`, description: explanation, example, alwaysShow: true }));
  }

  /** What to try when nothing matched: each word alone, passages too, or a corpus at all. */
  private suggestions(query: string): Item[] {
    const none: Item = {
      label: `$(search-stop) ${vscode.l10n.t('No results for “{0}”', query.trim().slice(0, 60))}`,
      detail: vscode.l10n.t('Try fewer or shorter words. Figures are found by their number too: 20.3 finds 20.3%.'),
      alwaysShow: true,
    };
    const items: Item[] = [none];
    if (this.services.corpus.lookup().size === 0) {
      items.push({ label: `$(folder-opened) ${vscode.l10n.t('The corpus is empty: open the sample corpus')}`, command: 'statcite.openSampleCorpus', alwaysShow: true });
    }
    if (this.statisticsOnly) {
      items.push({ label: `$(list-flat) ${vscode.l10n.t('Search passages as well')}`, suggestion: query, alwaysShow: true });
    }
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (words.length > 1) {
      for (const word of words.slice(0, 5)) items.push({ label: `$(search) ${vscode.l10n.t('Search for “{0}”', word)}`, suggestion: word, alwaysShow: true });
    }
    return items;
  }

  private accept(): void {
    const item = this.pick.selectedItems[0] ?? this.pick.activeItems[0];
    if (!item) return;
    if (item.result) {
      this.pick.hide();
      void vscode.commands.executeCommand(OPEN_RESULT_COMMAND, item.result);
    } else if (item.command) {
      this.pick.hide();
      void vscode.commands.executeCommand(item.command);
    } else if (item.example !== undefined) {
      const value = `${this.pick.value.trim()} ${item.example}`.trim();
      this.pick.value = value;
      void this.search(value);
    } else if (item.suggestion !== undefined) {
      if (this.statisticsOnly && item.suggestion === this.pick.value) {
        this.statisticsOnly = false;
        this.updateButtons();
      }
      this.pick.value = item.suggestion;
      void this.search(item.suggestion);
    }
  }

  private updateButtons(): void {
    this.pick.buttons = [
      this.helpButton,
      {
        iconPath: new vscode.ThemeIcon(this.statisticsOnly ? 'graph' : 'list-flat'),
        tooltip: this.statisticsOnly ? vscode.l10n.t('Showing statistics only: show passages too') : vscode.l10n.t('Show statistics only'),
      },
    ];
  }

  /** The whole sentence of a statistic or the whole paragraph of a passage, not the snippet. */
  private fullText(result: SearchResult): string {
    if (result.kind === 'statistic') {
      const sentence = this.services.corpus.statistic(result.id)?.statistic.sentence;
      if (sentence) return sentence;
    }
    const file = this.services.corpus.file(result.file);
    const passage = file && locate(file, result.start).passage;
    return passage ? passageText(file, passage) : result.snippet;
  }
}
