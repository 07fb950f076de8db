/**
 * The shape of a corpus file. The cache is checksummed, so damage is caught before this; what
 * this catches is a cache that is intact but not a model (edited by hand, or written wrong):
 * every list the views and the index iterate must be a list, every id and text a string, and
 * every range must lie inside the file's text, or the file is refused (then the corpus is read
 * afresh) rather than crash whatever walks it. The cache keeps each file packed (corpus/packed.ts):
 * a warm start checks the fields kept beside the bytes (packedFileProblem) and decodes nothing;
 * the bytes are V8's serialisation of a model this version's reader made. It is plain loops, and
 * it names what is wrong by kind (a statistic's range), not by position.
 */
import { textLengthOf } from '../corpus/packed';

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

  /** A page number (PDF), where there is one. */
  page(v: unknown, what: string): void {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 1)) fail(what, 'is not a page number');
  }

  passage(v: unknown): void {
    const p = object(v, 'a passage');
    text(p.id, "a passage's id");
    this.ranges(p.ranges, "a passage's ranges");
    // Search opens a passage at its first range.
    if (!(p.ranges as unknown[]).length) fail("a passage's ranges", 'are empty');
    this.page(p.page, "a passage's page");
  }

  statistic(v: unknown): void {
    const s = object(v, 'a statistic');
    if (typeof s.id !== 'string' || typeof s.text !== 'string' || typeof s.sentence !== 'string' || typeof s.passageId !== 'string') {
      fail('a statistic', 'lacks its id, text, sentence or passage');
    }
    // What the table, the cards and the citations read as text.
    if (typeof s.metric !== 'string' || typeof s.metricKey !== 'string' || typeof s.unit !== 'string' || typeof s.kind !== 'string') {
      fail('a statistic', 'lacks its metric, metric key, unit or kind');
    }
    optionalText(s.subject, "a statistic's subject");
    optionalText(s.issuer, "a statistic's issuer");
    optionalText(s.period, "a statistic's period");
    optionalText(s.basis, "a statistic's basis");
    if (typeof s.value !== 'number') fail("a statistic's value", 'is not a number');
    this.range(s.range, "a statistic's range");
    this.range(s.sentenceRange, "a statistic's sentence range");
    if (s.from !== undefined) this.range(object(s.from, "a statistic's from").range, "a statistic's from range");
    this.page(s.page, "a statistic's page");
  }

  /** How the text was extracted (HTML, PDF, Word): offsets into the text, each in order. */
  source(v: unknown): void {
    if (v === undefined) return;
    const s = object(v, "the file's source");
    text(s.format, "the source's format");
    if (s.pages !== undefined) this.offsets(array(s.pages, "the source's pages"), "the source's pages");
    if (s.anchors !== undefined) {
      const anchors = array(s.anchors, "the source's anchors");
      const at: unknown[] = [];
      for (let i = 0; i < anchors.length; i++) {
        const pair = array(anchors[i], "a source anchor");
        if (pair.length !== 2 || !Number.isInteger(pair[1]) || (pair[1] as number) < 0) fail('a source anchor', 'is not a pair of offsets');
        at.push(pair[0]);
      }
      this.offsets(at, "the source's anchors");
    }
  }

  /** Offsets into the text, in order. */
  private offsets(list: unknown[], what: string): void {
    let last = 0;
    for (let i = 0; i < list.length; i++) {
      const at = list[i];
      if (!Number.isInteger(at) || (at as number) < last || (at as number) > this.length) fail(what, 'are not offsets of the text in order');
      last = at as number;
    }
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
  return problemOf(value, () => {
    const file = object(value, 'the file');
    text(file.path, "the file's path");
    text(file.encoding, "the file's encoding");
    text(file.text, "the file's text");
    const check = new FileCheck((file.text as string).length);
    check.metadata(file.metadata);
    check.source(file.source);
    check.each(file.articles, "the file's articles", check.article);
    check.each(file.problems, "the file's problems", check.problem);
  });
}

/** Why `value` is not the fields beside a packed file's `bytes`, or undefined when they are (see corpus/packed.ts). */
export function packedFileProblem(value: unknown, bytes: Uint8Array): string | undefined {
  return problemOf(value, () => {
    const file = object(value, 'the file');
    text(file.path, "the file's path");
    text(file.encoding, "the file's encoding");
    const summary = object(file.summary, "the file's summary");
    for (const key of ['statistics', 'documents']) {
      if (!Number.isInteger(summary[key]) || (summary[key] as number) < 0) fail(`the summary's ${key}`, 'is not a count');
    }
    text(summary.ids, "the summary's ids");
    optionalText(summary.articleDate, "the summary's article date");
    const length = textLengthOf(bytes);
    if (length < 0) fail("the file's bytes", 'hold no text');
    const check = new FileCheck(length);
    check.each(summary.articles, "the summary's articles", (id) => text(id, 'an article id'));
    check.metadata(file.metadata);
    check.each(file.problems, "the file's problems", check.problem);
  });
}

/** What `check` finds wrong with the file `value`, named by its path. */
function problemOf(value: unknown, check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    if (err instanceof Malformed) return `${String((value as { path?: unknown } | null)?.path)}: ${err.message}`;
    throw err;
  }
}
