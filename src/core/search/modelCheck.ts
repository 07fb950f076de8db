/**
 * The shape of a corpus file read back from the cache. The cache is checksummed, so damage is
 * caught before this; what this catches is a cache that is intact but not a model (edited by
 * hand, or written wrong): every list the views and the index iterate must be a list, every id
 * and text a string, and every range must lie inside the file's text, or the file is refused
 * (then the corpus is read afresh) rather than crash whatever walks it.
 */
type Check = (value: unknown, where: string) => void;

class Malformed extends Error {}

const fail = (where: string, what: string): never => {
  throw new Malformed(`${where}: ${what}`);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, where: string): Record<string, unknown> {
  return isObject(v) ? v : fail(where, 'not an object');
}

function string(v: unknown, where: string): void {
  if (typeof v !== 'string') fail(where, 'not text');
}

function optional(check: Check): Check {
  return (v, where) => v === undefined || check(v, where);
}

function list(v: unknown, where: string, each: Check): void {
  if (!Array.isArray(v)) fail(where, 'not a list');
  (v as unknown[]).forEach((item, i) => each(item, `${where}[${i}]`));
}

/** The checks that need the file's text: ranges inside it. */
function checks(length: number) {
  const range: Check = (v, where) => {
    const r = object(v, where);
    const { start, end } = r;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > length) {
      fail(where, 'not a range of the text');
    }
  };
  const metadata: Check = (v, where) => {
    for (const [key, value] of Object.entries(object(v, where))) {
      if (key === 'authors') list(value, `${where}.authors`, string);
      else optional(string)(value, `${where}.${key}`);
    }
  };
  const statistic: Check = (v, where) => {
    const s = object(v, where);
    for (const key of ['id', 'text', 'sentence', 'passageId'] as const) string(s[key], `${where}.${key}`);
    if (typeof s.value !== 'number') fail(`${where}.value`, 'not a number');
    range(s.range, `${where}.range`);
    range(s.sentenceRange, `${where}.sentenceRange`);
    if (s.from !== undefined) range(object(s.from, `${where}.from`).range, `${where}.from.range`);
  };
  const section: Check = (v, where) => {
    const s = object(v, where);
    string(s.id, `${where}.id`);
    string(s.title, `${where}.title`);
    list(s.titleRanges, `${where}.titleRanges`, range);
    range(s.range, `${where}.range`);
    list(s.passages, `${where}.passages`, (p, at) => {
      const passage = object(p, at);
      string(passage.id, `${at}.id`);
      list(passage.ranges, `${at}.ranges`, range);
    });
    list(s.statistics, `${where}.statistics`, statistic);
  };
  const report: Check = (v, where) => {
    const r = object(v, where);
    string(r.id, `${where}.id`);
    string(r.title, `${where}.title`);
    optional(string)(r.author, `${where}.author`);
    range(r.titleRange, `${where}.titleRange`);
    optional(range)(r.authorRange, `${where}.authorRange`);
    range(r.range, `${where}.range`);
    section(r.intro, `${where}.intro`);
    list(r.sections, `${where}.sections`, section);
  };
  const article: Check = (v, where) => {
    const a = object(v, where);
    string(a.id, `${where}.id`);
    string(a.title, `${where}.title`);
    optional(string)(a.subtitle, `${where}.subtitle`);
    range(a.titleRange, `${where}.titleRange`);
    optional(range)(a.note, `${where}.note`);
    range(a.range, `${where}.range`);
    metadata(a.metadata, `${where}.metadata`);
    list(a.reports, `${where}.reports`, report);
  };
  return { range, metadata, article };
}

/** Why `value` is not a well-formed corpus file, or undefined when it is one. */
export function corpusFileProblem(value: unknown): string | undefined {
  try {
    const file = object(value, 'file');
    string(file.path, 'file.path');
    string(file.encoding, 'file.encoding');
    string(file.text, 'file.text');
    const { range, metadata, article } = checks((file.text as string).length);
    metadata(file.metadata, 'file.metadata');
    list(file.articles, 'file.articles', article);
    list(file.problems, 'file.problems', (p, where) => {
      const problem = object(p, where);
      string(problem.severity, `${where}.severity`);
      string(problem.message, `${where}.message`);
      optional(range)(problem.range, `${where}.range`);
    });
    return undefined;
  } catch (err) {
    if (err instanceof Malformed) return err.message;
    throw err;
  }
}
