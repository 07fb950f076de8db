/**
 * The Statistics view's webview: the table (filter, sort, group — the core's StatTable, run here
 * next to the grid: see README, "Statistics view") and the Compare chart. It holds no rights of
 * its own: opening, citing, copying and exporting are asked of the extension by message.
 */
import { shownColumns, type Column, type ColumnId } from '../../core/table/columns';
import { compareChart, type CompareAxis } from '../../core/table/compare';
import type { HostMessage, RowAction, ViewMessage } from '../../core/table/messages';
import { SHIPPED_METRIC_KEYS, metricKeysWith } from '../../core/stats/metricKey';
import { matchMetricKeys, StatTable, type TableQuery, type TableResult } from '../../core/table/query';
import type { StatRow } from '../../core/table/row';
import { decodeFile } from '../../core/table/wire';
import type { ViewStrings } from '../../vscode/statisticsView/strings';
import type { QueryError } from '../../core/search/query/parse';
import { Chart } from './chart';
import { el, format } from './dom';
import { Filters } from './filters';
import { Grid } from './grid';
import './style.css';

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void };
const vscode = acquireVsCodeApi();
const post = (message: ViewMessage): void => vscode.postMessage(message);

let strings: ViewStrings;
let numbers: Intl.NumberFormat;
const files = new Map<string, StatRow[]>();
const foldCache = new Map<string, string>();
let rows: StatRow[] = [];
let table = new StatTable([]);
/** Metric keys with the user's aliases: metric words key as the corpus's statistics do. */
let metricKeys = SHIPPED_METRIC_KEYS;
let result: TableResult = table.query({});
let columns: Column[] = [];
let corpusReady = false;
/** What the filter bar does not hold: scope, sorting, grouping. */
let extra: Pick<TableQuery, 'scope' | 'sort' | 'groupByMetric' | 'collapsed'> = {};
let scopeLabel = '';
let tab: 'table' | 'compare' = 'table';
let axis: CompareAxis = 'subject';
let measure: string | undefined;
let warmTimer = 0;

let grid: Grid;
let filters: Filters;
let chart: Chart;
const ui = {} as Record<'status' | 'textError' | 'scope' | 'message' | 'tablePane' | 'comparePane' | 'compareHint' | 'chartData' | 'measure' | 'metricKeys', HTMLElement> & {
  compareWords: HTMLInputElement;
  group: HTMLInputElement;
  tabs: Record<'table' | 'compare', HTMLButtonElement>;
  axes: Record<CompareAxis, HTMLButtonElement>;
};

window.addEventListener('message', (event: MessageEvent<HostMessage>) => receive(event.data));
window.addEventListener('error', (event) => post({ type: 'error', message: String(event.message).slice(0, 2000) }));
post({ type: 'ready' });

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      strings = message.strings as unknown as ViewStrings;
      numbers = new Intl.NumberFormat(message.locale, { maximumFractionDigits: 4 });
      metricKeys = metricKeysWith(message.metricAliases);
      build();
      break;
    case 'rows':
      if (message.reset) files.clear();
      for (const path of message.removed) files.delete(path);
      for (const file of message.files) files.set(file.path, decodeFile(file));
      corpusReady ||= message.ready;
      rows = [...files.keys()].sort().flatMap((path) => files.get(path)!);
      table = new StatTable(rows, foldCache, metricKeys);
      columns = shownColumns(rows, true);
      run();
      // Folding every text for the free-text filter takes a while on a large corpus: done once shown.
      clearTimeout(warmTimer);
      warmTimer = window.setTimeout(() => table.warm(), 50);
      break;
    case 'query':
      filters.write(message.reset ? message.query : { ...filters.read(), ...message.query });
      extra = message.reset ? pickExtra(message.query) : { ...extra, ...pickExtra(message.query) };
      if (message.label !== undefined) scopeLabel = message.label;
      ui.group.checked = !!extra.groupByMetric;
      run(message.nonce);
      break;
    case 'select':
      grid.selected.clear();
      for (const id of message.ids) grid.selected.add(id);
      run(message.nonce);
      break;
    case 'request':
      act(message.action, message.nonce);
      break;
  }
}

function pickExtra(q: TableQuery): typeof extra {
  const { scope, sort, groupByMetric, collapsed } = q;
  return Object.fromEntries(Object.entries({ scope, sort, groupByMetric, collapsed }).filter(([, v]) => v !== undefined));
}

function query(): TableQuery {
  return { ...filters.read(), ...extra };
}

/** Runs the query and shows its result; tells the extension what is shown (answering `nonce`). */
function run(nonce?: number): void {
  const q = query();
  result = table.query(q);
  grid.show(rows, result, columns, q.sort);
  const empty = !rows.length ? (corpusReady ? strings.empty : strings.loading) : !result.rows.length ? strings.noMatch : '';
  ui.message.textContent = empty;
  ui.message.hidden = !empty;
  showTextError(result.textError);
  ui.scope.hidden = !q.scope;
  ui.scope.firstChild!.textContent = format(strings.scope, scopeLabel);
  status();
  if (tab === 'compare') drawChart();
  postState(nonce);
}

/** Why the free text does not read as a query; its words still filter as plain words. */
function showTextError(error: QueryError | undefined): void {
  filters.text.setAttribute('aria-invalid', String(!!error));
  ui.textError.hidden = !error;
  if (error) ui.textError.textContent = format(strings.textError, format(strings.messages[error.template] ?? error.template, ...error.args));
}

function postState(nonce?: number): void {
  const first = result.rows.slice(0, 500).map((i) => rows[i].id);
  post({ type: 'state', query: query(), total: rows.length, count: result.rows.length, first, selected: [...grid.selected], ...(nonce !== undefined && { nonce }) });
}

function status(): void {
  const shown = format(strings.shown, numbers.format(result.rows.length), numbers.format(rows.length));
  ui.status.textContent = grid.selected.size ? `${shown} · ${format(strings.selected, numbers.format(grid.selected.size))}` : shown;
}

/** The rows an action applies to: the selection (or the focused row) to cite and copy, every row shown to export. */
function act(action: RowAction, nonce?: number): void {
  let ids: string[];
  if (action === 'exportCsv' || action === 'exportXlsx') ids = result.rows.map((i) => rows[i].id);
  else {
    // In the order shown; a selected row the filters now hide is left out.
    ids = result.rows.map((i) => rows[i].id).filter((id) => grid.selected.has(id));
    const focused = grid.focusedRow();
    if (!ids.length && focused) ids = [focused.id];
  }
  post({ type: 'act', action, ids, ...(nonce !== undefined && { nonce }) });
}

function cellText(row: StatRow, column: Column): string {
  switch (column.id) {
    case 'figure':
      return row.approx && !/^[约近超逾]/.test(row.figure) ? `≈${row.figure}` : row.figure;
    case 'value':
      return Number.isFinite(row.value) ? numbers.format(row.value) : '';
    case 'kind':
      return strings.kinds[row.kind] ?? row.kind;
    case 'change':
      return row.change === 'up' ? `↑ ${strings.up}` : row.change === 'down' ? `↓ ${strings.down}` : '';
    case 'file':
      return row.file.slice(Math.max(row.file.lastIndexOf('/'), row.file.lastIndexOf('\\')) + 1);
    default: {
      const value = column.get(row);
      return value === undefined ? '' : String(value);
    }
  }
}

function sortBy(id: ColumnId): void {
  const sort = extra.sort;
  extra.sort = sort?.column !== id ? { column: id } : !sort.descending ? { column: id, descending: true } : undefined;
  run();
}

function showTab(which: 'table' | 'compare'): void {
  tab = which;
  ui.tablePane.hidden = which !== 'table';
  ui.comparePane.hidden = which !== 'compare';
  for (const [name, button] of Object.entries(ui.tabs)) button.setAttribute('aria-selected', String(name === which));
  if (which === 'compare') drawChart();
  else chart.dispose();
}

/** The chart of the rows shown, narrowed to the metric key the words name (or a group of keys containing them). */
function drawChart(): void {
  const shown = result.rows.map((i) => rows[i]);
  const keyCounts = new Map<string, number>();
  for (const r of shown) keyCounts.set(r.metricKey, (keyCounts.get(r.metricKey) ?? 0) + 1);
  ui.metricKeys.replaceChildren(...[...keyCounts].sort((a, b) => b[1] - a[1]).slice(0, 300).map(([key]) => el('option', { value: key })));
  const words = ui.compareWords.value.trim();
  const keys = words ? new Set(matchMetricKeys(words, keyCounts.keys(), metricKeys).keys) : undefined;
  const picked = keys ? shown.filter((r) => keys.has(r.metricKey)) : shown;
  const keyCount = new Set(picked.map((r) => r.metricKey)).size;
  const hint = !picked.length ? strings.nothingToCompare : !words && keyCount > 1 ? format(strings.pickMetric, keyCount) : '';
  if (hint) {
    ui.compareHint.textContent = hint;
    ui.chartData.replaceChildren();
    ui.measure.replaceChildren();
    chart.dispose();
    return;
  }
  const data = compareChart(picked, axis, measure);
  const label = (m: string): string => (m.startsWith('Δ') ? format(strings.changeIn, m.slice(1) || strings.noUnit) : m || strings.noUnit);
  ui.measure.replaceChildren(...data.measures.map((m) => el('option', { value: m }, label(m))));
  (ui.measure as HTMLSelectElement).value = data.measure;
  ui.compareHint.textContent = [strings.pointHint, data.omitted ? format(strings.omitted, data.omitted) : ''].filter(Boolean).join(' ');
  chart.draw(data, label(data.measure));
  // The chart's data as a table too: readable by screen readers (a canvas is not).
  ui.chartData.replaceChildren(
    el('caption', {}, [...new Set(picked.map((r) => r.metricKey))].join('、')),
    ...data.series.flatMap((s) =>
      s.points.flatMap((p, i) => (p ? [el('tr', {}, el('th', {}, data.categories[i] || strings.none), el('td', {}, s.name), el('td', {}, p.label))] : [])),
    ),
  );
}

function button(label: string, title: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = el('button', { title, className }, label);
  b.addEventListener('click', onClick);
  return b;
}

function build(): void {
  filters = new Filters(strings, () => run());
  grid = new Grid({
    strings,
    cellText,
    open: (row) => post({ type: 'open', id: row.id }),
    selectionChanged: () => {
      status();
      postState();
    },
    toggleGroup: (key) => {
      const collapsed = new Set(extra.collapsed);
      if (!collapsed.delete(key)) collapsed.add(key);
      extra.collapsed = [...collapsed];
      run();
    },
    compareGroup: (key) => {
      ui.compareWords.value = key;
      measure = undefined;
      showTab('compare');
    },
    sort: sortBy,
  });
  ui.group = el('input', { type: 'checkbox' });
  ui.group.addEventListener('change', () => {
    extra.groupByMetric = ui.group.checked;
    run();
  });
  ui.tabs = { table: button(strings.table, strings.table, () => showTab('table')), compare: button(strings.compare, strings.compare, () => showTab('compare')) };
  for (const b of Object.values(ui.tabs)) b.setAttribute('role', 'tab');
  const actions = el(
    'div',
    { className: 'actions' },
    button(strings.cite, strings.citeTitle, () => act('cite'), 'primary'),
    button(strings.copy, strings.copyTitle, () => act('copy')),
    button(strings.exportCsv, strings.exportCsvTitle, () => act('exportCsv')),
    button(strings.exportXlsx, strings.exportXlsxTitle, () => act('exportXlsx')),
  );
  const toolbar = el(
    'div',
    { className: 'toolbar' },
    el('div', { className: 'tabs', attrs: { role: 'tablist' } }, ui.tabs.table, ui.tabs.compare),
    filters.text,
    filters.toggle,
    el('label', { className: 'check' }, ui.group, el('span', {}, strings.groupByMetric)),
    actions,
  );
  ui.scope = el('div', { className: 'scope' }, el('span'), button(strings.showAll, strings.showAll, () => {
    delete extra.scope;
    run();
  }, 'secondary'));
  ui.textError = el('div', { className: 'text-error', attrs: { role: 'alert' } });
  ui.status = el('div', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  ui.message = el('div', { className: 'message' });
  ui.tablePane = el('div', { className: 'pane table-pane' }, grid.root, ui.message);

  ui.compareWords = el('input', { type: 'search', placeholder: strings.compareMetric, attrs: { list: 'metric-keys', 'aria-label': strings.compareMetric } });
  ui.compareWords.addEventListener('input', () => {
    measure = undefined;
    drawChart();
  });
  ui.metricKeys = el('datalist', { id: 'metric-keys' });
  ui.axes = {
    subject: button(strings.acrossSubjects, strings.acrossSubjects, () => setAxis('subject')),
    period: button(strings.acrossPeriods, strings.acrossPeriods, () => setAxis('period')),
  };
  ui.measure = el('select', { attrs: { 'aria-label': strings.measure } });
  ui.measure.addEventListener('change', () => {
    measure = (ui.measure as HTMLSelectElement).value;
    drawChart();
  });
  ui.compareHint = el('div', { className: 'hint' });
  const canvas = el('div', { className: 'chart' });
  ui.chartData = el('table', { className: 'chart-data' });
  ui.comparePane = el(
    'div',
    { className: 'pane compare-pane' },
    el('div', { className: 'compare-bar' }, ui.compareWords, ui.metricKeys, ui.axes.subject, ui.axes.period, el('label', {}, el('span', {}, strings.measure), ui.measure)),
    ui.compareHint,
    canvas,
    ui.chartData,
  );
  chart = new Chart(canvas, (id) => post({ type: 'open', id }), { none: strings.none, valueAxis: '' });
  document.body.replaceChildren(toolbar, ui.textError, filters.panel, ui.scope, ui.tablePane, ui.comparePane, el('div', { className: 'footer' }, ui.status, el('div', { className: 'keys' }, strings.keys)));
  setAxis('subject', false);
  showTab('table');
  document.addEventListener('keydown', onKey);
  run();
  grid.root.focus();
}

function setAxis(which: CompareAxis, redraw = true): void {
  axis = which;
  for (const [name, b] of Object.entries(ui.axes)) b.setAttribute('aria-pressed', String(name === which));
  if (redraw) drawChart();
}

/** The actions' shortcuts, anywhere in the view but in a text field (where Ctrl+C copies its text). */
function onKey(e: KeyboardEvent): void {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod) return;
  const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
  if (e.key === 'Enter') act('cite');
  else if (e.key.toLowerCase() === 's') act(e.shiftKey ? 'exportXlsx' : 'exportCsv');
  else if (e.key.toLowerCase() === 'c' && !inField && !e.shiftKey) act('copy');
  else if (e.key.toLowerCase() === 'f' && !e.shiftKey) filters.text.focus();
  else return;
  e.preventDefault();
}
