import { lineColumns, type LineColumn } from '../core/position';
import { SearchIndex } from '../core/search/index';
import { parseQuery } from '../core/search/query/parse';
import { loadTokenizer } from '../core/search/tokenizer';
import type { SearchResult } from '../core/search/types';
import { loadCorpus } from './corpus';

export const summary = 'search passages and statistics: <query> --corpus <file|folder…> [--json] [--limit N] [--stats-only] [--user-dictionary F]';

const USAGE = `usage: statcite search <query> --corpus <file|folder…> [--json] [--limit N] [--stats-only] [--user-dictionary <file>]
  query: words, "exact phrase", -excluded, metric: subject: period: report: file: kind: date:2025-01..2025-06, >98% >=100亿元 10..20万人`;

interface Args {
  query: string;
  corpus: string[];
  json: boolean;
  limit: number;
  statisticsOnly: boolean;
  userDictionary?: string;
}

function parse(args: string[]): Args | string {
  const query: string[] = [];
  const corpus: string[] = [];
  let json = false;
  let statisticsOnly = false;
  let limit = 20;
  let userDictionary: string | undefined;
  let inCorpus = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--corpus') inCorpus = true;
    else if (arg === '--json') json = true;
    else if (arg === '--stats-only') statisticsOnly = true;
    else if (arg === '--limit' || arg === '--user-dictionary') {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--user-dictionary') userDictionary = value;
      else if (!/^\d+$/.test(value) || Number(value) < 1) return `--limit needs a positive whole number, not '${value}'`;
      else limit = Number(value);
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else (inCorpus ? corpus : query).push(arg);
  }
  if (!query.length) return 'no query given';
  if (!corpus.length) return 'no corpus given (--corpus <file|folder…>)';
  return { query: query.join(' '), corpus, json, limit, statisticsOnly, userDictionary };
}

export async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    console.error(`statcite search: ${args}\n${USAGE}`);
    return 2;
  }
  const parsed = parseQuery(args.query);
  if (!parsed.ok) {
    const { start, end, message } = parsed.error;
    const q = args.query;
    console.error(`statcite search: ${message}\n  in the query: ${q.slice(0, start)}«${q.slice(start, end)}»${q.slice(end)}`);
    return 2;
  }
  const log = { info: () => {}, warn: (m: string) => console.error(`warning: ${m}`), error: (m: string) => console.error(`error: ${m}`) };
  const index = SearchIndex.create(loadTokenizer({ userDictionary: args.userDictionary, log }));
  const files = await loadCorpus(args.corpus, index);
  const results = index.search(args.query, { limit: args.limit, statisticsOnly: args.statisticsOnly });
  const place = placesIn(files);
  if (args.json) {
    const out = results.map(({ id, kind, file, page, start, end, match, report, section, snippet, score }) => {
      // line and column of where the result points, as the text form prints them.
      const { line, column } = place(file, match.start);
      return { id, kind, file, ...(page === undefined ? {} : { page }), start, end, match, line, column, report, section, snippet, score };
    });
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  if (!results.length) {
    console.log(`no results for "${args.query}" in ${files.length} file(s); try fewer or shorter words`);
    return 0;
  }
  const mark = process.stdout.isTTY ? (s: string): string => `\x1b[1;33m${s}\x1b[0m` : (s: string): string => `[${s}]`;
  results.forEach((r, i) => {
    const where = [r.report, r.section].filter(Boolean).join(' › ');
    console.log(`${i + 1}. ${r.kind === 'statistic' ? 'statistic' : 'passage'}  ${where}`);
    // Where the result points, as an editor or terminal links it: the matched words or the figure.
    const { line, column } = place(r.file, r.match.start);
    console.log(`   ${r.file}:${line}:${column}${r.page === undefined ? '' : `  p.${r.page}`}  score ${r.score.toFixed(2)}`);
    console.log(`   ${marked(r, mark)}`);
  });
  return 0;
}

function marked(r: SearchResult, mark: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of r.highlights) {
    out += r.snippet.slice(at, s) + mark(r.snippet.slice(s, e));
    at = e;
  }
  return out + r.snippet.slice(at);
}

/** Line and column of an offset in a file's text, as editors and terminals link them; line starts found once per file. */
function placesIn(files: Array<{ path: string; text: string }>): (file: string, offset: number) => LineColumn {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const found = new Map<string, (offset: number) => LineColumn>();
  return (file, offset) => {
    let of = found.get(file);
    if (!of) found.set(file, (of = lineColumns(texts.get(file) ?? '')));
    return of(offset);
  };
}
