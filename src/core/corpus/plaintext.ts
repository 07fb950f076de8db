/**
 * Plain-text pages: a newspaper page or a report as text, one paragraph per line, blank lines
 * between. The layout rules (each on the trimmed, non-blank lines):
 *
 * - Page title: a title-like line followed by a subtitle (——…) or the editor's note (编者按), or
 *   the first line of the file. It opens the page's article; its note is `Article.note`.
 * - Report: a title-like line followed by an issuing-body line (北京市委政法委). Reports belong to the
 *   page's report article (the page title's, else the article opened by the first report), even
 *   when printed after other items: a newspaper continues its report block wherever there is room.
 * - News item: a title-like line followed by a lead (本报讯(全媒体记者 …) …, kept as the first
 *   paragraph) or a byline line (□本报全媒体记者 …). Its reporters are the report's author.
 * - Column: a title-like line followed by a news item. The column is an article grouping the
 *   news items that follow it while they have the column's reporters (its first item's). A news
 *   item outside a column is an article of its own with one report.
 * - Section: a paragraph starting 一、 二、 …; its title is the heading sentence (up to the first
 *   。；！？) or the whole line when the heading stands alone. The intro is the text before it.
 * - Page breaks: a paragraph that does not end a sentence (no final 。！？…；： before closing
 *   quotes), at least MIN_BROKEN long, continued by a line that is plain text (not a heading, cue or
 *   block start) is one passage with several ranges. A section heading is continued the same way
 *   when the document writes its headings run-on (一、heading。body…), so 三、坚持“…”的 / 强基导向,…。
 *   gives one title with two ranges; a standalone heading line (一、总体情况) is not continued.
 * - Title-like: at most MAX_TITLE characters, no 。 and no final sentence mark; a final ？ or ！
 *   (…吗？) is allowed where the next line proves a title (issuing body, lead, byline).
 * - Anything before the first report or news item becomes an implicit report titled like its
 *   article; a file without any of these cues is one article with one report.
 *
 * Text extracted from HTML, PDF or Word comes with hints from its format: lines its markup makes
 * headings are sections like 一、 lines, and the title its properties state names an article
 * that has no title line.
 */
import type { Metadata, Problem, SourceRange } from '../model';
import { buildArticles, draftSection, type DraftArticle, type DraftReport, type DraftSection, type Outline } from './build';
import {
  bylineCredits,
  isIssuer,
  isNote,
  isSection,
  isSubHeading,
  isTitleLike,
  leadCredits,
  subtitleOf,
  type Credits,
} from './cues';
import { mergeMetadata, statedMetadata, statedType } from './metadata';
import { baseName, endsSentence, firstSentenceEnd, splitLines, visibleLength, type Line } from './text';

/** Shortest paragraph taken for one cut by a page break; shorter unfinished lines are sub-headings. */
const MIN_BROKEN = 24;

type Block = 'page' | 'report' | 'news' | 'column';

interface Open {
  ranges: SourceRange[];
  /** The section whose heading sentence is still being read across the break. */
  heading?: DraftSection;
  /** The article whose editor's note continues. */
  note?: DraftArticle;
}

/** What a format's markup says about its extracted text. */
export interface LayoutHints {
  /** Start offsets of the lines that are section headings. */
  headings?: ReadonlySet<number>;
  /** The title the document's properties state. */
  title?: string;
}

export function readPlainText(text: string, path: string, metadata: Metadata, hints: LayoutHints = {}): Outline {
  const lines = splitLines(text).filter((l) => l.content !== '');
  const isHeading = (line: Line): boolean => isSection(line.content) || !!hints.headings?.has(line.start);
  const titleLike = lines.map((l) => isTitleLike(l.content));
  const credits = lines.map((l): [Credits | undefined, 'lead' | 'byline'] => {
    const lead = leadCredits(l.content);
    return lead ? [lead, 'lead'] : [bylineCredits(l.content), 'byline'];
  });
  const runOnHeadings = headingsAreRunOn(lines);

  const blockAt = (i: number): Block | undefined => {
    const next = lines[i + 1]?.content;
    if (next !== undefined) {
      const issuer = isIssuer(next);
      if ((issuer || credits[i + 1][0]) && (titleLike[i] || isTitleLike(lines[i].content, true))) return issuer ? 'report' : 'news';
    }
    if (!titleLike[i]) return undefined;
    if (next !== undefined && credits[i + 2]?.[0] && (titleLike[i + 1] || isTitleLike(next, true))) return 'column';
    if (next !== undefined && (subtitleOf(next) !== undefined || isNote(next))) return 'page';
    return i === 0 ? 'page' : undefined;
  };

  const drafts: DraftArticle[] = [];
  let pageArticle: DraftArticle | undefined;
  let article: DraftArticle | undefined;
  let report: DraftReport | undefined;
  let section: DraftSection | undefined;
  let column: { article: DraftArticle; key?: string } | undefined;
  let open: Open | undefined;
  let explicit = false;
  let sections = 0;

  const newArticle = (line: Line | undefined): DraftArticle => {
    const a: DraftArticle = {
      title: line?.content ?? hints.title ?? baseName(path),
      titleRange: line ? range(line) : { start: 0, end: 0 },
      reports: [],
      metadata: {},
    };
    drafts.push(a);
    return a;
  };
  const ensureReport = (): void => {
    if (report) return;
    if (!article) article = pageArticle = newArticle(undefined);
    report = newReport('report', article.title, article.titleRange);
    article.reports.push(report);
    section = report.intro;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const block = blockAt(i);
    if (open && !block && !isHeading(line) && isPlainText(line.content, credits[i][0])) {
      continueParagraph(open, line);
      if (!mayContinue(line.content)) open = undefined;
      continue;
    }
    open = undefined;

    if (block === 'page') {
      article = pageArticle = newArticle(line);
      report = undefined;
      column = undefined;
      const subtitle = lines[i + 1] && subtitleOf(lines[i + 1].content);
      if (subtitle !== undefined) {
        article.subtitle = subtitle;
        i++;
      }
    } else if (block === 'report') {
      article = pageArticle ??= newArticle(line);
      report = newReport('report', line.content, range(line));
      report.author = lines[i + 1].content;
      report.authorRange = range(lines[i + 1]);
      article.reports.push(report);
      section = report.intro;
      column = undefined;
      explicit = true;
      i++;
    } else if (block === 'column') {
      column = { article: newArticle(line) };
      article = column.article;
      report = undefined;
    } else if (block === 'news') {
      const [found, kind] = credits[i + 1];
      const c = found!;
      const names = c.names;
      const key = names.join('、');
      if (column && (column.key === undefined || column.key === key)) {
        column.key = key;
        article = column.article;
      } else {
        column = undefined;
        article = newArticle(line);
      }
      report = newReport('news', line.content, range(line));
      if (names.length) {
        report.author = key;
        report.authorRange = { start: lines[i + 1].start + c.start, end: lines[i + 1].start + c.end };
      }
      article.reports.push(report);
      section = report.intro;
      explicit = true;
      if (kind === 'byline') i++;
    } else if (isNote(line.content) && article && !article.reports.length && !article.note) {
      article.note = range(line);
      if (mayContinue(line.content)) open = { ranges: [], note: article };
    } else if (isHeading(line)) {
      ensureReport();
      // A heading by markup is its whole line.
      const s = isSection(line.content) ? startSection(line, runOnHeadings) : { section: draftSection(line.content, [range(line)]) };
      report!.sections.push(s.section);
      section = s.section;
      open = s.open;
      sections++;
    } else {
      ensureReport();
      const ranges = [range(line)];
      section!.passages.push(ranges);
      if (mayContinue(line.content)) open = { ranges };
    }
  }

  const type = statedType(text);
  for (const a of drafts) a.metadata = mergeMetadata(statedMetadata(a.title, a.reports.map((r) => r.author), type), metadata);
  const problems: Problem[] = [];
  if (!explicit && sections === 0) {
    problems.push({
      severity: 'info',
      message: 'no report titles, news leads or section headings found: read as one article with one report',
    });
  }
  return { articles: buildArticles(text, drafts, path), problems, metadata };
}

function newReport(kind: 'report' | 'news', title: string, titleRange: SourceRange): DraftReport {
  return { kind, title, titleRange, intro: draftSection(), sections: [] };
}

function range(line: Line): SourceRange {
  return { start: line.start, end: line.end };
}

/** A paragraph that stops mid-sentence and is long enough to have been cut by a page break. */
function mayContinue(content: string): boolean {
  return !endsSentence(content) && visibleLength(content) >= MIN_BROKEN;
}

/** A line that can continue a paragraph: plain text, no heading and no cue. */
function isPlainText(content: string, credits: Credits | undefined): boolean {
  return !credits && !isSection(content) && !isSubHeading(content) && !isNote(content) && subtitleOf(content) === undefined;
}

/** Most section headings run on into their body (一、heading。body): then a heading cut short continues. */
function headingsAreRunOn(lines: Line[]): boolean {
  let runOn = 0;
  let standalone = 0;
  for (const l of lines) {
    if (!isSection(l.content)) continue;
    const end = firstSentenceEnd(l.content);
    if (end >= 0 && end < l.content.length - 1) runOn++;
    else standalone++;
  }
  return runOn >= standalone;
}

function startSection(line: Line, runOn: boolean): { section: DraftSection; open?: Open } {
  const content = line.content;
  const end = firstSentenceEnd(content);
  if (end >= 0) {
    const section = draftSection(content.slice(0, end), [{ start: line.start, end: line.start + end }]);
    if (end === content.length - 1) return { section };
    const ranges = [range(line)];
    section.passages.push(ranges);
    return { section, open: mayContinue(content) ? { ranges } : undefined };
  }
  const section = draftSection(content, [range(line)]);
  if (!runOn || endsSentence(content)) return { section };
  const ranges = [range(line)];
  section.passages.push(ranges);
  return { section, open: { ranges, heading: section } };
}

function continueParagraph(open: Open, line: Line): void {
  if (open.note) {
    open.note.note = { start: open.note.note!.start, end: line.end };
    return;
  }
  open.ranges.push(range(line));
  const heading = open.heading;
  if (!heading) return;
  const end = firstSentenceEnd(line.content);
  const upTo = end >= 0 ? end : line.content.length;
  heading.title += line.content.slice(0, upTo);
  heading.titleRanges.push({ start: line.start, end: line.start + upTo });
  if (end >= 0) open.heading = undefined;
}
