/**
 * The shape of a corpus file read back from the cache. The cache is checksummed, so damage is
 * caught before this; what this catches is a cache that is intact but not a model (edited by
 * hand, or written wrong): every list the views and the index iterate must be a list, every id
 * and text a string, and every range must lie inside the file's text, or the file is refused
 * (then the corpus is read afresh) rather than crash whatever walks it. It runs on every warm
 * start, so it names what is wrong by kind (a statistic's range), not by position.
 */

class Malformed extends Error {}

type Check = (value: unknown, what: string) => void;

const fail = (what: string, why: string): never => {
  throw new Malformed(`${what} ${why}`);
};

function object(v: unknown, what: string): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(what, 'is not an object');
}

const string: Check = (v, what) => {
  if (typeof v !== 'string') fail(what, 'is not text');
};

const optional =
  (check: Check): Check =>
  (v, what) =>
    v === undefined || check(v, what);

function list(v: unknown, what: string, each: (item: unknown, what: string) => void, itemWhat = what): void {
  if (!Array.isArray(v)) fail(what, 'is not a list');
  for (const item of v as unknown[]) each(item, itemWhat);
}

/** The checks that need the file's text: ranges inside it. */
function checks(length: number) {
  const range: Check = (v, what) => {
    const { start, end } = object(v, what);
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > length) {
      fail(what, 'is not a range of the text');
    }
  };
  const metadata = (v: unknown): void => {
    const m = object(v, 'metadata');
    for (const key in m) {
      if (key === 'authors') list(m[key], 'metadata authors', string, 'an author');
      else if (m[key] !== undefined && typeof m[key] !== 'string') fail(`metadata ${key}`, 'is not text');
    }
  };
  const statistic = (v: unknown): void => {
    const s = object(v, 'a statistic');
    if (typeof s.id !== 'string' || typeof s.text !== 'string' || typeof s.sentence !== 'string' || typeof s.passageId !== 'string') {
      fail('a statistic', 'lacks its id, text, sentence or passage');
    }
    if (typeof s.value !== 'number') fail("a statistic's value", 'is not a number');
    range(s.range, "a statistic's range");
    range(s.sentenceRange, "a statistic's sentence range");
    if (s.from !== undefined) range(object(s.from, "a statistic's from").range, "a statistic's from range");
  };
  const passage = (v: unknown): void => {
    const p = object(v, 'a passage');
    string(p.id, "a passage's id");
    list(p.ranges, "a passage's ranges", range, "a passage's range");
  };
  const section = (v: unknown): void => {
    const s = object(v, 'a section');
    string(s.id, "a section's id");
    string(s.title, "a section's title");
    list(s.titleRanges, "a section's title ranges", range, "a section's title range");
    range(s.range, "a section's range");
    list(s.passages, "a section's passages", passage);
    list(s.statistics, "a section's statistics", statistic);
  };
  const report = (v: unknown): void => {
    const r = object(v, 'a report');
    string(r.id, "a report's id");
    string(r.title, "a report's title");
    optional(string)(r.author, "a report's author");
    range(r.titleRange, "a report's title range");
    optional(range)(r.authorRange, "a report's author range");
    range(r.range, "a report's range");
    section(r.intro);
    list(r.sections, "a report's sections", section);
  };
  const article = (v: unknown): void => {
    const a = object(v, 'an article');
    string(a.id, "an article's id");
    string(a.title, "an article's title");
    optional(string)(a.subtitle, "an article's subtitle");
    range(a.titleRange, "an article's title range");
    optional(range)(a.note, "an article's note");
    range(a.range, "an article's range");
    metadata(a.metadata);
    list(a.reports, "an article's reports", report);
  };
  const problem = (v: unknown): void => {
    const p = object(v, 'a problem');
    string(p.severity, "a problem's severity");
    string(p.message, "a problem's message");
    optional(range)(p.range, "a problem's range");
  };
  return { metadata, article, problem };
}

/** Why `value` is not a well-formed corpus file, or undefined when it is one. */
export function corpusFileProblem(value: unknown): string | undefined {
  try {
    const file = object(value, 'the file');
    for (const key of ['path', 'encoding', 'text']) string(file[key], `the file's ${key}`);
    const { metadata, article, problem } = checks((file.text as string).length);
    metadata(file.metadata);
    list(file.articles, "the file's articles", article);
    list(file.problems, "the file's problems", problem);
    return undefined;
  } catch (err) {
    if (err instanceof Malformed) return `${String((value as { path?: unknown })?.path)}: ${err.message}`;
    throw err;
  }
}
