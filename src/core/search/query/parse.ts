/**
 * The query language of search, shared by the command palette, the CLI and the Statistics view's
 * filter. Parts are separated by white space:
 *
 * - `word` must match; `"exact phrase"` (also “…” and 「…」) must occur as written, after folding width
 *   and case;
 * - `-part` excludes what the part would find (`-北京`, `-"…"`, `-kind:rank`);
 * - `field:value` with fields metric, subject, period, report, file, kind; several values separated
 *   by commas are alternatives (`kind:percent,change`); a value with spaces goes in quotes;
 * - `date:2025`, `date:2025-01..2025-06` (open ends: `date:2025..`), the article's date;
 * - figure conditions on statistics: `>98%`, `>=100亿元`, `<5%`, `=1377个`, `10..20万人`.
 *
 * Pure: parsing needs no tokenizer, so the extension host can check a query as it is typed. A
 * malformed query gives one error with its place in the query and a message template the host
 * translates.
 */
import { message, type Message } from '../../cite/message';
import type { StatisticKind } from '../../model';
import { parseDateRange } from './date';
import { parseFigureCondition, type FigureCondition } from './figure';

export type { FigureCondition } from './figure';

/** Where a part stands in the query: [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

/** A word or phrase as typed (unfolded). */
export interface QueryText extends Span {
  text: string;
}

export const QUERY_FIELDS = ['metric', 'subject', 'period', 'report', 'file', 'kind'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface FieldCondition extends Span {
  field: QueryField;
  /** Alternatives, as typed (kind: canonical kinds). */
  values: string[];
  negated: boolean;
}

/** The article's date lies in [from, to], both ISO YYYY-MM-DD and inclusive. */
export interface DateCondition extends Span {
  from: string;
  to: string;
  negated: boolean;
}

export interface Query {
  words: QueryText[];
  phrases: QueryText[];
  /** Words and phrases after a minus. */
  excluded: QueryText[];
  fields: FieldCondition[];
  dates: DateCondition[];
  figures: FigureCondition[];
  /** The last part is a plain word: while typing it may be unfinished. */
  endsWithWord: boolean;
}

export interface QueryError extends Message, Span {}

export type ParsedQuery = { ok: true; query: Query } | { ok: false; error: QueryError };

/** Kinds by the names a user may type, English or Chinese. */
const KINDS: Record<string, StatisticKind> = {
  count: 'count', 计数: 'count', 数量: 'count',
  amount: 'amount', 金额: 'amount',
  percent: 'percent', 百分比: 'percent', 比例: 'percent',
  change: 'change', 变化: 'change', 增减: 'change',
  streak: 'streak', 连续: 'streak',
  rank: 'rank', 排名: 'rank',
  duration: 'duration', 时长: 'duration',
};

/** Opening quotes and the quotes that close them. */
const QUOTES: Record<string, string> = { '"': '"”', '“': '”"', '「': '」', '『': '』' };
const SEPARATORS = new Set([',', '，', '、']);
const FIGURE_START = /^(?:[<>=≥≤]|-?[0-9０-９][^]*\.\.)/;

/**
 * A character as the syntax reads it: full-width forms fold to ASCII (：→:, －→-, ＞→>, ＂→"),
 * one unit for one, so offsets stay those of the query.
 */
function syntax(ch: string | undefined): string {
  if (ch === undefined) return '';
  const folded = ch.normalize('NFKC');
  return folded.length === 1 ? folded : ch;
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(syntax(ch));
const isQuote = (ch: string | undefined): boolean => syntax(ch) in QUOTES;

class QueryParseError extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

function fail(span: Span, reason: Message): never {
  throw new QueryParseError({ message: reason.message, template: reason.template, args: reason.args, ...span });
}

/** Parses a query; never throws. */
export function parseQuery(text: string): ParsedQuery {
  try {
    return { ok: true, query: new Parser(text).parse() };
  } catch (err) {
    if (err instanceof QueryParseError) return { ok: false, error: err.error };
    throw err;
  }
}

/** True when only statistics can match: a figure condition or a statistic's field is asked for. */
export function asksForStatistics(query: Query): boolean {
  return query.figures.some((f) => !f.negated) || query.fields.some((f) => !f.negated && f.field !== 'report' && f.field !== 'file');
}

/** True when the query holds nothing to find (empty, or white space only). */
export function isEmptyQuery(query: Query): boolean {
  return !query.words.length && !query.phrases.length && !query.excluded.length && !query.fields.length && !query.dates.length && !query.figures.length;
}

class Parser {
  private at = 0;
  private readonly query: Query = { words: [], phrases: [], excluded: [], fields: [], dates: [], figures: [], endsWithWord: false };
  constructor(private readonly text: string) {}

  parse(): Query {
    const { text } = this;
    let lastWasWord = false;
    while (this.at < text.length) {
      if (isSpace(text[this.at])) {
        this.at++;
        continue;
      }
      const start = this.at;
      const negated = syntax(text[this.at]) === '-';
      if (negated) this.at++;
      // A lone minus is punctuation, not an exclusion.
      if (this.at >= text.length || isSpace(text[this.at])) continue;
      lastWasWord = this.part(start, negated);
    }
    this.query.endsWithWord = lastWasWord;
    return this.query;
  }

  /** One part from the cursor; true when it is a plain word that is searched for. */
  private part(start: number, negated: boolean): boolean {
    const { text, query } = this;
    if (isQuote(text[this.at])) {
      const phrase = this.quoted();
      if (phrase?.text.trim()) (negated ? query.excluded : query.phrases).push({ ...phrase, start });
      return false;
    }
    const bareStart = this.at;
    const bare = this.bare();
    const folded = [...bare].map(syntax).join('');
    const field = /^([a-z]+):/i.exec(folded);
    if (field) {
      this.at = bareStart + field[0].length;
      this.field(field[1].toLowerCase(), start, negated);
      return false;
    }
    const span = { start, end: this.at };
    if (FIGURE_START.test(folded)) {
      const figure = parseFigureCondition(folded.normalize('NFKC'));
      if (!figure.ok) fail(span, figure);
      query.figures.push({ ...figure.condition, ...span, negated });
      return false;
    }
    (negated ? query.excluded : query.words).push({ text: bare, start: negated ? bareStart : start, end: this.at });
    return !negated;
  }

  /** Characters up to white space or a quote. */
  private bare(): string {
    const from = this.at;
    while (this.at < this.text.length && !isSpace(this.text[this.at]) && !isQuote(this.text[this.at])) this.at++;
    return this.text.slice(from, this.at);
  }

  /**
   * A quoted text from the opening quote at the cursor; its text without the quotes. A Chinese
   * quote left open (pasted text cut in the middle of a quotation) is punctuation, passed over;
   * an ASCII one is a phrase not closed yet.
   */
  private quoted(): QueryText | undefined {
    const start = this.at;
    const open = this.text[start];
    const closers = QUOTES[syntax(open)];
    let end = start + 1;
    while (end < this.text.length && !closers.includes(syntax(this.text[end]))) end++;
    if (end >= this.text.length && syntax(open) !== '"') {
      this.at = start + 1;
      return undefined;
    }
    if (end >= this.text.length) fail({ start, end: this.text.length }, message('close the phrase: {0} has no closing {1}', open, closers[0]));
    this.at = end + 1;
    return { text: this.text.slice(start + 1, end), start, end: this.at };
  }

  /** A field's values from the cursor (just after the colon). */
  private field(name: string, start: number, negated: boolean): void {
    const values: string[] = [];
    for (;;) {
      const quoted = isQuote(this.text[this.at]) ? this.quoted() : undefined;
      if (quoted) values.push(quoted.text.trim());
      else {
        const from = this.at;
        while (this.at < this.text.length && !isSpace(this.text[this.at]) && !isQuote(this.text[this.at]) && !SEPARATORS.has(syntax(this.text[this.at]))) this.at++;
        values.push(this.text.slice(from, this.at));
      }
      if (!SEPARATORS.has(syntax(this.text[this.at]))) break;
      this.at++;
    }
    const span = { start, end: this.at };
    const given = values.filter(Boolean);
    if (name === 'date') {
      if (given.length !== 1) fail(span, message('{0} needs one date or range, e.g. {1}', 'date:', 'date:2025-01..2025-06'));
      const range = parseDateRange(given[0]);
      if (!range.ok) fail(span, range);
      this.query.dates.push({ from: range.from, to: range.to, ...span, negated });
      return;
    }
    if (!(QUERY_FIELDS as readonly string[]).includes(name)) {
      fail(span, message('unknown field {0}: the fields are metric:, subject:, period:, report:, file:, kind: and date: (put other text with a colon in quotes)', `${name}:`));
    }
    const field = name as QueryField;
    if (!given.length) fail(span, message('{0} needs a value, e.g. {1}', `${field}:`, EXAMPLES[field]));
    if (field === 'kind') {
      const unknown = given.find((v) => !(v.toLowerCase() in KINDS));
      if (unknown !== undefined) fail(span, message('kind:{0} is not a kind of statistic: use count, amount, percent, change, streak, rank or duration', unknown));
      this.query.fields.push({ field, values: given.map((v) => KINDS[v.toLowerCase()]), ...span, negated });
      return;
    }
    this.query.fields.push({ field, values: given, ...span, negated });
  }
}

const EXAMPLES: Record<QueryField, string> = {
  metric: 'metric:化解率',
  subject: 'subject:湖北',
  period: 'period:2025',
  report: 'report:政法',
  file: 'file:2025',
  kind: 'kind:percent',
};
