/**
 * Markdown articles (with inline HTML, as exported from news sites). The rules:
 *
 * - Front matter (YAML subset, frontmatter.ts) gives metadata; a broken one gives a Problem and
 *   the rest of the file is read as usual.
 * - Each `#` heading is an article; without one, the file is one article titled by the front
 *   matter's `title` or the file name.
 * - Below the article, the report level is the heading level at which most headings hold prose
 *   (paragraphs rather than list items; ties go to the shallower level). Headings above it only
 *   group reports (`## 详细新闻`), and what they hold (the `## 新闻摘要` list) is a summary, not a
 *   report; headings below it, and headings that read as sections (一、…), are sections. Without
 *   such a level the whole article is one report.
 * - Inside a report, a paragraph that is entirely bold (<strong>…</strong>, **…**) and short, or
 *   that starts 一、 二、 …, is a section heading too. An issuing-body line or a news lead
 *   (本报讯(记者 …), 央视网消息（…）：) right under the title gives the author / makes it news.
 * - Prose directly under the article heading, before its first report, is the article's note.
 * - Link-only lines ([查看原文](…)) are not content; nor is what follows a final thematic break
 *   (`---` then a footer such as an update time stamp) when no heading comes after it.
 */
import type { Metadata, Problem, SourceRange } from '../model';
import { buildArticles, draftSection, type DraftArticle, type DraftReport, type DraftSection, type Outline } from './build';
import { isIssuer, isSection, leadCredits, MAX_TITLE } from './cues';
import { parseFrontMatter } from './frontmatter';
import { headingTitle, inlinePassages, type InlinePassage } from './inline';
import { mergeMetadata, metadataFromFields, statedMetadata, statedType } from './metadata';
import { baseName, firstSentenceEnd, splitLines, subRanges, visibleLength, type Line } from './text';

type Item =
  | { type: 'heading'; level: number; title: string; range: SourceRange }
  | { type: 'passage'; passage: InlinePassage; list: boolean }
  | { type: 'break' };

const SETEXT = /^(=+|-+)$/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}$/;
const FENCE = /^(`{3,}|~{3,})/;
const LIST_ITEM = /^(?:[-*+][ \t]|\d{1,3}[.)、．](?!\d)|[（(]\d{1,3}[)）])/;
/** Markers that are layout, not text: blockquote `>` and bullets (numbers stay: they are read). */
const QUOTE = /^(?:>[ \t]?)+/;
const BULLET = /^[-*+][ \t]+/;

export function readMarkdown(text: string, path: string, sidecar: Metadata): Outline {
  const problems: Problem[] = [];
  const front = parseFrontMatter(text);
  let fileMetadata = sidecar;
  let frontTitle: string | undefined;
  if (front) {
    problems.push(...front.problems);
    const fields = metadataFromFields(front.fields, 'front matter');
    problems.push(...fields.problems);
    fileMetadata = mergeMetadata(sidecar, fields.metadata);
    const t = front.fields.title ?? front.fields['标题'];
    if (typeof t === 'string' && t.trim()) frontTitle = t.trim();
  }
  const items = dropTrailer(scan(text, front?.bodyStart ?? 0));
  const drafts = structure(items, frontTitle ?? baseName(path));
  const type = statedType(text);
  for (const a of drafts) a.metadata = mergeMetadata(statedMetadata(a.title, a.reports.map((r) => r.author), type), fileMetadata);
  return { articles: buildArticles(text, drafts, path), problems, metadata: fileMetadata };
}

/** Lines → headings, passages and thematic breaks. */
function scan(text: string, bodyStart: number): Item[] {
  const items: Item[] = [];
  let para: Line[] = [];
  let paraList = false;
  let fence: string | undefined;
  const flush = (): void => {
    if (!para.length) return;
    for (const passage of inlinePassages(text, para)) items.push({ type: 'passage', passage, list: paraList });
    para = [];
  };
  for (const raw of splitLines(text)) {
    if (raw.start < bodyStart) continue;
    const line = fence === undefined ? unmark(raw, QUOTE) : raw;
    const c = line.content;
    if (fence !== undefined) {
      if (c.startsWith(fence)) fence = undefined;
      continue;
    }
    const f = FENCE.exec(c);
    if (f) {
      flush();
      fence = f[1];
      continue;
    }
    if (c === '') {
      flush();
      continue;
    }
    const atx = atxHeading(c);
    if (atx) {
      flush();
      items.push(heading(atx.level, line, atx.title, atx.at));
      continue;
    }
    if (para.length === 1 && SETEXT.test(c)) {
      const [only] = para;
      para = [];
      items.push(heading(c[0] === '=' ? 1 : 2, only, only.content, 0));
      continue;
    }
    if (THEMATIC.test(c)) {
      flush();
      items.push({ type: 'break' });
      continue;
    }
    if (LIST_ITEM.test(c)) {
      flush();
      paraList = true;
    } else if (!para.length) paraList = false;
    para.push(unmark(line, BULLET));
  }
  flush();
  return items;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * An ATX heading (`## title ##`): its level, its title without the closing hashes, and where the
 * title starts in the line. Read by hand: the regular expression for it (a lazy title before an
 * optional closing sequence) took quadratic time on a line padded with spaces.
 */
export function atxHeading(c: string): { level: number; title: string; at: number } | undefined {
  let level = 0;
  while (c[level] === '#') level++;
  if (level < 1 || level > 6 || (level < c.length && !isBlank(c[level])) || /[\u2028\u2029]/.test(c)) return undefined;
  let at = level;
  while (isBlank(c[at])) at++;
  let end = c.length;
  while (end > at && isBlank(c[end - 1])) end--;
  // A closing run of '#' counts only after a blank (`# C#` keeps its '#').
  let hashes = end;
  while (hashes > at && c[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > at && isBlank(c[hashes - 1])) {
    end = hashes;
    while (end > at && isBlank(c[end - 1])) end--;
  }
  return { level, title: c.slice(at, end), at };
}

/** The line without a leading marker. */
function unmark(line: Line, marker: RegExp): Line {
  const m = marker.exec(line.content);
  if (!m) return line;
  const n = m[0].length;
  return { start: line.start + n, end: line.end, content: line.content.slice(n) };
}

function heading(level: number, line: Line, content: string, at: number): Item {
  const start = line.start + Math.max(0, at);
  return { type: 'heading', level, title: headingTitle(content), range: { start, end: start + content.length } };
}

/** A final thematic break followed by no heading closes the content: the rest is a footer. */
function dropTrailer(items: Item[]): Item[] {
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i].type === 'heading') return items;
    if (items[i].type === 'break') return items.slice(0, i);
  }
  return items;
}

function structure(items: Item[], fallbackTitle: string): DraftArticle[] {
  const hasH1 = items.some((it) => it.type === 'heading' && it.level === 1);
  const articles: DraftArticle[] = [];
  let start = hasH1 ? items.findIndex((it) => it.type === 'heading' && it.level === 1) : 0;
  while (start >= 0 && start < items.length) {
    let end = start + 1;
    while (end < items.length && !(hasH1 && isH1(items[end]))) end++;
    const head = items[start];
    const article: DraftArticle =
      hasH1 && head.type === 'heading'
        ? { title: head.title, titleRange: head.range, reports: [], metadata: {} }
        : { title: fallbackTitle, titleRange: { start: 0, end: 0 }, reports: [], metadata: {} };
    fillArticle(article, items.slice(hasH1 ? start + 1 : start, end));
    articles.push(article);
    start = end;
  }
  return articles;
}

function isH1(item: Item): boolean {
  return item.type === 'heading' && item.level === 1;
}

/**
 * The report level: the heading level at which most headings hold prose (ties: the shallower).
 * Headings that read as sections (一、…) never count.
 */
function reportLevel(items: Item[]): number | undefined {
  const counts = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    const h = items[i];
    if (h.type !== 'heading' || isSection(h.title)) continue;
    let prose = 0;
    let list = 0;
    for (let j = i + 1; j < items.length && items[j].type !== 'heading'; j++) {
      const it = items[j];
      if (it.type === 'passage') it.list ? list++ : prose++;
    }
    if (prose > 0 && prose >= list) counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
  }
  let level: number | undefined;
  for (const [l, n] of counts) {
    const best = level === undefined ? 0 : counts.get(level)!;
    if (n > best || (n === best && l < level!)) level = l;
  }
  return level;
}

function fillArticle(article: DraftArticle, items: Item[]): void {
  const level = reportLevel(items);
  let report: DraftReport | undefined;
  let section = draftSection();
  let grouped = false;
  /** The next passage is the first under the report's title. */
  let first = false;
  const openReport = (title: string, titleRange: SourceRange): void => {
    report = { kind: 'report', title, titleRange, intro: draftSection(), sections: [] };
    article.reports.push(report);
    section = report.intro;
    first = true;
  };
  if (level === undefined) openReport(article.title, article.titleRange);

  for (const item of items) {
    if (item.type === 'break') continue;
    if (item.type === 'heading') {
      if (level === undefined || item.level > level || isSection(item.title)) {
        if (!report) openReport(item.title, item.range);
        else {
          section = draftSection(item.title, [item.range]);
          report.sections.push(section);
        }
        grouped = false;
      } else if (item.level === level) {
        openReport(item.title, item.range);
        grouped = false;
      } else {
        report = undefined;
        grouped = true;
      }
      continue;
    }
    const { passage, list } = item;
    if (!report) {
      // Prose before the first report is the article's note; a group heading's content is a summary.
      if (!grouped && !list && !article.reports.length) {
        article.note = { start: article.note?.start ?? passage.ranges[0].start, end: passage.ranges[passage.ranges.length - 1].end };
      }
      continue;
    }
    const isFirst = first && report.sections.length === 0;
    first = false;
    if (isFirst && byline(report, passage)) continue;
    const heading = list ? undefined : sectionHeading(passage);
    if (heading) {
      section = heading;
      report.sections.push(section);
    } else section.passages.push(passage.ranges);
  }
}

/** The first paragraph under a report title: an issuing body (author, not content) or a news lead. */
function byline(report: DraftReport, passage: InlinePassage): boolean {
  if (!report.author && isIssuer(passage.text)) {
    report.author = passage.text;
    report.authorRange = { start: passage.ranges[0].start, end: passage.ranges[passage.ranges.length - 1].end };
    return true;
  }
  const credits = leadCredits(passage.text);
  if (credits) {
    report.kind = 'news';
    if (credits.names.length) {
      report.author = credits.names.join('、');
      const r = subRanges(passage.ranges, credits.start, credits.end);
      report.authorRange = { start: r[0].start, end: r[r.length - 1].end };
    }
  }
  return false;
}

/** A bold run-in paragraph or a 一、 paragraph opens a section; the 一、 paragraph stays a passage. */
function sectionHeading(passage: InlinePassage): DraftSection | undefined {
  if (passage.bold && visibleLength(passage.text) <= MAX_TITLE) {
    return draftSection(passage.text, passage.ranges);
  }
  if (isSection(passage.text)) {
    const end = firstSentenceEnd(passage.text);
    const upTo = end >= 0 ? end : passage.text.length;
    const s = draftSection(passage.text.slice(0, upTo), subRanges(passage.ranges, 0, upTo));
    if (end >= 0 && end < passage.text.length - 1) s.passages.push(passage.ranges);
    return s;
  }
  return undefined;
}
