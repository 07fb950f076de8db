/** Dates as metadata writes them (YYYY-MM-DD) and as file names carry them (20221115.md). */

export interface FileDate {
  year: number;
  month?: number;
  day?: number;
}

/** YYYY, YYYY-MM or YYYY-MM-DD, as metadata writes dates. */
export function isoDate(text: string): FileDate | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(text.trim());
  return m ? valid(+m[1], m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined) : undefined;
}

const YEAR = '((?:19|20)\\d{2})';
/** 2022-11-15, 2022_11_15, 2022.11.15, 2022年11月15日, and the same without the day. */
const SEPARATED = new RegExp(`(?<!\\d)${YEAR}(?:[-_.]|年)(\\d{1,2})(?:(?:[-_.]|月)(\\d{1,2})(?!\\d)|月|(?!\\d))`);
/** 20221115 as a name or a word of one (news_20221115, rmrb20221115); not inside a hash such as 3f20221115a9. */
const COMPACT = /(?:^|[^0-9A-Za-z])[A-Za-z]*((?:19|20)\d{2})(\d{2})(\d{2})[A-Za-z]*(?=$|[^0-9A-Za-z])/;

/** The date a file name carries, if it is a real one. */
export function nameDate(name: string): FileDate | undefined {
  const separated = SEPARATED.exec(name);
  if (separated) return valid(+separated[1], +separated[2], separated[3] ? +separated[3] : undefined);
  const compact = COMPACT.exec(name);
  return compact ? valid(+compact[1], +compact[2], +compact[3]) : undefined;
}

function valid(year: number, month?: number, day?: number): FileDate | undefined {
  if (month === undefined) return { year };
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return { year, month };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? { year, month, day } : undefined;
}

/** A date in ISO form, as Metadata.date holds it: YYYY, YYYY-MM or YYYY-MM-DD. */
export function isoText(date: FileDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return [String(date.year), date.month && two(date.month), date.day && two(date.day)].filter(Boolean).join('-');
}
