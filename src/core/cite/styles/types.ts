import type { Reference } from '../reference';

export const STYLE_IDS = ['gbt7714-numeric', 'gbt7714-author-year', 'apa', 'chicago'] as const;
export type StyleId = (typeof STYLE_IDS)[number];

/** The text an entry is written into: italics and escaping differ. */
export type Markup = 'plain' | 'markdown' | 'latex';

/** A formatted entry and the reference fields the style needed but did not find. */
export interface Formatted {
  text: string;
  /** Field names of Reference (e.g. "publication", "date"), in the order the entry uses them. */
  missing: string[];
}

export interface CitationStyle {
  /** A built-in style's id, or the path of a CSL file. */
  id: string;
  /** The style's name for messages: "GB/T 7714-2015", "APA 7", a CSL style's title. */
  name: string;
  /** Numeric styles number works by first citation; author-year styles name author and year. */
  system: 'numeric' | 'author-year';
  /** Heading of a plain-text reference list. */
  heading: string;
  /** The reference-list entry, without a list label such as "[1] ". */
  entry(ref: Reference, markup: Markup): Formatted;
  /** The fields the reference lacks, as entry(ref).missing, without formatting it where that costs. */
  missing(ref: Reference): string[];
  /** The in-text citation: "[1]" for numeric styles, "(Author, Year)" for author-year styles. */
  inText(ref: Reference, n: number): string;
  /** The entries of a whole list, when the style tells works apart itself (CSL); see formatEntries. */
  entries?(refs: Reference[], markup: Markup): Formatted[];
}
