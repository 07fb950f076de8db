/**
 * The extracted text of a document, built paragraph by paragraph: one paragraph per line with a
 * blank line between, as the plain-text reader expects, plus what the format knows about it
 * (headings, pages, where each paragraph came from, table cells).
 */
import type { Metadata, Problem, SourceMap, SourceRange } from '../../model';

/** A figure's cell in a table: its headers say what it measures and of whom. */
export interface TableCell extends SourceRange {
  metric?: string;
  subject?: string;
  period?: string;
}

/** What a reader extracted from a document. */
export interface Extracted {
  text: string;
  /** The character encoding the text was decoded from, or the container format ('pdf', 'docx'). */
  encoding: string;
  source: SourceMap;
  /** What the document states about itself (meta tags, document properties). */
  metadata: Metadata;
  /** The document's own title (from its properties), for an article whose text has no title line. */
  title?: string;
  /** Start offsets of the paragraphs that are section headings by the document's markup. */
  headings: Set<number>;
  cells: TableCell[];
  problems: Problem[];
}

/** A document that yields no text: the reason, naming what is wrong with it. */
export class Unreadable extends Error {}

const SPACE_RUN = /[ \t\r\n\f\u00a0\u3000\u2002-\u200b\ufeff]+/g;
/** Characters between which a space from a line break is no space: CJK text and its punctuation. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * White space as a reader sees it: runs become one space, and none is left where a line break
 * stood between two Chinese characters (source line breaks and PDF line ends are not spaces).
 */
export function collapseSpace(text: string): string {
  return text
    .replace(SPACE_RUN, (run, at: number, all: string) => {
      const before = all[at - 1] ?? '';
      const after = all[at + run.length] ?? '';
      return /[\r\n]/.test(run) && CJK.test(before) && CJK.test(after) ? '' : ' ';
    })
    .trim();
}

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly headings = new Set<number>();
  readonly cells: TableCell[] = [];
  readonly anchors: Array<[number, number]> = [];
  readonly pages: number[] = [];
  /** Pages begun whose first text has not come yet. */
  private pendingPages = 0;

  /** Bytes of text so far, to bound what a document may produce. */
  get size(): number {
    return this.length;
  }

  /**
   * Adds a paragraph (white space collapsed); returns its start offset, or -1 when it is empty.
   * `anchor` is where it stands in the original.
   */
  paragraph(text: string, options: { heading?: boolean; anchor?: number } = {}): number {
    const clean = collapseSpace(text);
    if (!clean) return -1;
    if (this.length) this.push('\n\n');
    const start = this.length;
    this.startPages(start);
    this.push(clean);
    if (options.heading) this.headings.add(start);
    if (options.anchor !== undefined) this.anchors.push([start, options.anchor]);
    return start;
  }

  /** Continues the last paragraph (one that runs on across a page break). */
  append(text: string): void {
    this.startPages(this.length);
    this.push(text);
  }

  /** A new page begins (PDF): it starts where its first text goes; a page without text, there too. */
  pageBreak(): void {
    this.pendingPages++;
  }

  cell(cell: TableCell): void {
    this.cells.push(cell);
  }

  text(): string {
    this.startPages(this.length);
    return this.parts.join('');
  }

  private startPages(at: number): void {
    for (; this.pendingPages > 0; this.pendingPages--) this.pages.push(at);
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}
