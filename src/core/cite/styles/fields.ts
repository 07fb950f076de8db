import type { Reference } from '../reference';
import type { Markup } from './types';

/** Collects the fields a style needed but the reference lacks, and writes placeholders for them. */
export class Needs {
  readonly missing: string[] = [];
  constructor(private readonly placeholders: Record<string, string>) {}

  /** The value, or the placeholder for the field (recorded as missing; a missing year is a missing date). */
  get(field: keyof Reference | 'year', value: string | undefined): string {
    if (value) return value;
    this.record(field);
    return this.placeholders[field] ?? `[${field}?]`;
  }

  /** Records a missing field that the style shows in its own way (佚名, n.d., an omitted author). */
  note(field: keyof Reference | 'year', value: unknown): void {
    if (!value || (Array.isArray(value) && value.length === 0)) this.record(field);
  }

  private record(field: keyof Reference | 'year'): void {
    const name = field === 'year' ? 'date' : field;
    if (!this.missing.includes(name)) this.missing.push(name);
  }
}

export function isChinese(ref: Reference): boolean {
  return ref.language.toLowerCase().startsWith('zh');
}

export interface DateParts {
  year: string;
  month?: number;
  day?: number;
}

/** "2026-01-21" → parts; anything that is not ISO YYYY[-MM[-DD]] yields undefined. */
export function dateParts(date: string | undefined): DateParts | undefined {
  const m = date?.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/);
  if (!m) return undefined;
  return { year: m[1], month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Escapes a field value for the target text and marks titles in italics where the markup can. */
export function markupFor(markup: Markup): { esc(s: string): string; it(s: string): string } {
  switch (markup) {
    case 'markdown':
      // Only what would change the rendering: emphasis characters and backslashes.
      return { esc: (s) => s.replace(/([\\*_`<])/g, '\\$1'), it: (s) => `*${s}*` };
    case 'latex':
      return { esc: escapeLatex, it: (s) => `\\textit{${s}}` };
    case 'plain':
      return { esc: (s) => s, it: (s) => s };
  }
}

export function escapeLatex(s: string): string {
  return s.replace(/[\\{}%$&#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`,
  );
}

/** In Markdown "[text](…" would become a link: break the pair so placeholders stay literal. */
export function finishMarkup(text: string, markup: Markup): string {
  return markup === 'markdown' ? text.replace(/\]\(/g, ']\\(').replace(/\]\[/g, ']\\[') : text;
}

/** English styles end each element with a period, unless it already ends a sentence. */
export function withPeriod(s: string): string {
  return /[.?!。]$/.test(s) ? s : `${s}.`;
}
