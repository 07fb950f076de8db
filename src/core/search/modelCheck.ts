/**
 * The shape of a corpus file read back from the cache. The cache is checksummed, so damage is
 * caught before this; what this catches is a cache that is intact but not a model (edited by
 * hand, or written wrong): every list the views and the index iterate must be a list, every id
 * and text a string, and every range must lie inside the file's text, or the file is refused
 * (then the corpus is read afresh) rather than crash whatever walks it. It runs on every warm
 * start (about 50 ms for the 1,424 files of the benchmark corpus in a fresh process), so it is
 * plain loops, and it names what is wrong by kind (a statistic's range), not by position.
 */

class Malformed extends Error {}

type Node = Record<string, unknown>;

const fail = (what: string, why: string): never => {
  throw new Malformed(`${what} ${why}`);
};

function object(v: unknown, what: string): Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : fail(what, 'is not an object');
}

function array(v: unknown, what: string): unknown[] {
  return Array.isArray(v) ? v : fail(what, 'is not a list');
}

function text(v: unknown, what: string): void {
  if (typeof v !== 'string') fail(what, 'is not text');
}

function optionalText(v: unknown, what: string): void {
  if (v !== undefined && typeof v !== 'string') fail(what, 'is not text');
}

/** The checks of one file: its ranges must lie inside its text. */
class FileCheck {
  constructor(private readonly length: number) {}

  range(v: unknown, what: string): void {
    const { start, end } = object(v, what);
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > this.length) {
      fail(what, 'is not a range of the text');
    }
  }

  ranges(v: unknown, what: string): void {
    const list = array(v, what);
    for (let i = 0; i < list.length; i++) this.range(list[i], what);
  }

  metadata(v: unknown): void {
    const m = object(v, 'metadata');
    for (const key in m) {
      if (key === 'authors') this.each(m[key], 'metadata authors', (author) => text(author, 'an author'));
      else optionalText(m[key], `metadata ${key}`);
    }
  }

  /**
   * Calls check on every item of the list `v` (indexed: an iterator per loop is garbage to
   * collect, and on a warm start this runs once, unoptimised, over every node).
   */
  each(v: unknown, what: string, check: (this: FileCheck, item: unknown) => void): void {
    const list = array(v, what);
    for (let i = 0; i < list.length; i++) check.call(this, list[i]);
  }

  passage(v: unknown): void {
    const p = object(v, 'a passage');
    text(p.id, "a passage's id");
    this.ranges(p.ranges, "a passage's ranges");
  }

  statistic(v: unknown): void {
    const s = object(v, 'a statistic');
    if (typeof s.id !== 'string' || typeof s.text !== 'string' || typeof s.sentence !== 'string' || typeof s.passageId !== 'string') {
      fail('a statistic', 'lacks its id, text, sentence or passage');
    }
    if (typeof s.value !== 'number') fail("a statistic's value", 'is not a number');
    this.range(s.range, "a statistic's range");
    this.range(s.sentenceRange, "a statistic's sentence range");
    if (s.from !== undefined) this.range(object(s.from, "a statistic's from").range, "a statistic's from range");
  }

  section(v: unknown): void {
    const s = object(v, 'a section');
    text(s.id, "a section's id");
    text(s.title, "a section's title");
    this.ranges(s.titleRanges, "a section's title ranges");
    this.range(s.range, "a section's range");
    this.each(s.passages, "a section's passages", this.passage);
    this.each(s.statistics, "a section's statistics", this.statistic);
  }

  report(v: unknown): void {
    const r = object(v, 'a report');
    text(r.id, "a report's id");
    text(r.title, "a report's title");
    optionalText(r.author, "a report's author");
    this.range(r.titleRange, "a report's title range");
    if (r.authorRange !== undefined) this.range(r.authorRange, "a report's author range");
    this.range(r.range, "a report's range");
    this.section(r.intro);
    this.each(r.sections, "a report's sections", this.section);
  }

  article(v: unknown): void {
    const a = object(v, 'an article');
    text(a.id, "an article's id");
    text(a.title, "an article's title");
    optionalText(a.subtitle, "an article's subtitle");
    this.range(a.titleRange, "an article's title range");
    if (a.note !== undefined) this.range(a.note, "an article's note");
    this.range(a.range, "an article's range");
    this.metadata(a.metadata);
    this.each(a.reports, "an article's reports", this.report);
  }

  problem(v: unknown): void {
    const p = object(v, 'a problem');
    text(p.severity, "a problem's severity");
    text(p.message, "a problem's message");
    if (p.range !== undefined) this.range(p.range, "a problem's range");
  }
}

/** Why `value` is not a well-formed corpus file, or undefined when it is one. */
export function corpusFileProblem(value: unknown): string | undefined {
  try {
    const file = object(value, 'the file');
    text(file.path, "the file's path");
    text(file.encoding, "the file's encoding");
    text(file.text, "the file's text");
    const check = new FileCheck((file.text as string).length);
    check.metadata(file.metadata);
    check.each(file.articles, "the file's articles", check.article);
    check.each(file.problems, "the file's problems", check.problem);
    return undefined;
  } catch (err) {
    if (err instanceof Malformed) return `${String((value as { path?: unknown } | null)?.path)}: ${err.message}`;
    throw err;
  }
}
