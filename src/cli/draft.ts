/**
 * What `statcite update` and `statcite check` share: their arguments, reading a draft and the
 * corpus, and printing a position as `file:line:col: severity: message`.
 */
import { promises as fs } from 'node:fs';
import { draftFormatOf, type DraftFormat } from '../core/cite/draft/syntax';
import { corpusLookup, type CiteLookup } from '../core/cite/reference';
import type { SourceRange } from '../core/model';
import { lineColumn } from '../core/position';
import { loadCorpus } from './corpus';
import { STYLE_OPTION } from './style';

export const DRAFT_OPTIONS = `--corpus <file|folder…> [${STYLE_OPTION}] [--markdown-mode footnote|pandoc]`;

export interface DraftArgs {
  draft: string;
  corpus: string[];
  /** A built-in style id or the path of a .csl file (see loadStyle). */
  style: string;
  markdownMode: 'footnote' | 'pandoc';
  /** The command's own options: flags (true) and options with a value. */
  own: Map<string, string | true>;
}

/** Parses `<draft> --corpus … [--style …] [--markdown-mode …]` plus the command's own flags and valued options. */
export function parseDraftArgs(args: string[], flags: string[], valued: string[]): DraftArgs | string {
  const out: Omit<DraftArgs, 'draft'> & { draft?: string } = { corpus: [], style: 'gbt7714-numeric', markdownMode: 'footnote', own: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => (args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : undefined);
    if (a === '--corpus') {
      while (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) out.corpus.push(args[++i]);
    } else if (a === '--style') {
      const v = value();
      if (!v) return '--style needs a built-in style name or a .csl file';
      out.style = v;
    } else if (a === '--markdown-mode') {
      const v = value();
      if (v !== 'footnote' && v !== 'pandoc') return '--markdown-mode must be footnote or pandoc';
      out.markdownMode = v;
    } else if (flags.includes(a)) out.own.set(a, true);
    else if (valued.includes(a)) {
      const v = value();
      if (!v) return `${a} needs a value`;
      out.own.set(a, v);
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (out.draft !== undefined) return `unexpected argument ${a} (one draft at a time)`;
    else out.draft = a;
  }
  if (out.draft === undefined) return 'a draft file is needed';
  if (!out.corpus.length) return '--corpus needs at least one file or folder';
  return { ...out, draft: out.draft };
}

/** The draft's text (UTF-8, as the extension edits it) and its format, or why it cannot be read. */
export async function readDraft(args: DraftArgs): Promise<{ text: string; format: DraftFormat } | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(args.draft);
  } catch (err) {
    return { error: `${args.draft}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err)}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `${args.draft}: not UTF-8 text; save the draft as UTF-8 first (nothing was changed)` };
  }
  return { text, format: draftFormatOf(args.draft, args.markdownMode) };
}

export async function corpusOf(args: DraftArgs): Promise<CiteLookup> {
  return corpusLookup(await loadCorpus(args.corpus));
}

export interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code?: string;
}

/** A finding with 1-based lines and columns (see core/position.ts). */
export function locate(file: string, text: string, f: { range: SourceRange; severity: Located['severity']; message: string; code?: string }): Located {
  const start = lineColumn(text, f.range.start);
  const end = lineColumn(text, f.range.end);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: f.severity, message: f.message, ...(f.code && { code: f.code }) };
}

/** `file:line:col: severity: message`, the form compilers print and editors and CI link. */
export function located(l: Located): string {
  return `${l.file}:${l.line}:${l.column}: ${l.severity}: ${l.message}`;
}
