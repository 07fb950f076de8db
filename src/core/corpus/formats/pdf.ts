/**
 * PDF files, read with pdf.js (pdfjs-dist, its legacy build for Node) on the calling thread — the
 * engine's worker —, with the CMaps and standard fonts pdf.js ships so that Chinese text in
 * fonts that are not embedded decodes, and without any network access. The text layer of every
 * page becomes paragraphs (pdfLayout.ts) and the page each begins on is kept. The document
 * information dictionary gives the title, authors and date where it states them.
 *
 * Not readable, said by name: an encrypted PDF that needs a password, a file that is not a PDF
 * or is damaged beyond repair, and a scan (pages that are images, without a text layer: StatCite
 * does not run OCR). A very long document is read up to MAX_PAGES.
 */
import { createRequire } from 'node:module';
import * as nodePath from 'node:path';
import type { Metadata, Problem } from '../../model';
import { TextBuilder, Unreadable, type Extracted } from './builder';
import { layoutPages, type PdfPage, type Run } from './pdfLayout';
import { withoutRadicals } from './radicals';
import { authorsOf, dateOf } from './stated';

/** Pages read at most: a yearbook has a thousand; beyond this a file is more likely a mistake. */
export const MAX_PAGES = 3000;
/** Pages with fewer visible characters than this have no text layer to speak of (a scanner's stamp aside). */
const MIN_PAGE_CHARS = 3;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let library: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded once. Its display layer needs DOMMatrix, ImageData and Path2D only to render,
 * which this never does, yet creates a DOMMatrix as it loads: stand-ins keep it quiet. Its
 * warnings about the canvas package it would render with are muted while it loads.
 */
function pdfjs(): Promise<PdfJs> {
  library ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) g[name] ??= class {};
    const warn = console.warn;
    console.warn = () => {};
    try {
      // The worker's code runs here, on this thread ("fake worker"), found through this global.
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return library;
}

/** The folder of pdfjs-dist, holding the cmaps/ and standard_fonts/ pdf.js loads (StatCite ships them). */
function assets(): string {
  return nodePath.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
}

export async function readPdf(bytes: Uint8Array): Promise<Extracted> {
  // pdf.js looks for the header in the first kilobyte, as readers do.
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) throw new Unreadable('not a PDF: the file does not start with a PDF header (%PDF-)');
  const lib = await pdfjs();
  const folder = assets();
  const task = lib.getDocument({
    // pdf.js takes the buffer over: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${nodePath.join(folder, 'cmaps')}${nodePath.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${nodePath.join(folder, 'standard_fonts')}${nodePath.sep}`,
    useWasm: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    throw unreadable(err, bytes);
  }
  try {
    const problems: Problem[] = [];
    const count = Math.min(doc.numPages, MAX_PAGES);
    if (doc.numPages > MAX_PAGES) problems.push({ severity: 'warning', message: `${doc.numPages} pages: only the first ${MAX_PAGES} are read` });
    const pages: PdfPage[] = [];
    const failed: number[] = [];
    for (let n = 1; n <= count; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push({ runs: content.items.flatMap((item) => ('str' in item ? [run(item)] : [])) });
        page.cleanup();
      } catch {
        failed.push(n);
        pages.push({ runs: [] });
      }
    }
    if (failed.length) problems.push({ severity: 'warning', message: `${pagesNamed(failed)} could not be read (damaged): text missing` });
    const empty = pages.map((p, i) => (visibleChars(p) < MIN_PAGE_CHARS && !failed.includes(i + 1) ? i + 1 : 0)).filter(Boolean);
    if (empty.length === pages.length - failed.length) {
      throw new Unreadable(
        failed.length === pages.length
          ? 'damaged PDF: none of its pages can be read'
          : 'no text layer: the pages are images (a scanned PDF?) and StatCite does not run OCR',
      );
    }
    if (empty.length > pages.length / 4) {
      problems.push({ severity: 'warning', message: `${pagesNamed(empty)} without a text layer (scanned?): text missing` });
    }
    const out = new TextBuilder();
    let page = -1;
    for (const paragraph of layoutPages(pages)) {
      for (; page < paragraph.page; page++) out.pageBreak();
      if (paragraph.continues) out.append(paragraph.text);
      else out.paragraph(paragraph.text);
    }
    for (; page < pages.length - 1; page++) out.pageBreak();
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const text = out.text();
    return {
      text,
      encoding: 'pdf',
      source: { format: 'pdf', pages: out.pages },
      metadata: infoMetadata(info),
      title: stated(info.Title),
      headings: out.headings,
      cells: [],
      problems,
    };
  } finally {
    await doc.destroy();
  }
}

function run(item: { str: string; transform: number[]; width: number; height: number; hasEOL: boolean }): Run {
  const [a, b, , , x, y] = item.transform;
  return { text: withoutRadicals(item.str), x, y, width: item.width, size: item.height || Math.hypot(a, b), eol: item.hasEOL };
}

function visibleChars(page: PdfPage): number {
  return page.runs.reduce((n, r) => n + r.text.replace(/\s+/g, '').length, 0);
}

/** 1, 2, 3, 7 → "pages 1–3, 7"; 4 → "page 4". */
function pagesNamed(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return `${pages.length > 1 ? 'pages' : 'page'} ${parts.join(', ')}`;
}

/** Why pdf.js could not open the file, in words a user can act on. */
function unreadable(err: unknown, bytes: Uint8Array): Unreadable {
  const name = (err as { name?: string }).name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new Unreadable('encrypted PDF: it needs a password to open, and StatCite cannot read it; save a copy without the password');
  // Every PDF ends with %%EOF: without it, the file was cut short (an unfinished download or copy).
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) {
    return new Unreadable(`truncated PDF: the file ends before its end marker (%%EOF), so it was cut short (${message.replace(/\.$/, '')})`);
  }
  return new Unreadable(`damaged PDF: ${message.replace(/\.$/, '')}`);
}

function stated(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The information dictionary's Author and CreationDate; tools' account names are no author. */
function infoMetadata(info: Record<string, unknown>): Metadata {
  const author = stated(info.Author);
  return { authors: authorsOf(author ? [author] : undefined), date: dateOf(stated(info.CreationDate)) };
}
