/**
 * The table: a virtualised grid. Only the lines in view exist in the DOM (a fixed pool of line
 * elements, refilled on scroll), so 70,000 rows scroll as smoothly as 70. Keyboard: arrows, Page
 * Up/Down, Home/End move; Space selects, Shift extends, Ctrl+A selects all; Enter opens the
 * source; on a group header Enter or ←/→ fold and unfold it.
 */
import type { Column, ColumnId } from '../../core/table/columns';
import type { TableQuery, TableResult } from '../../core/table/query';
import type { StatRow } from '../../core/table/row';
import type { ViewStrings } from '../../vscode/statisticsView/strings';
import { el, format } from './dom';

export const ROW_HEIGHT = 24;
const OVERSCAN = 8;

export interface GridHost {
  strings: ViewStrings;
  cellText(row: StatRow, column: Column): string;
  open(row: StatRow): void;
  selectionChanged(): void;
  toggleGroup(key: string): void;
  compareGroup(key: string): void;
  sort(column: ColumnId): void;
}

interface Line {
  element: HTMLDivElement;
  check: HTMLDivElement;
  cells: HTMLDivElement[];
  group: HTMLDivElement;
  groupLabel: HTMLSpanElement;
  groupCount: HTMLSpanElement;
  fold: HTMLButtonElement;
  shows: number;
}

/** Default widths in pixels; text columns can be widened by the user dragging nothing: the grid scrolls sideways. */
const WIDTHS: Partial<Record<ColumnId, number>> = { figure: 110, value: 150, unit: 56, kind: 76, change: 64, basis: 70, metric: 170, metricKey: 150, subject: 120, period: 110, report: 240, issuer: 150, section: 220, file: 150, date: 96, page: 56 };

export class Grid {
  readonly selected = new Set<string>();
  readonly root: HTMLDivElement;
  private readonly viewport: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly pool: Line[] = [];
  private rows: readonly StatRow[] = [];
  private result: TableResult = { rows: [], lines: new Int32Array(0), groups: [] };
  private columns: Column[] = [];
  private sortState?: TableQuery['sort'];
  private focusLine = 0;
  private anchor = -1;
  private frame = 0;

  constructor(private readonly host: GridHost) {
    this.header = el('div', { className: 'line header' }, '');
    this.header.setAttribute('role', 'row');
    this.spacer = el('div', { className: 'spacer' });
    this.viewport = el('div', { className: 'viewport' }, this.header, this.spacer);
    this.root = el('div', { className: 'grid', attrs: { role: 'grid', tabindex: '0', 'aria-multiselectable': 'true' } }, this.viewport);
    this.viewport.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
    this.viewport.addEventListener('click', (e) => this.onClick(e));
    this.root.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** New rows, result or columns: keeps the selection (by id) and the focus where it can. */
  show(rows: readonly StatRow[], result: TableResult, columns: Column[], sort: TableQuery['sort']): void {
    const columnsChanged = columns.map((c) => c.id).join() !== this.columns.map((c) => c.id).join();
    this.rows = rows;
    this.result = result;
    this.columns = columns;
    this.sortState = sort;
    if (columnsChanged) this.rebuild();
    for (const line of this.pool) line.shows = -1; // the same index may now be another row
    this.renderHeader();
    this.focusLine = Math.min(this.focusLine, Math.max(0, result.lines.length - 1));
    this.spacer.style.height = `${result.lines.length * ROW_HEIGHT}px`;
    this.root.setAttribute('aria-rowcount', String(result.lines.length + 1));
    this.render();
  }

  /** The statistic on the focused line, when it is a row. */
  focusedRow(): StatRow | undefined {
    const line = this.result.lines[this.focusLine];
    return line !== undefined && line >= 0 ? this.rows[line] : undefined;
  }

  selectAll(): void {
    for (const i of this.result.rows) this.selected.add(this.rows[i].id);
    this.changed();
  }

  clearSelection(): void {
    this.selected.clear();
    this.changed();
  }

  private rebuild(): void {
    const widths = this.columns.map((c) => `${WIDTHS[c.id] ?? 120}px`);
    this.root.style.setProperty('--columns', `28px ${widths.join(' ')}`);
    this.root.style.setProperty('--width', `${28 + this.columns.reduce((w, c) => w + (WIDTHS[c.id] ?? 120), 0)}px`);
    for (const line of this.pool.splice(0)) line.element.remove();
  }

  private renderHeader(): void {
    const cells = this.columns.map((c) => {
      const sorted = this.sortState?.column === c.id ? (this.sortState.descending ? 'descending' : 'ascending') : 'none';
      const button = el('button', { className: 'sort', title: this.host.strings.columns[c.id] }, this.host.strings.columns[c.id] + (sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''));
      button.tabIndex = -1;
      button.addEventListener('click', () => this.host.sort(c.id));
      return el('div', { className: `cell ${c.type}`, attrs: { role: 'columnheader', 'aria-sort': sorted } }, button);
    });
    this.header.replaceChildren(el('div', { className: 'cell check', attrs: { role: 'columnheader' } }), ...cells);
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.frame = 0;
    const { lines } = this.result;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const count = Math.ceil(this.viewport.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    while (this.pool.length < count) this.pool.push(this.createLine());
    let active = '';
    this.pool.forEach((line, k) => {
      const index = first + k;
      if (index >= lines.length || k >= count) {
        line.element.hidden = true;
        line.shows = -1;
        return;
      }
      line.element.hidden = false;
      this.fill(line, index);
      if (index === this.focusLine) active = line.element.id;
    });
    if (active) this.root.setAttribute('aria-activedescendant', active);
    else this.root.removeAttribute('aria-activedescendant');
  }

  private createLine(): Line {
    const check = el('div', { className: 'cell check', attrs: { role: 'gridcell' } });
    const cells = this.columns.map((c) => el('div', { className: `cell ${c.type}`, attrs: { role: 'gridcell' } }));
    const fold = el('button', { className: 'fold' });
    fold.tabIndex = -1;
    const groupLabel = el('span', { className: 'key' });
    const groupCount = el('span', { className: 'count' });
    const compare = el('button', { className: 'compare-group' }, this.host.strings.compareGroup);
    compare.tabIndex = -1;
    const group = el('div', { className: 'group-cell', attrs: { role: 'gridcell' } }, fold, groupLabel, groupCount, compare);
    const element = el('div', { className: 'line', id: `line-${this.pool.length}`, attrs: { role: 'row' } }, check, ...cells, group);
    this.spacer.append(element);
    return { element, check, cells, group, groupLabel, groupCount, fold, shows: -1 };
  }

  private fill(line: Line, index: number): void {
    const value = this.result.lines[index];
    const { element } = line;
    element.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    element.dataset.line = String(index);
    element.setAttribute('aria-rowindex', String(index + 2));
    element.classList.toggle('focused', index === this.focusLine);
    if (value < 0) {
      const g = this.result.groups[-value - 1];
      element.classList.add('is-group');
      element.removeAttribute('aria-selected');
      element.setAttribute('aria-expanded', String(!g.collapsed));
      line.fold.textContent = g.collapsed ? '▸' : '▾';
      line.fold.title = g.collapsed ? this.host.strings.unfold : this.host.strings.fold;
      line.groupLabel.textContent = g.key || this.host.strings.none;
      line.groupCount.textContent = format(this.host.strings.groupCount, g.count);
      line.shows = value;
      return;
    }
    element.classList.remove('is-group');
    element.removeAttribute('aria-expanded');
    const row = this.rows[value];
    const selected = this.selected.has(row.id);
    element.classList.toggle('selected', selected);
    element.setAttribute('aria-selected', String(selected));
    line.check.textContent = selected ? '☑' : '☐';
    line.check.title = this.host.strings.selectRow;
    if (line.shows === value) return;
    line.shows = value;
    this.columns.forEach((c, i) => {
      const text = this.host.cellText(row, c);
      line.cells[i].textContent = text;
      line.cells[i].title = text;
    });
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const lineElement = target.closest<HTMLElement>('.line:not(.header)');
    if (!lineElement?.dataset.line) return;
    const index = Number(lineElement.dataset.line);
    const value = this.result.lines[index];
    this.moveFocus(index, false);
    if (value < 0) {
      const key = this.result.groups[-value - 1].key;
      if (target.closest('.compare-group')) this.host.compareGroup(key);
      else this.host.toggleGroup(key);
      return;
    }
    const row = this.rows[value];
    if (e.shiftKey && this.anchor >= 0) this.selectRange(this.anchor, index);
    else if (e.ctrlKey || e.metaKey || target.closest('.check')) this.toggle(row.id, index);
    else {
      this.selected.clear();
      this.toggle(row.id, index);
      this.host.open(row);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const lines = this.result.lines.length;
    const page = Math.max(1, Math.floor(this.viewport.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -lines, End: lines };
    const value = this.result.lines[this.focusLine];
    if (e.key in moves && !e.altKey) {
      e.preventDefault();
      const next = Math.max(0, Math.min(lines - 1, this.focusLine + moves[e.key]));
      if (e.shiftKey) {
        if (this.anchor < 0) this.anchor = this.focusLine;
        this.moveFocus(next, true);
        this.selectRange(this.anchor, next);
      } else this.moveFocus(next, false);
    } else if (e.key === ' ' && value !== undefined) {
      e.preventDefault();
      if (value >= 0) this.toggle(this.rows[value].id, this.focusLine);
      else this.host.toggleGroup(this.result.groups[-value - 1].key);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && value !== undefined) {
      e.preventDefault();
      if (value >= 0) this.host.open(this.rows[value]);
      else this.host.toggleGroup(this.result.groups[-value - 1].key);
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && value !== undefined && value < 0) {
      const g = this.result.groups[-value - 1];
      if (g.collapsed === (e.key === 'ArrowRight')) {
        e.preventDefault();
        this.host.toggleGroup(g.key);
      }
    } else if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.selectAll();
    } else if (e.key === 'Escape' && this.selected.size) {
      e.preventDefault();
      this.clearSelection();
    }
  }

  private moveFocus(index: number, keepAnchor: boolean): void {
    this.focusLine = index;
    if (!keepAnchor) this.anchor = index;
    const top = index * ROW_HEIGHT;
    const header = this.header.offsetHeight;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this.viewport.scrollTop + this.viewport.clientHeight - header) this.viewport.scrollTop = top + ROW_HEIGHT - this.viewport.clientHeight + header;
    this.render();
  }

  private toggle(id: string, index: number): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
    this.anchor = index;
    this.changed();
  }

  private selectRange(from: number, to: number): void {
    const [a, b] = from < to ? [from, to] : [to, from];
    for (let i = a; i <= b; i++) {
      const value = this.result.lines[i];
      if (value >= 0) this.selected.add(this.rows[value].id);
    }
    this.changed();
  }

  private changed(): void {
    this.render();
    this.host.selectionChanged();
  }
}
