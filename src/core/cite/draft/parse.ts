import type { SourceRange } from '../../model';
import { lineColumn } from '../../position';
import { message, type Message } from '../message';
import { SYNTAX, type DraftFormat } from './syntax';

export interface Marker extends SourceRange {
  /** Numbered formats: the number and the range of its digits. */
  number?: number;
  digits?: SourceRange;
  /** Keyed formats: the keys it cites. */
  keys: string[];
}

export interface Entry {
  number?: number;
  key?: string;
  ids: string[];
  text?: string;
  /** The entry's line, without its line break. */
  range: SourceRange;
}

export interface DraftProblem extends Message {
  range: SourceRange;
}

export interface ParsedDraft {
  format: DraftFormat;
  text: string;
  eol: string;
  markers: Marker[];
  /** The reference block: from its opening line to the end of its last entry line (line break included). */
  block?: SourceRange & { startLine: string };
  /** Entries in the block, in the order written; the first of two with the same number wins. */
  entries: Entry[];
  /** Lines inside the block that are neither entries nor blank: kept verbatim on every rewrite. */
  stray: string[];
  problems: DraftProblem[];
}

interface Line {
  text: string;
  start: number;
  /** Offset after the line break. */
  next: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), start, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, next: text.length });
  return out;
}

/** Reads the citations and the reference block of a draft. Never throws; oddities become problems. */
export function parseDraft(text: string, format: DraftFormat): ParsedDraft {
  const syntax = SYNTAX[format];
  const all = lines(text);
  const parsed: ParsedDraft = { format, text, eol: text.includes('\r\n') ? '\r\n' : '\n', markers: [], entries: [], stray: [], problems: [] };

  // The last opening line that is followed by entries (or by nothing) opens the block.
  let startIndex = -1;
  for (let i = all.length - 1; i >= 0 && startIndex < 0; i--) {
    if (!syntax.isBlockStart(all[i].text)) continue;
    const rest = all.slice(i + 1).filter((l) => l.text.trim());
    if (!rest.length || syntax.parseLine(rest[0].text)) startIndex = i;
  }
  if (startIndex >= 0) {
    let endIndex = startIndex;
    for (let i = startIndex + 1; i < all.length; i++) if (syntax.parseLine(all[i].text)) endIndex = i;
    const seen = new Map<string, Entry>();
    for (let i = startIndex + 1; i <= endIndex; i++) {
      const line = all[i];
      const range = { start: line.start, end: line.start + line.text.length };
      const fields = syntax.parseLine(line.text);
      if (!fields) {
        if (line.text.trim()) {
          parsed.stray.push(line.text);
          parsed.problems.push({ range, ...message('line {0} in the reference list is not a reference entry; it is kept as written', lineColumn(text, line.start).line) });
        }
        continue;
      }
      const entry: Entry = { ...fields, range };
      const id = syntax.numbered ? String(entry.number) : entry.key!;
      const first = seen.get(id);
      if (first) {
        parsed.stray.push(line.text);
        parsed.problems.push({
          range,
          ...message(
            'line {0}: reference {1} is listed twice (first on line {2}); the second is kept as written',
            lineColumn(text, line.start).line,
            syntax.numbered ? entry.number! : entry.key!,
            lineColumn(text, first.range.start).line,
          ),
        });
        continue;
      }
      seen.set(id, entry);
      parsed.entries.push(entry);
    }
    const first = all[startIndex];
    parsed.block = { start: first.start, end: all[endIndex].next, startLine: first.text };
  }

  const numbers = new Set(parsed.entries.map((e) => e.number));
  const foreign = format === 'markdown' ? footnotesOutside(all, parsed) : new Set<number>();
  const re = new RegExp(syntax.markers.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (parsed.block && start >= parsed.block.start && start < parsed.block.end) continue;
    if (format === 'latex' && inLatexComment(text, start)) continue;
    if (syntax.numbered) {
      const number = Number(m[1]);
      // In plain text a bracketed number is a citation only when the list has that entry.
      if (foreign.has(number) || (format === 'plain' && !numbers.has(number))) continue;
      const digitsStart = start + m[0].indexOf(m[1]);
      parsed.markers.push({ start, end, number, digits: { start: digitsStart, end: digitsStart + m[1].length }, keys: [] });
    } else {
      const keys = format === 'pandoc' ? [...m[1].matchAll(/(?:^|[\s;[])-?@([\w.:/#$%&+?<>~-]*\w)/g)].map((k) => k[1]) : m[1].split(',').map((k) => k.trim()).filter(Boolean);
      if (keys.length) parsed.markers.push({ start, end, keys });
    }
  }
  return parsed;
}

/** Numeric footnotes the user defined outside the block are theirs; StatCite leaves them alone. */
function footnotesOutside(all: Line[], parsed: ParsedDraft): Set<number> {
  const out = new Set<number>();
  for (const line of all) {
    if (parsed.block && line.start >= parsed.block.start && line.start < parsed.block.end) continue;
    const m = line.text.match(/^\[\^(\d+)\]:/);
    if (!m) continue;
    out.add(Number(m[1]));
    parsed.problems.push({
      range: { start: line.start, end: line.start + line.text.length },
      ...message('footnote [^{0}] is defined outside the StatCite reference list; StatCite does not renumber it', m[1]),
    });
  }
  return out;
}

function inLatexComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /(^|[^\\])%/.test(text.slice(lineStart, offset));
}
