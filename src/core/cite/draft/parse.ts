import type { SourceRange } from '../../model';
import { lineColumn, splitLines, type Line } from '../../position';
import { message, type Message } from '../message';
import { escapedAt, inertRegions, lineIsInert, regionAt, type Region } from './regions';
import { SYNTAX, type DraftFormat, type Syntax } from './syntax';

/**
 * Reading a draft: which citation markers and reference lines are StatCite's. The rule is that
 * StatCite owns only what it wrote and can still recognise without doubt:
 * - the reference list: the (last) opening line that has StatCite entries after it, and the
 *   entries carrying a `statcite KEY: IDS` annotation up to the last of them; every other line
 *   there (a note, a footnote of the user's) is the user's and is never moved or rewritten;
 * - in numbered formats, a number is StatCite's when its one and only definition in the draft is
 *   such an entry; its markers are StatCite's. A number defined twice, a user's own footnote and a
 *   marker without any definition (an orphan) belong to the user: StatCite leaves them as written,
 *   never gives their numbers to its own references, and reports what it cannot place;
 * - nothing inside code or comments (see regions.ts) is a marker or a reference line;
 * - plain text: a citation is `[n]` after text (not at the start of a line, where it numbers a
 *   list entry) and not after an identifier or a closing bracket of one, as in `arr[1]`, `x1[2]`,
 *   `f(x)[3]` or `m[1][2]` (an index); `[1][2]` after text is two citations.
 */
export interface Marker extends SourceRange {
  /** Numbered formats: the number and the range of its digits. */
  number?: number;
  digits?: SourceRange;
  /** Keyed formats: the keys it cites. */
  keys: string[];
}

export interface Entry {
  number?: number;
  key: string;
  ids: string[];
  text?: string;
  /** The entry's line, without its line break. */
  range: SourceRange;
  /** Offset after the line break. */
  next: number;
}

export interface DraftProblem extends Message {
  range: SourceRange;
}

export interface ParsedDraft {
  format: DraftFormat;
  text: string;
  eol: string;
  /** StatCite's citation markers, in the order of the text. */
  markers: Marker[];
  /** Markers StatCite leaves alone (the user's footnotes, orphans). */
  others: SourceRange[];
  /** Numbered formats: the labels that start definition lines (`[^1]:`, `[1]`), from the line's start. */
  labels: SourceRange[];
  /** The reference list: from its opening line to the end of its last StatCite entry line (break included). */
  block?: SourceRange & {
    startLine: string;
    /** End of the last line's text: a cursor up to here is inside the list. */
    inner: number;
    /** Where new entries go when the list has none: after the lines that follow the opening line. */
    append: number;
  };
  /** StatCite's entries in the list, in the order written. */
  entries: Entry[];
  /** Numbered formats: numbers the user's own notes and markers use, never given to StatCite's references. */
  reserved: Set<number>;
  /** Code and comments: nothing there is read as a citation, and nothing is inserted there. */
  regions: Region[];
  problems: DraftProblem[];
}

/** Reads the citations and the reference list of a draft. Never throws; what it cannot place becomes a problem. */
export function parseDraft(text: string, format: DraftFormat): ParsedDraft {
  const syntax = SYNTAX[format];
  const all = splitLines(text);
  const regions = inertRegions(text, format);
  const firstBreak = /\r\n|\r|\n/.exec(text)?.[0];
  const parsed: ParsedDraft = { format, text, eol: firstBreak ?? '\n', markers: [], others: [], labels: [], entries: [], reserved: new Set(), regions, problems: [] };
  const lineNo = (offset: number) => lineColumn(text, offset).line;
  const report = (at: SourceRange | Line, template: string, ...args: Array<string | number>) =>
    parsed.problems.push({ range: { start: at.start, end: 'end' in at ? at.end : at.start + at.text.length }, ...message(template, ...args) });

  // Lines outside code, read once; the list is opened by the last opening line with StatCite
  // entries after it (before the next opening line), else by the last opening line.
  const live = all.map((line, index) => ({ line, index, fields: syntax.parseLine(line.text), start: syntax.isBlockStart(line.text) })).filter((l) => !lineIsInert(regions, l.line));
  const segments: Array<{ start: number; last: number }> = [];
  for (const l of live) {
    if (l.start) segments.push({ start: l.index, last: -1 });
    else if (l.fields && segments.length) segments[segments.length - 1].last = l.index;
  }
  const segment = [...segments].reverse().find((s) => s.last >= 0) ?? segments[segments.length - 1];
  const chosen = segment?.start;
  const lastEntry = segment?.last ?? -1;
  if (chosen !== undefined) {
    const first = all[chosen];
    let run = chosen;
    while (run + 1 < all.length && all[run + 1].text.trim() && !lineIsInert(regions, all[run + 1])) run++;
    const last = all[Math.max(lastEntry, chosen)];
    parsed.block = { start: first.start, end: last.next, startLine: first.text, inner: last.start + last.text.length, append: all[run].next };
  }
  const inBlock = (index: number) => chosen !== undefined && index > chosen && index <= lastEntry;

  // Every definition in the draft, StatCite's entries among them, and the lines StatCite cannot place.
  const definitions = new Map<string, Line[]>();
  const candidates: Entry[] = [];
  const seenKeys = new Map<string, Entry>();
  for (const { line, index, fields, start } of live) {
    const label = syntax.definition?.(line.text);
    if (label !== undefined) {
      const defs = definitions.get(label);
      if (defs) defs.push(line);
      else definitions.set(label, [line]);
    }
    if (fields && inBlock(index)) {
      const entry: Entry = { ...fields, range: { start: line.start, end: line.start + line.text.length }, next: line.next };
      const first = !syntax.numbered && seenKeys.get(entry.key);
      if (first) report(entry.range, 'line {0}: reference {1} is listed twice (first on line {2}); the second is kept as written', index + 1, entry.key, lineNo(first.range.start));
      else {
        seenKeys.set(entry.key, entry);
        candidates.push(entry);
      }
    } else if (start && index !== chosen) {
      report(line, 'line {0}: another reference list starts here; StatCite updates only the one on line {1} and keeps this one as written', index + 1, chosen! + 1);
    } else if (fields || (!start && syntax.mentions(line.text))) {
      report(line, 'line {0} looks like a StatCite reference but is not in the reference list; it is kept as written and not updated', index + 1);
    }
  }
  // Lines StatCite wrote hold no citations: their text is its own.
  const statciteLines = new Set(live.filter((l) => l.fields).map((l) => l.line.start));

  if (syntax.numbered) {
    // A number is StatCite's when its only definition is one of its entries.
    for (const entry of candidates) {
      const defs = definitions.get(String(entry.number)) ?? [];
      if (defs.length === 1) parsed.entries.push(entry);
      else {
        const elsewhere = defs.filter((d) => d.start !== entry.range.start).map((d) => lineNo(d.start));
        report(entry.range, 'line {0}: reference {1} is also defined on line {2}; StatCite leaves both and their citations as written', lineNo(entry.range.start), labelOf(format, entry.number!), elsewhere.join(', '));
      }
    }
    const mine = new Set(parsed.entries.map((e) => e.number!));
    for (const key of definitions.keys()) if (/^[1-9]\d*$/.test(key) && !mine.has(Number(key))) parsed.reserved.add(Number(key));
    numberedMarkers(parsed, syntax, mine, definitions, statciteLines);
  } else {
    parsed.entries = candidates;
    keyedMarkers(parsed, syntax);
  }
  for (const r of regions) {
    if (r.unclosed && text.includes('statcite', r.start)) {
      const line = lineNo(r.start);
      parsed.problems.push({ range: { start: r.start, end: all[line - 1].start + all[line - 1].text.length }, ...message('line {0}: this code block is never closed, so the rest of the draft is code and StatCite reads no citation there', line) });
    }
  }
  parsed.problems.sort((a, b) => a.range.start - b.range.start);
  return parsed;
}

function labelOf(format: DraftFormat, n: number): string {
  return format === 'markdown' ? `[^${n}]` : `[${n}]`;
}

/** Whether only spaces and tabs stand between the start of the line and `offset`. */
function atLineStart(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r';
}

/** Offset of the start of the line holding `offset`. */
function lineStartOf(text: string, offset: number): number {
  return offset - lineColumn(text, offset).column + 1;
}

/** Markers of numbered formats: StatCite's when their number is; the rest reserve their number. */
function numberedMarkers(parsed: ParsedDraft, syntax: Syntax, mine: Set<number>, definitions: Map<string, Line[]>, statciteLines: Set<number>): void {
  const { text, format, regions } = parsed;
  const lineStarts = new Set([...definitions.values()].flat().map((l) => l.start));
  const shapes = format === 'plain' ? plainShapes(text) : undefined;
  const re = new RegExp(syntax.markers.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (regionAt(regions, start)) continue;
    const lineStart = lineStartOf(text, start);
    if (statciteLines.has(lineStart)) continue;
    const atDefinition = lineStarts.has(lineStart) && !text.slice(lineStart, start).trim();
    if (atDefinition) {
      // `[^1]:` / `[1] …` defines a label: not a citation, and nothing goes between it and the line's start.
      parsed.labels.push({ start: lineStart, end: end + (format === 'markdown' && text[end] === ':' ? 1 : 0) });
      continue;
    }
    if (format === 'markdown' && escapedAt(text, start)) continue; // \[^1] is literal text
    if (shapes && shapes.get(start) !== 'citation') continue;
    const label = m[1];
    const number = /^[1-9]\d*$/.test(label) ? Number(label) : undefined;
    if (number !== undefined && mine.has(number)) {
      const digitsStart = start + m[0].indexOf(label);
      parsed.markers.push({ start, end, number, digits: { start: digitsStart, end: digitsStart + label.length }, keys: [] });
      continue;
    }
    parsed.others.push({ start, end });
    if (number !== undefined) parsed.reserved.add(number);
    if (format === 'markdown' && !definitions.has(label)) {
      parsed.problems.push({ range: { start, end }, ...message('line {0}: footnote [^{1}] has no definition; StatCite leaves it as written', lineColumn(text, start).line, label) });
    }
  }
}

type Shape = 'citation' | 'index' | 'line';

/**
 * Plain text: the shape of every bracket group — `citation` when it follows text, `index` when it
 * follows an identifier, a closing parenthesis or an index (`arr[1]`, `f(x)[1]`, `m[1][2]`),
 * `line` at the start of a line. A group right after another group takes that group's shape.
 */
function plainShapes(text: string): Map<number, Shape> {
  const shapes = new Map<number, Shape>();
  let previous: { end: number; shape: Shape } | undefined;
  for (const m of text.matchAll(/\[[^[\]\r\n]*\]/g)) {
    const start = m.index;
    let shape: Shape;
    if (previous && previous.end === start) shape = previous.shape === 'index' ? 'index' : 'citation';
    else {
      let i = start;
      while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) i--;
      const word = text.slice(i, start);
      if (/[A-Za-z_]/.test(word) || (word === '' && text[i - 1] === ')')) shape = 'index';
      else if (word === '' && atLineStart(text, start)) shape = 'line';
      else shape = 'citation';
    }
    shapes.set(start, shape);
    previous = { end: start + m[0].length, shape };
  }
  return shapes;
}

/** Plain text: whether a marker written right after `before` (the text of its line up to it) reads as a citation. */
export function plainCitationFits(before: string): boolean {
  return plainShapes(`${before}[1]`).get(before.length) === 'citation';
}

/** Markers of keyed formats: every citation outside code and comments (its keys decide whose it is). */
function keyedMarkers(parsed: ParsedDraft, syntax: Syntax): void {
  const { text, format, regions } = parsed;
  const re = new RegExp(syntax.markers.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (regionAt(regions, m.index)) continue;
    const keys =
      format === 'pandoc'
        ? [...m[1].matchAll(/(?:^|[\s;[])-?@([\w.:/#$%&+?<>~-]*\w)/g)].map((k) => k[1])
        : m[1].split(',').map((k) => k.trim()).filter(Boolean);
    if (keys.length) parsed.markers.push({ start: m.index, end: m.index + m[0].length, keys });
  }
}
