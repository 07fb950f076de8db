import * as vscode from 'vscode';
import type { Statistic } from '../../core/model';
import { formatOf } from '../../core/corpus/formats/kinds';
import { figureText } from '../../core/stats/label';
import type { Services } from '../services';
import { OPEN_ORIGINAL_COMMAND } from '../textView/settings';
import { corpusPathOf, pageLabel } from '../textView/uri';
import type { PlacedStatistic, StatisticLookup } from './lookup';
import { CITE_STATISTIC_COMMAND } from './settings';

/**
 * The card over a statistic's figure in a corpus file. Everything taken from the corpus goes in
 * through appendText, which escapes Markdown, into an untrusted string: it can never become a link
 * or a command. The one link, to our own cite command, sits in a second string trusted for that
 * command alone.
 */
export class StatisticHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly services: Services,
    private readonly lookup: StatisticLookup,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const path = corpusPathOf(document.uri);
    if (!path || document.isDirty) return undefined;
    const file = this.services.corpus.file(path);
    const placed = file && this.lookup.at(file, document.offsetAt(position));
    if (!placed) return undefined;
    const { start, end } = placed.statistic.range;
    return new vscode.Hover(statisticCard(placed, path), new vscode.Range(document.positionAt(start), document.positionAt(end)));
  }
}

/** The action that opens the file a text view shows, named for its format. */
function originalAction(path: string): string | undefined {
  const t = vscode.l10n.t;
  const format = formatOf(path);
  return format === 'pdf' ? t('Open the PDF') : format === 'html' ? t('Open the original page here') : format === 'docx' ? t('Open the Word file') : undefined;
}

/**
 * The card: the figure as the source writes it and what kind of figure it is, then the value it
 * stands for, what it measures, about whom, when, who issued it — every word of the card's own in
 * the UI language; the corpus's words (metric, subject, sentence) as written.
 */
function statisticCard(placed: PlacedStatistic, path: string): vscode.MarkdownString[] {
  const t = vscode.l10n.t;
  const s = placed.statistic;
  const card = new vscode.MarkdownString(undefined, false);
  card.isTrusted = false;
  card.supportHtml = false;
  card.appendMarkdown('**');
  card.appendText(figureText(s));
  card.appendMarkdown('** · ');
  card.appendText(describeKind(s));
  card.appendMarkdown('\n\n');
  const basis = s.kind === 'change' && s.basis && !basisName(s.basis) ? s.basis : undefined;
  const facts: Array<[string, string | undefined]> = [
    [t('Value'), `${s.approx ? '≈' : ''}${withUnit(s.value, s.unit)}`],
    [t('Metric'), s.metric || undefined],
    [t('Metric key'), s.metricKey && s.metricKey !== s.metric ? s.metricKey : undefined],
    [t('Subject'), s.subject],
    [t('Period'), s.period],
    [t('Issuer'), s.issuer],
    [t('From'), s.from ? `${s.from.text} (${withUnit(s.from.value, s.from.unit)})` : undefined],
    [t('Compared with'), basis],
    [t('Page'), s.page === undefined ? undefined : pageLabel(s.page)],
  ];
  for (const [label, value] of facts) {
    if (value === undefined) continue;
    card.appendText(`${label}: `);
    card.appendText(value);
    card.appendMarkdown('  \n');
  }
  card.appendMarkdown('\n');
  appendSentence(card, s);
  card.appendMarkdown('\n\n');
  card.appendText([placed.report.title, placed.section === placed.report.intro ? undefined : placed.section.title].filter(Boolean).join(' › '));

  const actions = new vscode.MarkdownString(undefined, true);
  actions.isTrusted = { enabledCommands: [CITE_STATISTIC_COMMAND, OPEN_ORIGINAL_COMMAND] };
  actions.appendMarkdown(`[$(quote) ${escapeLabel(t('Cite this statistic'))}](command:${CITE_STATISTIC_COMMAND}?${encodeURIComponent(JSON.stringify([s.id]))})`);
  const original = originalAction(path);
  if (original) actions.appendMarkdown(` · [$(go-to-file) ${escapeLabel(original)}](command:${OPEN_ORIGINAL_COMMAND}?${encodeURIComponent(JSON.stringify([path, s.range.start]))})`);
  return [card, actions];
}

/** 21.5%, 1,346,000 件, 6,067,000,000 yuan: signs stick to the number, words stand apart. */
function withUnit(value: number, unit: string): string {
  return `${formatValue(value)}${/^[%‰]$/.test(unit) ? '' : ' '}${unitName(unit)}`;
}

/** A unit in the UI language where it has a name there; other measure words as the source writes them. */
function unitName(unit: string): string {
  const t = vscode.l10n.t;
  const names: Record<string, string> = {
    元: t('yuan'), 美元: t('US dollars'), 欧元: t('euros'), 百分点: t('percentage points'), 年: t('years'), 月: t('months'),
    天: t('days'), 小时: t('hours'), 吨: t('tonnes'), 公里: t('km'), 千米: t('km'), 平方公里: t('km²'), 亩: t('mu'),
    人: t('people'), 人次: t('person-times'), 倍: t('times'), 位: t('place'), 千瓦: t('kW'), 千瓦时: t('kWh'),
  };
  return names[unit] ?? unit;
}

/** The bases that have a name in the UI language; others are shown as written under "Compared with". */
function basisName(basis: string): string | undefined {
  const t = vscode.l10n.t;
  if (basis === '同比') return t('year on year');
  if (basis === '环比') return t('on the previous period');
  if (/^(?:比|较)(?:上|去)年同期$/.test(basis)) return t('on the same period last year');
  if (/^(?:比|较)(?:上|去)年$/.test(basis)) return t('on the previous year');
  if (/^(?:比|较)(?:上年末|上年底|年初)$/.test(basis)) return t('since the start of the year');
  if (/^(?:比|较)上个?月$/.test(basis)) return t('on the previous month');
  if (/^(?:比|较)上季度$/.test(basis)) return t('on the previous quarter');
  return undefined;
}

/** The sentence with the figure in bold, the rest as plain (escaped) text. */
function appendSentence(card: vscode.MarkdownString, s: Statistic): void {
  const at = s.sentence.indexOf(s.text);
  if (at < 0) {
    card.appendText(s.sentence);
    return;
  }
  card.appendText(s.sentence.slice(0, at));
  card.appendMarkdown('**');
  card.appendText(s.text);
  card.appendMarkdown('**');
  card.appendText(s.sentence.slice(at + s.text.length));
}

function describeKind(s: Statistic): string {
  const t = vscode.l10n.t;
  const kinds: Record<Statistic['kind'], string> = {
    count: t('count'),
    amount: t('amount'),
    percent: t('percentage'),
    change: t('change'),
    streak: t('streak'),
    rank: t('rank'),
    duration: t('duration'),
  };
  const direction = s.change === 'up' ? t('up') : s.change === 'down' ? t('down') : undefined;
  return [kinds[s.kind], direction, s.basis ? basisName(s.basis) : undefined].filter(Boolean).join(' · ');
}

/** 6067000000 → 6,067,000,000; 21.5 stays 21.5. */
function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** Our own label inside a link: brackets would end it early. */
function escapeLabel(label: string): string {
  return label.replace(/[[\]\\]/g, '\\$&');
}
