/**
 * Tables read row by row. A data row becomes one paragraph that says what each figure is, the
 * way a report would write it — 「东城区：刑事案件1200起，同比下降3.1%。」 — so that the statistics
 * rules find the figures, and the cells keep what their headers say about them. The first row
 * holds the column headers and the first column the row headers. Which of them names the metric:
 * - rows of places or bodies (the corner says 地区, 单位 …, or the row headers are places): the
 *   column header is the metric and the row header the subject; a column of changes (同比, 增长 …)
 *   measures the metric of the column before it;
 * - otherwise the rows are indicators (指标, 项目: the common layout of statistical bulletins): the
 *   row header is the metric, and the columns say how it is measured (绝对数, 比上年增长 …);
 * - a header naming a period (2024年, 一季度, 上半年) is the figure's period.
 * A unit stated in a column header (刑事案件（起）, 增速/%) goes with the bare numbers under it.
 */
import type { CorpusFile } from '../../model';
import type { MetricKeys } from '../../stats/metricKey';
import { sectionsOf } from '../walk';
import type { TableCell, TextBuilder } from './builder';

/** 2024年, 2024, 2025年1-6月, 一季度, 2024年第三季度, 上半年: a header that names a period. */
const PERIOD = /^(?:\d{4}年?(?:\d{1,2}(?:[-—~至]\d{1,2})?月(?:份)?)?|(?:\d{4}年)?(?:第?[一二三四1-4])季度|(?:\d{4}年)?[上下]半年)$/;
/** 刑事案件（起）, 金额(亿元), 增速/%: a header's name and the unit it states. */
const HEADER_UNIT = /^(.*?)\s*(?:[（(]\s*([^()（）]{1,6})\s*[)）]|[/／]\s*(%|‰|[\p{Script=Han}]{1,4}))$/u;
const BARE_NUMBER = /^[+\-−]?\d[\d,，]*(?:\.\d+)?$/;
/** Corner cells of tables whose rows are places or bodies rather than indicators. */
const SUBJECT_CORNER = /^(?:地区|地域|区域|单位|部门|城市|市州|地市|区县|县区|省份|省区市|国家|国家和地区|机构|企业|学校|院校|法院|检察院|名称|单位名称)/;
const PLACE = /(?:省|市|区|县|州|盟|旗|镇|乡|街道|自治区|新区)$/;
/** Column headers of changes: they measure the column before them. */
const CHANGE = /同比|环比|比上年|比去年|增长|增速|增幅|增减|下降|变化|变动|幅度/;

interface Header {
  name: string;
  unit?: string;
  period: boolean;
}

function header(text: string): Header {
  const m = HEADER_UNIT.exec(text);
  const name = (m ? m[1] : text).trim();
  return { name, unit: m ? (m[2] ?? m[3]) : undefined, period: PERIOD.test(name) };
}

/** What a cell's headers say about its figure. */
function describe(rowHeader: Header, columns: Header[], c: number, rowsAreSubjects: boolean): Omit<TableCell, 'start' | 'end'> {
  const column = columns[c];
  const row = rowHeader.name || undefined;
  if (column.period) return rowsAreSubjects ? { subject: row, period: column.name } : { metric: row, period: column.name };
  if (rowHeader.period) return { metric: column.name || undefined, period: rowHeader.name };
  if (!rowsAreSubjects) return { metric: row };
  let measured = c;
  while (measured > 1 && CHANGE.test(columns[measured].name)) measured--;
  return { metric: columns[measured].name || undefined, subject: row };
}

/**
 * Adds a table to the text: a data table row by row, anything else (one row, one column: a layout
 * table) cell by cell. `rows` are the cells' texts, white space collapsed, merged cells resolved.
 */
export function addTable(target: TextBuilder, rows: string[][], anchor?: number): void {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length < 2 || width < 2) {
    for (const row of rows) for (const cell of row) target.paragraph(cell, { anchor });
    return;
  }
  const columns = Array.from({ length: width }, (_, c) => header(rows[0][c] ?? ''));
  const rowHeads = rows.slice(1).map((r) => (r[0] ?? '').trim()).filter(Boolean);
  const rowsAreSubjects = SUBJECT_CORNER.test(columns[0].name) || rowHeads.filter((h) => PLACE.test(h)).length > rowHeads.length / 2;
  for (const row of rows.slice(1)) {
    const head = (row[0] ?? '').trim();
    const rowHeader = header(head);
    let text = head ? `${head}：` : '';
    const placed: Array<{ at: number; length: number; c: number }> = [];
    for (let c = 1; c < row.length; c++) {
      const cell = row[c]?.trim();
      if (!cell) continue;
      if (placed.length) text += '，';
      text += columns[c].name;
      const figure = columns[c].unit && BARE_NUMBER.test(cell) ? `${cell}${columns[c].unit}` : cell;
      placed.push({ at: text.length, length: figure.length, c });
      text += figure;
    }
    if (!placed.length) {
      target.paragraph(head, { anchor });
      continue;
    }
    const start = target.paragraph(`${text}。`, { anchor });
    for (const { at, length, c } of placed) target.cell({ start: start + at, end: start + at + length, ...describe(rowHeader, columns, c, rowsAreSubjects) });
  }
}

/** Gives the statistics read in table cells (in text order) the metric, subject and period their headers state. */
export function applyTableHeaders(file: CorpusFile, cells: readonly TableCell[], keys: MetricKeys): void {
  if (!cells.length) return;
  for (const { section } of sectionsOf(file)) {
    for (const statistic of section.statistics) {
      const cell = cellAt(cells, statistic.range.start);
      if (!cell || statistic.range.end > cell.end) continue;
      // The header names the column; a reading of the row that qualifies it (刑事案件破案率 under 破案率) says more.
      if (cell.metric && !statistic.metric.endsWith(cell.metric)) {
        statistic.metric = cell.metric;
        statistic.metricKey = keys.keyOf(cell.metric);
      }
      if (cell.subject) statistic.subject = cell.subject;
      if (cell.period) statistic.period = cell.period;
    }
  }
}

/** The cell holding an offset, by binary search. */
function cellAt(cells: readonly TableCell[], offset: number): TableCell | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].end <= offset) lo = mid + 1;
    else if (cells[mid].start > offset) hi = mid - 1;
    else return cells[mid];
  }
  return undefined;
}
