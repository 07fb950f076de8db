/**
 * date: conditions. A date is written YYYY, YYYY-MM or YYYY-MM-DD (or with /); a range is two of
 * them joined by .. (either end may be left open). Dates compare as the days they cover: 2025-03
 * lies in 2025, and an article dated 2025 lies in 2025-01..2025-06.
 */

import { message, type Message } from '../../cite/message';

export type DateRangeResult = { ok: true; from: string; to: string } | ({ ok: false } & Message);

const DATE = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/;
const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

const pad = (n: string): string => n.padStart(2, '0');

/** The first and last day a date covers (31 for any month: they only compare as strings). */
function days(text: string): { first: string; last: string } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return undefined;
  if (day !== undefined) return { first: `${year}-${pad(month)}-${pad(day)}`, last: `${year}-${pad(month)}-${pad(day)}` };
  if (month !== undefined) return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-31` };
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

export function parseDateRange(text: string): DateRangeResult {
  const bad: DateRangeResult = { ok: false, ...message('date:{0} is not a date: write 2025, 2025-01, 2025-01-15 or a range such as 2025-01..2025-06', text) };
  const [low, high, ...rest] = text.split('..');
  if (rest.length) return bad;
  if (high === undefined) {
    const one = days(low);
    return one ? { ok: true, from: one.first, to: one.last } : bad;
  }
  const from = low === '' ? EARLIEST : days(low)?.first;
  const to = high === '' ? LATEST : days(high)?.last;
  if (!from || !to || (low === '' && high === '')) return bad;
  if (from > to) return { ok: false, ...message('date:{0} ends before it starts', text) };
  return { ok: true, from, to };
}

/** Whether an article's date (YYYY, YYYY-MM or YYYY-MM-DD) overlaps [from, to]; no date: no. */
export function dateInRange(date: string | undefined, from: string, to: string): boolean {
  const covered = date === undefined ? undefined : days(date);
  return covered !== undefined && covered.first <= to && covered.last >= from;
}
