/**
 * Web pages (.html, .htm), as saved from government and newspaper sites. The text is the page's
 * title (its <h1>, else what its head states) and the article body — the container most of the
 * page's sentences stand in, with fewer links than text —, without the site's chrome (htmlPage.ts).
 * Blocks become paragraphs, <br> breaks a paragraph, headings inside the body are sections, and a
 * data table is read row by row (table.ts). The info line under the title (发布时间 … 来源 …) and
 * the head's tags give the metadata and stay out of the text. Each paragraph keeps the offset of
 * its first character in the decoded page, so that a place in the text leads back to the page.
 *
 * The charset is the one the page declares (BOM, <meta charset>, http-equiv), else the one its
 * bytes prove (UTF-8, else GB18030, as for text files).
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { decode } from '../encoding';
import { TextBuilder, Unreadable, collapseSpace, type Extracted } from './builder';
import { type HeadTags, isInfoLine, pageMetadata } from './htmlMetadata';
import { isChrome, isChromeInside, isHidden, isToolLine, looksLikeContent, measure, textOf, type Measure } from './htmlPage';
import { addTable } from './table';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul',
]);
const HEADING = /^h[1-6]$/;
/** Longest cell of a table still read as data rather than as page layout. */
const MAX_DATA_CELL = 80;
/** Largest page read: an article's page is a few hundred kB; parsing a page takes several times its size. */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;

export function readHtml(bytes: Uint8Array): Extracted {
  if (bytes.length > MAX_HTML_BYTES) {
    throw new Unreadable(`too large for a web page: ${(bytes.length / 1024 / 1024).toFixed(1)} MB (the limit is ${MAX_HTML_BYTES / 1024 / 1024} MB)`);
  }
  const { html, encoding, warning } = decodeHtml(bytes);
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const elements = [...descendants(doc)];
  const tags = headTags(elements);
  const body = elements.find((e) => e.name === 'body') ?? doc;
  const measures = measure(body);
  const title = titleOf(elements, tags);
  const root = contentRoot(body, measures);

  const out = new TextBuilder();
  if (title.text) out.paragraph(title.text, { anchor: title.element?.startIndex ?? undefined });
  const infoLines = title.element ? linesBetween(title.element, root) : [];
  const headingLevel = shallowestHeading(root, title.element);
  new BodyReader(out, infoLines, title.element, headingLevel, measures).read(root);

  const text = out.text();
  const problems = warning ? [{ severity: 'warning' as const, message: warning }] : [];
  if (!text.trim() || text === collapseSpace(title.text)) {
    const scripts = elements.filter((e) => e.name === 'script').length;
    throw new Unreadable(
      scripts
        ? `no article text in the page: it holds only scripts (${scripts}), which load its content in a browser; save the page after it has loaded`
        : 'no article text in the page body',
    );
  }
  const lang = elements.find((e) => e.name === 'html')?.attribs.lang;
  return {
    text,
    encoding,
    source: { format: 'html', anchors: out.anchors },
    metadata: pageMetadata(tags, lang, infoLines),
    title: title.text || undefined,
    headings: out.headings,
    cells: out.cells,
    problems,
  };
}

/**
 * The page's text: UTF-8 when the bytes are valid UTF-8 (no other charset's text reads as UTF-8,
 * and pages often declare the charset they were once written in), else the charset the page
 * declares in its first bytes (as browsers look for it), else what its bytes prove, as for a
 * text file. A byte-order mark decides first.
 */
function decodeHtml(bytes: Uint8Array): { html: string; encoding: string; warning?: string } {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = bom ? undefined : /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1];
  const utf8 = bom ? undefined : strictDecode('utf-8', bytes);
  if (utf8 !== undefined) {
    const misdeclared = declared && !/^(?:utf-?8|us-ascii|ascii)$/i.test(declared) && /[^\x00-\x7f]/.test(utf8);
    return { html: utf8, encoding: 'utf-8', warning: misdeclared ? `the page declares charset ${declared}, but its bytes are utf-8` : undefined };
  }
  if (declared) {
    // GB2312 and GBK pages routinely use characters beyond their charset: GB18030 reads them all.
    const label = /^(?:gb2312|gbk|x-gbk|gb_2312-80|cp936)$/i.test(declared) ? 'gb18030' : declared;
    const html = strictDecode(label, bytes);
    if (html !== undefined) return { html, encoding: new TextDecoder(label).encoding };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) throw new Unreadable(decoded.reason);
  const wrong = declared ? `the page declares charset ${declared}, but its bytes are ${decoded.encoding}` : undefined;
  return { html: decoded.text, encoding: decoded.encoding, warning: [wrong, decoded.warning].filter(Boolean).join('; ') || undefined };
}

/** The bytes in this charset, or undefined when they are not valid in it (or it is unknown here). */
function strictDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function* descendants(node: AnyNode): Generator<Element> {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (!isTag(child)) continue;
    yield child;
    yield* descendants(child);
  }
}

/** <meta name|property|itemprop content> and <link rel=canonical>, by lower-case name. */
function headTags(elements: Element[]): HeadTags {
  const tags: HeadTags = new Map();
  const add = (name: string | undefined, value: string | undefined): void => {
    if (!name || value === undefined) return;
    const key = name.toLowerCase();
    tags.set(key, [...(tags.get(key) ?? []), value]);
  };
  for (const e of elements) {
    if (e.name === 'meta') add(e.attribs.name ?? e.attribs.property ?? e.attribs.itemprop, e.attribs.content);
    else if (e.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(e.attribs.rel ?? '')) add('canonical', e.attribs.href);
    else if (e.name === 'title') add('title', e.children.map((c) => (isText(c) ? c.data : '')).join(''));
  }
  return tags;
}

/**
 * The article's title: the <h1> the head's titles agree with, else the head's own statement
 * (citation_title, og:title, ArticleTitle, <title> without the site name after _ | - —).
 */
function titleOf(elements: Element[], tags: HeadTags): { text: string; element?: Element } {
  const stated = ['citation_title', 'og:title', 'articletitle', 'title'].map((k) => collapseSpace(tags.get(k)?.[0] ?? '')).filter(Boolean);
  const h1s = elements.filter((e) => e.name === 'h1' && !insideChrome(e)).map((element) => ({ element, text: collapseSpace(textOf(element)) }));
  const agreed = h1s.find((h) => h.text.length >= 2 && stated.some((s) => s.includes(h.text) || h.text.includes(s)));
  const h1 = agreed ?? h1s.find((h) => h.text.length >= 4);
  if (h1) return h1;
  const [best] = stated;
  return { text: best ? best.split(/\s*(?:_|\||｜|\s-\s|——|—\s)\s*/)[0] : '' };
}

function insideChrome(el: Element): boolean {
  for (let p: Element | null = el; p && isTag(p); p = p.parent as Element | null) if (isChrome(p) || isHidden(p)) return true;
  return false;
}

/**
 * The element holding the article: each paragraph-like block scores for its parent (and half for
 * its grandparent) by its length and its commas; a container scores less the more of its text is
 * links, more when named or tagged as content, and never inside chrome. An article split over
 * sibling containers is taken whole: their parent, which gathers from all of them, is chosen
 * when it scores nearly as high as the best of them.
 */
function contentRoot(body: Element | Document, measures: Map<Element, Measure>): Element | Document {
  const scores = new Map<Element, number>();
  const credit = (el: Element | null, points: number): void => {
    if (el && isTag(el)) scores.set(el, (scores.get(el) ?? 0) + points);
  };
  for (const el of descendants(body)) {
    if (isHidden(el)) continue;
    const own = el.children.filter(isText).map((t) => t.data.replace(/\s+/g, '')).join('');
    const paragraphLike = el.name === 'p' || el.name === 'pre' || el.name === 'td' || own.length >= 25;
    const chars = measures.get(el)?.chars ?? 0;
    if (!paragraphLike || chars < 10) continue;
    const text = textOf(el);
    const points = 1 + (text.match(/[，,。；]/g)?.length ?? 0) + Math.min(Math.floor(chars / 100), 3);
    credit(el.parent as Element | null, points);
    credit(el.parent?.parent as Element | null, points / 2);
    // Text straight in a container (<div>text<br>text</div>) scores for the container itself.
    if (el.name !== 'p' && own.length >= 25) credit(el, points);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    if (insideChrome(el)) continue;
    const m = measures.get(el) ?? { chars: 0, linkChars: 0 };
    const density = m.chars ? m.linkChars / m.chars : 1;
    const score = (raw + (looksLikeContent(el) ? 10 : 0)) * (1 - density);
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  for (let up = best?.parent as Element | null; best && up && isTag(up) && !insideChrome(up); up = up.parent as Element | null) {
    if ((scores.get(up) ?? 0) < (scores.get(best) ?? 0) * 0.6) break;
    best = up;
  }
  return best ?? body;
}

/** Short lines between the title and the article body: where the info line stands. */
function linesBetween(title: Element, root: Element | Document): string[] {
  const from = title.endIndex ?? 0;
  const to = 'startIndex' in root && root.startIndex !== null ? root.startIndex : Infinity;
  const lines: string[] = [];
  const walk = (node: AnyNode): void => {
    if (!isTag(node) || isHidden(node)) return;
    if ((node.endIndex ?? 0) <= from || (node.startIndex ?? 0) >= to) return;
    const inner = node.children.some((c) => isTag(c) && BLOCK.has(c.name));
    if (!inner && (node.startIndex ?? 0) >= from) {
      const line = collapseSpace(textOf(node));
      if (line) lines.push(line);
      return;
    }
    node.children.forEach(walk);
  };
  let top: AnyNode = title;
  while (top.parent) top = top.parent;
  if ('children' in top) top.children.forEach(walk);
  return lines.filter(isInfoLine);
}

/** The level of the body's highest headings, which are its sections (the title's <h1> aside). */
function shallowestHeading(root: Element | Document, title: Element | undefined): string | undefined {
  let level: string | undefined;
  for (const el of descendants(root)) if (HEADING.test(el.name) && el !== title && !isChrome(el) && (!level || el.name < level)) level = el.name;
  return level;
}

/** Walks the article body, turning its blocks into paragraphs. */
class BodyReader {
  private line = '';
  private anchor: number | undefined;

  constructor(
    private readonly out: TextBuilder,
    private readonly infoLines: string[],
    private readonly title: Element | undefined,
    private readonly headingLevel: string | undefined,
    private readonly measures: Map<Element, Measure>,
  ) {}

  read(root: Element | Document): void {
    this.walk(root);
    this.flush();
  }

  private walk(node: AnyNode): void {
    if (isText(node)) {
      if (this.anchor === undefined && node.data.trim()) this.anchor = node.startIndex ?? undefined;
      this.line += node.data;
      return;
    }
    if (!isTag(node) || isHidden(node) || node === this.title || isChromeInside(node, this.measures.get(node))) return;
    if (node.name === 'br') return this.flush();
    if (node.name === 'table' && this.readDataTable(node)) return;
    const block = BLOCK.has(node.name);
    if (block) this.flush();
    node.children.forEach((c) => this.walk(c));
    if (block) this.flush(HEADING.test(node.name) && node.name === this.headingLevel);
  }

  private flush(heading = false): void {
    const line = collapseSpace(this.line);
    const anchor = this.anchor;
    this.line = '';
    this.anchor = undefined;
    if (!line || isToolLine(line)) return;
    if (isInfoLine(line)) {
      this.infoLines.push(line);
      return;
    }
    this.out.paragraph(line, { heading, anchor });
  }

  /** A table of short cells with no table inside is data, read row by row; false for layout. */
  private readDataTable(table: Element): boolean {
    const trs: Element[] = [];
    for (const el of descendants(table)) {
      if (el.name === 'table') return false;
      if (el.name === 'tr' && !isHidden(el)) trs.push(el);
    }
    const rows = gridRows(trs);
    if (rows.some((r) => r.some((c) => c.length > MAX_DATA_CELL))) return false;
    this.flush();
    addTable(this.out, rows.filter((r) => r.some(Boolean)), table.startIndex ?? undefined);
    return true;
  }
}

/**
 * The cells' texts on a grid: a cell spanning columns fills the ones it covers with '', a cell
 * spanning rows repeats in the first column (a row header stays the header of every row it spans)
 * and leaves the others ''.
 */
function gridRows(trs: Element[]): string[][] {
  const below = new Map<number, { text: string; rows: number }>();
  return trs.map((tr) => {
    const row: string[] = [];
    const fillSpanned = (): void => {
      for (let span = below.get(row.length); span; span = below.get(row.length)) {
        row.push(row.length === 0 ? span.text : '');
        if (--span.rows === 0) below.delete(row.length - 1);
      }
    };
    for (const cell of tr.children) {
      if (!isTag(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
      fillSpanned();
      const text = collapseSpace(textOf(cell));
      const rowSpan = Math.min(Number(cell.attribs.rowspan) || 1, 1000);
      const colSpan = Math.min(Number(cell.attribs.colspan) || 1, 100);
      for (let c = 0; c < colSpan; c++) {
        if (rowSpan > 1) below.set(row.length, { text, rows: rowSpan - 1 });
        row.push(c === 0 ? text : '');
      }
    }
    fillSpanned();
    return row;
  });
}
