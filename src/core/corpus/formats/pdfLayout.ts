/**
 * A PDF's text layer → paragraphs. PDF has no paragraphs, only positioned runs of text; the
 * layout tells them:
 * - Runs on one baseline form a line (content-stream order is reading order for the generators
 *   reports come from, columns included).
 * - Running headers and footers go: the short top and bottom lines of a page, no sentence, that
 *   repeat at the same height, digits aside, on at least half the pages, and lone page numbers
 *   (3, - 3 -, 第3页, 3/12, Page 3 of 12).
 * - A line continues the paragraph above unless its font size differs, a blank gap stands
 *   between them, it is set in from the lines around it (Chinese paragraphs start two characters
 *   in), or the line above stops short of its column's edge after a sentence end (or far short:
 *   a heading). Centred lines of a title run together. Indents and edges are measured within a
 *   line's column, so that two-column pages read as well.
 * - A paragraph that does not end a sentence continues on the next page unless that page's first
 *   line is indented: no paragraph is cut at a page break.
 * Lines are joined without a space, except between two Latin words.
 */
import { endsSentence } from '../text';

/** A run of text as pdf.js gives it, in PDF units (y grows upwards). */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
  /** The run ends its line. */
  eol: boolean;
}

export interface PdfPage {
  runs: Run[];
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** One paragraph and the page it starts on (0-based); `continues` when it runs on from the last one. */
export interface LaidOutParagraph {
  text: string;
  page: number;
  continues: boolean;
}

const PAGE_NUMBER = /^(?:[-—–·•\s]*\d{1,4}[-—–·•\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[ivxlc]{1,6})$/i;
/** Longest running header or footer (characters). */
const MAX_RUNNING = 60;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;
const DIGIT_END = /\d$/;
const DIGIT_START = /^\d/;

/** The runs of a page as lines, in stream order. */
function linesOf(runs: Run[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  let lastEnd = 0;
  let broken = true;
  for (const run of runs) {
    const text = run.text;
    const sameLine = line && !broken && Math.abs(run.y - line.y) <= Math.max(line.size, run.size) * 0.5;
    if (text.trim() && sameLine && line) {
      const gap = run.x - lastEnd;
      // A gap of a space or more between words of Latin script, or a wide one (a table's columns), is a space.
      const space = (gap > run.size * 0.2 && LATIN_END.test(line.text) && LATIN_START.test(text)) || gap > run.size * 1.5;
      line.text += (space && !line.text.endsWith(' ') && !text.startsWith(' ') ? ' ' : '') + text;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, run.size);
    } else if (text.trim()) {
      line = { text, x: run.x, right: run.x + run.width, y: run.y, size: run.size };
      lines.push(line);
    }
    if (text.trim()) lastEnd = run.x + run.width;
    broken = run.eol && !text.trim() ? true : run.eol;
    if (broken) line = undefined;
  }
  for (const l of lines) l.text = l.text.trim();
  return lines.filter((l) => l.text);
}

/** A running header or footer: its text, digits aside (page numbers and dates change), and its height on the page. */
const shape = (l: Line): string => `${Math.round(l.y / 8)}:${l.text.replace(/\s+/g, '').replace(/\d+/g, '#')}`;

/** The top and bottom lines of a page: where running headers, footers and page numbers stand. */
function edges(lines: Line[]): Line[] {
  if (lines.length === 0) return [];
  const byY = [...lines].sort((a, b) => b.y - a.y);
  const n = Math.min(2, Math.floor(byY.length / 2) || 1);
  return [...byY.slice(0, n), ...byY.slice(-n)];
}

function withoutRunningLines(pages: Line[][]): Line[][] {
  const seen = new Map<string, number>();
  const edgeSets = pages.map((lines) => new Set(edges(lines)));
  for (const set of edgeSets) for (const s of new Set([...set].map(shape))) seen.set(s, (seen.get(s) ?? 0) + 1);
  // Running lines are short and no sentences: a body line that happens to repeat (a table row, a
  // formula) is not one.
  const running = (l: Line): boolean => l.text.length <= MAX_RUNNING && !endsSentence(l.text);
  const repeated = (l: Line): boolean => pages.length >= 2 && running(l) && (seen.get(shape(l)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines, i) => lines.filter((l) => !(edgeSets[i].has(l) && (PAGE_NUMBER.test(l.text) || repeated(l)))));
}

/** The most common value, rounded to whole units (the body's font size, line pitch). */
function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && best !== undefined && v < best)) [best, bestCount] = [v, c];
  return best;
}

/** Lines whose left edges lie this many font sizes apart stand in different columns. */
const COLUMN = 6;

/**
 * A page's lines with the measures that tell paragraphs apart, taken from each line's neighbours
 * in its column, so that two-column pages read like one-column ones: whether a line is set in
 * from the lines around it (a first-line indent), and where full lines of its column end.
 */
class Page {
  private readonly pitch: number;
  private readonly left: number;
  private readonly right: number;

  constructor(
    readonly lines: Line[],
    private readonly bodySize: number,
  ) {
    const body = lines.filter((l) => this.isBody(l));
    const gaps = body.slice(1).map((l, i) => body[i].y - l.y).filter((g) => g > 0 && g < bodySize * 4);
    this.pitch = mode(gaps) ?? bodySize * 1.5;
    this.left = Math.min(...(body.length ? body : lines).map((l) => l.x));
    this.right = Math.max(...(body.length ? body : lines).map((l) => l.right));
  }

  private isBody(l: Line): boolean {
    return Math.abs(l.size - this.bodySize) <= this.bodySize * 0.15;
  }

  private sameColumn(a: Line, b: Line): boolean {
    return Math.abs(a.x - b.x) < a.size * COLUMN && this.isBody(b) === this.isBody(a);
  }

  /** Set in by a character or more from the line before or after it in its column. */
  indented(i: number): boolean {
    const line = this.lines[i];
    const near = [this.lines[i - 1], this.lines[i + 1]].filter((l) => l && this.sameColumn(line, l));
    return near.some((l) => line.x - l.x > line.size * 0.9);
  }

  /** How far short of the full lines around it in its column the line ends. */
  shortfall(i: number): number {
    const line = this.lines[i];
    let right = line.right;
    for (let k = Math.max(0, i - 3); k <= Math.min(this.lines.length - 1, i + 3); k++) {
      if (this.sameColumn(line, this.lines[k])) right = Math.max(right, this.lines[k].right);
    }
    return right - line.right;
  }

  /** Set in from both page edges by about as much, and by more than a first-line indent: a title's line. */
  centred(i: number): boolean {
    const line = this.lines[i];
    const before = line.x - this.left;
    const after = this.right - line.right;
    return before > line.size * 2.5 && after > line.size * 2.5 && Math.abs(before - after) < line.size * 1.5;
  }

  /** Whether line i starts a new paragraph after line i - 1. */
  startsParagraph(i: number): boolean {
    const prev = this.lines[i - 1];
    const line = this.lines[i];
    if (Math.abs(prev.size - line.size) > Math.max(prev.size, line.size) * 0.15) return true;
    const gap = prev.y - line.y;
    if (gap > this.pitch * 1.6 || gap < -line.size) return true;
    if (this.centred(i - 1) && this.centred(i)) return endsSentence(prev.text);
    if (this.indented(i) || this.centred(i - 1)) return true;
    // A line ends short at a paragraph's end (after a sentence) or a heading's (far short); a long
    // word wrapped to the next line leaves a smaller gap.
    const shortfall = this.shortfall(i - 1);
    return shortfall > prev.size * 8 || (shortfall > prev.size * 2 && endsSentence(prev.text));
  }
}

/** What goes between two lines of one paragraph: nothing, or a space between Latin words (a number split over two lines stays one). */
function separator(before: string, after: string): string {
  return LATIN_END.test(before) && LATIN_START.test(after) && !(DIGIT_END.test(before) && DIGIT_START.test(after)) ? ' ' : '';
}

/**
 * Every page's runs → paragraphs in reading order, each with the page it starts on. A paragraph
 * running on across a page break comes as a second piece (`continues`, with its separator), so
 * that where the new page begins is known.
 */
export function layoutPages(pages: PdfPage[]): LaidOutParagraph[] {
  const lines = withoutRunningLines(pages.map((p) => linesOf(p.runs)));
  const sizes = lines.flat().flatMap((l) => Array<number>(Math.min(l.text.length, 200)).fill(l.size));
  const bodySize = mode(sizes) ?? 12;
  const out: LaidOutParagraph[] = [];
  let last: { piece: LaidOutParagraph; line: Line } | undefined;
  lines.forEach((pageLines, n) => {
    const page = new Page(pageLines, bodySize);
    pageLines.forEach((line, i) => {
      if (last && i > 0 && !page.startsParagraph(i)) {
        last.piece.text += separator(last.piece.text, line.text) + line.text;
        last.line = line;
        return;
      }
      // A paragraph that stops mid-sentence runs on to the next page, unless that page starts a new one.
      const continues = !!last && i === 0 && !endsSentence(last.piece.text) && !page.indented(0) && Math.abs(last.line.size - line.size) <= line.size * 0.15;
      const piece = { text: (continues ? separator(last!.piece.text, line.text) : '') + line.text, page: n, continues };
      out.push(piece);
      last = { piece, line };
    });
  });
  return out;
}
