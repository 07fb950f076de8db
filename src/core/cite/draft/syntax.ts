/**
 * How citations are written in each kind of draft. Every format keeps, inside the draft itself and
 * invisible once rendered, an annotation per cited work: `statcite <key>: <id> <id> …`, where the
 * key is the corpus report id (also the BibTeX / CSL-JSON key) and the ids are the statistics and
 * passages cited from it. That is all a draft needs to resolve each citation back to the corpus.
 *
 * - markdown: `[^1]` markers; at the end a block opened by `<!-- statcite: references -->` holding
 *   `[^1]: <entry> <!-- statcite KEY: IDS -->` footnote definitions (HTML comments do not render).
 * - pandoc:   `[@KEY]` markers; the block holds `<!-- statcite KEY: IDS -->` lines; the entries live
 *   in the CSL-JSON bibliography.
 * - latex:    `\cite{KEY}` markers; the block is `% statcite: references` and `% statcite KEY: IDS`
 *   comment lines; the entries live in the .bib file.
 * - plain:    `[1]` markers; the block is a `参考文献` / `References` heading followed by
 *   `[1] <entry> {{statcite KEY: IDS}}` lines (plain text has no hidden syntax; this stays short).
 */
export type DraftFormat = 'markdown' | 'pandoc' | 'latex' | 'plain';

/**
 * The format of a draft from its language (VS Code's language id, when there is one) or its file
 * name: LaTeX for .tex/.ltx, Markdown (footnotes or Pandoc, as the user chose) for Markdown, plain
 * text for anything else. The extension and the CLI both decide with this.
 */
export function draftFormatOf(fileName: string, markdownMode: 'footnote' | 'pandoc', languageId?: string): DraftFormat {
  if (languageId === 'latex' || languageId === 'tex' || /\.(tex|ltx)$/i.test(fileName)) return 'latex';
  const markdown = languageId !== undefined ? languageId === 'markdown' : /\.(md|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext)$/i.test(fileName);
  if (markdown) return markdownMode === 'pandoc' ? 'pandoc' : 'markdown';
  return 'plain';
}

const KEY = '([A-Za-z0-9][\\w.:/-]*)';
/** StatCite numbers its references 1, 2, 3 …; a label like 01 or 0 is someone else's. */
const NUMBER = '[1-9]\\d*';
const MARKDOWN_LINE = new RegExp(`^\\[\\^(${NUMBER})\\]:\\s?(.*?)\\s*<!--\\s*statcite ${KEY}:([^>]*?)\\s*-->\\s*$`);
const PANDOC_LINE = new RegExp(`^\\s*<!--\\s*statcite ${KEY}:([^>]*?)\\s*-->\\s*$`);
const LATEX_LINE = new RegExp(`^\\s*%\\s*statcite ${KEY}:(.*?)\\s*$`);
const PLAIN_LINE = new RegExp(`^\\[(${NUMBER})\\]\\s?(.*?)\\s*\\{\\{statcite ${KEY}:([^}]*)\\}\\}\\s*$`);

export interface Syntax {
  /** Numbered formats carry the entry text in the draft and number works by first citation. */
  numbered: boolean;
  /** The line that opens the block; `heading` is the style's heading for plain text. */
  blockStart(heading: string): string;
  isBlockStart(line: string): boolean;
  /** A StatCite entry or annotation line (one carrying `statcite KEY: IDS`) → its parts; else undefined. */
  parseLine(line: string): { number?: number; text?: string; key: string; ids: string[] } | undefined;
  /** Whether a line holds StatCite's hidden syntax (so one that cannot be read is worth reporting). */
  mentions(line: string): boolean;
  /** Numbered formats: the label a line defines (`[^label]:` / `[n] …` at its start), StatCite's or not. */
  definition?(line: string): string | undefined;
  line(entry: { number?: number; text?: string; key?: string; ids: string[] }): string;
  /** Citation markers in running text. */
  markers: RegExp;
  marker(ref: { number?: number; key: string; locator?: string }): string;
}

const annotation = (key: string | undefined, ids: string[]) => (key ? `statcite ${key}: ${ids.join(' ')}`.trimEnd() : '');
const splitIds = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

const markdown: Syntax = {
  numbered: true,
  blockStart: () => '<!-- statcite: references -->',
  isBlockStart: (line) => /^\s*<!--\s*statcite:\s*references\s*-->\s*$/.test(line),
  parseLine(line) {
    const m = line.match(MARKDOWN_LINE);
    return m ? { number: Number(m[1]), text: m[2], key: m[3], ids: splitIds(m[4]) } : undefined;
  },
  mentions: (line) => /<!--\s*statcite\b/.test(line),
  definition: (line) => /^ {0,3}\[\^([^\]\s]+)\]:/.exec(line)?.[1],
  line: (e) => `[^${e.number}]: ${e.text ?? ''}${e.key ? ` <!-- ${annotation(e.key, e.ids)} -->` : ''}`,
  // Any footnote reference; which are StatCite's is decided by the parse (see parse.ts).
  markers: /\[\^([^[\]\s]+)\]/g,
  marker: (r) => `[^${r.number}]`,
};

const pandoc: Syntax = {
  numbered: false,
  blockStart: markdown.blockStart,
  isBlockStart: markdown.isBlockStart,
  parseLine(line) {
    const m = line.match(PANDOC_LINE);
    return m ? { key: m[1], ids: splitIds(m[2]) } : undefined;
  },
  mentions: markdown.mentions,
  line: (e) => `<!-- ${annotation(e.key, e.ids)} -->`,
  // [@key], [see @key, p. 3], [@a; @b]: keys are read from the bracket's content (one with an @).
  markers: /\[([^[\]]*)\]/g,
  marker: (r) => `[@${r.key}${r.locator ? `, ${r.locator}` : ''}]`,
};

const latex: Syntax = {
  numbered: false,
  blockStart: () => '% statcite: references',
  isBlockStart: (line) => /^\s*%\s*statcite:\s*references\s*$/.test(line),
  parseLine(line) {
    const m = line.match(LATEX_LINE);
    return m ? { key: m[1], ids: splitIds(m[2]) } : undefined;
  },
  mentions: (line) => /^\s*%\s*statcite\b/.test(line),
  line: (e) => `% ${annotation(e.key, e.ids)}`,
  // Optional arguments are bounded so that a run of unclosed `\cite[` stays linear.
  markers: /\\(?:cite|citep|citet|parencite|textcite|autocite|footcite|supercite)\*?(?:\[[^\]\r\n]{0,300}\]){0,2}\{([^{}]*)\}/g,
  marker: (r) => `\\cite${r.locator ? `[${r.locator}]` : ''}{${r.key}}`,
};

const plain: Syntax = {
  numbered: true,
  blockStart: (heading) => heading,
  isBlockStart: (line) => /^\s*(参考文献|References)\s*$/.test(line),
  parseLine(line) {
    const m = line.match(PLAIN_LINE);
    return m ? { number: Number(m[1]), text: m[2], key: m[3], ids: splitIds(m[4]) } : undefined;
  },
  mentions: (line) => /\{\{statcite\b/.test(line),
  definition: (line) => /^[ \t]*\[(\d+)\]/.exec(line)?.[1],
  line: (e) => `[${e.number}] ${e.text ?? ''}${e.key ? ` {{${annotation(e.key, e.ids)}}}` : ''}`,
  // Bracketed numbers; which are citations is decided by their shape and the list (see parse.ts).
  markers: /\[(\d+)\]/g,
  marker: (r) => `[${r.number}]`,
};

export const SYNTAX: Record<DraftFormat, Syntax> = { markdown, pandoc, latex, plain };
