/**
 * The figures a writer typed in a draft, read exactly as the corpus is read: the draft's prose is
 * cut into paragraphs of visible text (markup, citation markers, code, comments and the reference
 * list left out, as ranges that still point into the draft) and each goes through the extractor,
 * so 21.5%, 60.67亿元, 两成 and 三分之一 get the same value, unit, metric, subject and period as
 * they would in a report.
 */
import { inlinePassages } from '../corpus/inline';
import { splitLines, type Line } from '../corpus/text';
import { parseDraft, type ParsedDraft } from '../cite/draft/parse';
import type { DraftFormat } from '../cite/draft/syntax';
import type { SourceRange } from '../model';
import { extractStatistics, type ExtractedStatistic } from '../stats/extract';
import { SHIPPED_METRIC_KEYS, type MetricKeys } from '../stats/metricKey';
import { figureStep } from './precision';
import { partitionPoint } from '../partition';

export interface DraftFigure extends Omit<ExtractedStatistic, 'passageId'> {
  /** The place value of the figure's last written digit (see precision.ts). */
  step: number;
  /** A citation marker follows it in its sentence. */
  cited: boolean;
}

/** Markdown block markers that are layout, not text: headings, quotes, bullets. */
const MARKDOWN_BLOCK = /^(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+)/;
/** LaTeX: math and command names (with their star) are not prose; `\%` is read as % (the backslash cut). */
const LATEX_CUT = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)|\\[A-Za-z@]+\*?|\\(?=[%&#$_])|\\\\|[{}~]/g;
const SENTENCE_END = /[。！？!?；;\n]/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Every figure of the draft that the extractor takes for a statistic, in text order. */
export function draftFigures(text: string, format: DraftFormat, keys: MetricKeys = SHIPPED_METRIC_KEYS): DraftFigure[] {
  const parsed = parseDraft(text, format);
  const cut = cutSpans(text, parsed);
  const markers = [...parsed.markers, ...parsed.others].sort((a, b) => a.start - b.start);
  const figures: DraftFigure[] = [];
  proseParagraphs(text, format, parsed).forEach((ranges, i) => {
    const visible = subtract(ranges, cut);
    if (!visible.length) return;
    for (const stat of extractStatistics(text, { passageId: `draft-${i}`, ranges: visible, keys })) {
      const { passageId: _, ...rest } = stat;
      const written = text.slice(stat.range.start, stat.range.end);
      figures.push({ ...rest, step: figureStep(written, stat.value), cited: citedAt(text, markers, stat.range.end) });
    }
  });
  return figures;
}

/** Spans that are never prose: code, comments, markers, definition labels, the reference list; LaTeX commands and math. */
function cutSpans(text: string, parsed: ParsedDraft): SourceRange[] {
  const spans: SourceRange[] = [...parsed.regions, ...parsed.markers, ...parsed.others, ...parsed.labels];
  if (parsed.block) spans.push(parsed.block);
  if (parsed.format === 'latex') {
    LATEX_CUT.lastIndex = 0;
    for (let m = LATEX_CUT.exec(text); m; m = LATEX_CUT.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: SourceRange[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/**
 * The paragraphs of the draft as ranges of its text: lines up to a blank line. Markdown goes
 * through the corpus reader's inline pass (emphasis, links, tags left out) after its block
 * markers, and a table cell is read after its row's first cell (and its column's heading when that
 * names a time): | 刑事发案 | 下降21.5% | reads 刑事发案下降21.5%. A line break inside a paragraph is
 * dropped next to a Chinese character (a wrapped line) and kept between Latin words and digits.
 */
function proseParagraphs(text: string, format: DraftFormat, parsed: ParsedDraft): SourceRange[][] {
  const markdown = format === 'markdown' || format === 'pandoc';
  const paragraphs: SourceRange[][] = [];
  let lines: Line[] = [];
  const flush = (): void => {
    if (!lines.length) return;
    if (markdown) for (const p of inlinePassages(text, lines)) paragraphs.push(p.ranges);
    else paragraphs.push(joinLines(text, lines));
    lines = [];
  };
  const all = splitLines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (line.content === '' || (parsed.block && line.start >= parsed.block.start && line.start < parsed.block.end)) {
      flush();
      continue;
    }
    if (markdown && TABLE_ROW.test(line.content) && TABLE_RULE.test(all[i + 1]?.content ?? '')) {
      flush();
      const heading = cells(line);
      for (i += 2; i < all.length && TABLE_ROW.test(all[i].content); i++) paragraphs.push(...rowParagraphs(text, heading, cells(all[i])));
      i--;
      continue;
    }
    const marker = markdown ? MARKDOWN_BLOCK.exec(line.content) : null;
    // A heading or a list item is a paragraph of its own.
    if (marker) flush();
    const skip = marker?.[0].length ?? 0;
    lines.push({ start: line.start + skip, end: line.end, content: line.content.slice(skip) });
    if (marker) flush();
  }
  flush();
  return paragraphs;
}

const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$/;
/** A column heading that dates its cells: 2025年, 1—11月, 一季度. */
const TIME_HEADING = /年|月|季度/;

/** The cells of a table row, trimmed (an escaped \| stays in its cell). */
function cells(line: Line): Line[] {
  const out: Line[] = [];
  let start = 1;
  for (let i = 1; i < line.content.length; i++) {
    if (line.content[i] !== '|' || line.content[i - 1] === '\\') continue;
    const raw = line.content.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    out.push({ start: line.start + start + lead, end: line.start + start + lead + content.length, content });
    start = i + 1;
  }
  return out;
}

/** Each cell after the first, read after the row's first cell (and a time heading of its column), emphasis left out. */
function rowParagraphs(text: string, heading: Line[], row: Line[]): SourceRange[][] {
  const visible = (cell: Line): SourceRange[] => inlinePassages(text, [cell]).flatMap((p) => p.ranges);
  return row.slice(1).map((cell, k) => {
    const head = heading[k + 1];
    return cell.content === '' ? [] : [...(head && TIME_HEADING.test(head.content) ? [head] : []), row[0], cell].flatMap(visible);
  });
}

function joinLines(text: string, lines: Line[]): SourceRange[] {
  const ranges: SourceRange[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const wrapped = next && (CJK.test(text[line.end - 1] ?? '') || CJK.test(text[next.start] ?? ''));
    // The line break itself (one character before the next line's indentation) separates words.
    ranges.push({ start: line.start, end: next && !wrapped ? line.end + 1 : line.end });
  });
  return ranges;
}

/** `ranges` (in order) without the parts inside `cut` (merged: sorted, apart, so their ends rise too). */
function subtract(ranges: SourceRange[], cut: SourceRange[]): SourceRange[] {
  const out: SourceRange[] = [];
  for (const range of ranges) {
    let start = range.start;
    for (let j = partitionPoint(cut.length, (k) => cut[k].end <= start); j < cut.length && cut[j].start < range.end; j++) {
      if (cut[j].start > start) out.push({ start, end: cut[j].start });
      start = Math.max(start, cut[j].end);
    }
    if (start < range.end) out.push({ start, end: range.end });
  }
  return out;
}

/**
 * Whether the first marker after the figure closes its sentence: 下降21.5%[^1]。, 21.5%。[^1] and
 * 下降21.5%，命案下降10%[^1]。 (one marker citing the sentence) are cited; a marker in a later
 * sentence is not.
 */
function citedAt(text: string, markers: SourceRange[], end: number): boolean {
  const marker = markers[partitionPoint(markers.length, (k) => markers[k].end <= end)];
  if (!marker) return false;
  const gap = text.slice(end, marker.start).replace(/\s+$/, '');
  const inner = gap.slice(0, -1);
  return !SENTENCE_END.test(inner) && !/\.\s/.test(inner);
}
