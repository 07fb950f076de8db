/** The filter bar: free text always in view, the per-column filters in a panel that folds. */
import type { StatisticKind } from '../../core/model';
import type { TableQuery } from '../../core/table/query';
import type { ViewStrings } from '../../vscode/statisticsView/strings';
import { el } from './dom';

type TextField = 'metric' | 'subject' | 'period' | 'report' | 'file' | 'dateFrom' | 'dateTo';

export class Filters {
  readonly text: HTMLInputElement;
  readonly panel: HTMLDivElement;
  readonly toggle: HTMLButtonElement;
  private readonly fields = new Map<TextField, HTMLInputElement>();
  private readonly kind: HTMLSelectElement;
  private readonly valueMin: HTMLInputElement;
  private readonly valueMax: HTMLInputElement;

  constructor(strings: ViewStrings, onChange: () => void) {
    this.text = el('input', { className: 'text-filter', type: 'search', placeholder: strings.filterPlaceholder, attrs: { 'aria-label': strings.filterPlaceholder } });
    this.text.addEventListener('input', onChange);
    this.toggle = el('button', { className: 'toggle', attrs: { 'aria-expanded': 'false', 'aria-controls': 'filters' } }, strings.filters);
    const labelled = (label: string, input: HTMLElement): HTMLLabelElement => el('label', {}, el('span', {}, label), input);
    const field = (name: TextField, label: string, placeholder = ''): HTMLLabelElement => {
      const input = el('input', { type: 'text', placeholder, attrs: { name } });
      input.addEventListener('input', onChange);
      this.fields.set(name, input);
      return labelled(label, input);
    };
    this.kind = el('select', { attrs: { name: 'kind' } }, el('option', { value: '' }, strings.anyKind), ...Object.entries(strings.kinds).map(([k, label]) => el('option', { value: k }, label)));
    this.kind.addEventListener('change', onChange);
    this.valueMin = el('input', { type: 'number', attrs: { name: 'valueMin', step: 'any' } });
    this.valueMax = el('input', { type: 'number', attrs: { name: 'valueMax', step: 'any' } });
    for (const input of [this.valueMin, this.valueMax]) input.addEventListener('input', onChange);
    const clear = el('button', { className: 'secondary' }, strings.clearFilters);
    clear.addEventListener('click', () => {
      this.write({});
      onChange();
    });
    this.panel = el(
      'div',
      { className: 'filters', id: 'filters' },
      field('metric', strings.metricKey),
      field('subject', strings.columns.subject),
      field('period', strings.columns.period),
      labelled(strings.columns.kind, this.kind),
      field('report', strings.reportOrIssuer),
      field('file', strings.columns.file),
      field('dateFrom', strings.dateFrom, 'YYYY-MM-DD'),
      field('dateTo', strings.dateTo, 'YYYY-MM-DD'),
      labelled(strings.valueFrom, this.valueMin),
      labelled(strings.valueTo, this.valueMax),
      clear,
    );
    this.panel.hidden = true;
    this.toggle.addEventListener('click', () => this.open(this.panel.hidden));
  }

  open(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
  }

  /** The filters as the inputs state them; a date not yet complete is not applied. */
  read(): Pick<TableQuery, 'text' | 'metric' | 'subject' | 'period' | 'report' | 'file' | 'kinds' | 'dateFrom' | 'dateTo' | 'valueMin' | 'valueMax'> {
    const q: ReturnType<Filters['read']> = {};
    if (this.text.value.trim()) q.text = this.text.value;
    for (const [name, input] of this.fields) {
      const value = input.value.trim();
      if (!value) continue;
      if (name === 'dateFrom' || name === 'dateTo') {
        if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) q[name] = value;
        input.setAttribute('aria-invalid', String(!q[name]));
      } else q[name] = value;
    }
    if (this.kind.value) q.kinds = [this.kind.value as StatisticKind];
    const min = this.valueMin.value === '' ? NaN : Number(this.valueMin.value);
    const max = this.valueMax.value === '' ? NaN : Number(this.valueMax.value);
    if (Number.isFinite(min)) q.valueMin = min;
    if (Number.isFinite(max)) q.valueMax = max;
    return q;
  }

  /** Shows a query's filters in the inputs (a query sent by the extension, or cleared). */
  write(q: TableQuery): void {
    this.text.value = q.text ?? '';
    for (const [name, input] of this.fields) input.value = q[name] ?? '';
    this.kind.value = q.kinds?.[0] ?? '';
    this.valueMin.value = q.valueMin === undefined ? '' : String(q.valueMin);
    this.valueMax.value = q.valueMax === undefined ? '' : String(q.valueMax);
    if ([...this.fields.values()].some((i) => i.value) || q.kinds || q.valueMin !== undefined || q.valueMax !== undefined) this.open(true);
  }
}
