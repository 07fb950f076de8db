/**
 * Word documents (.docx: Office Open XML in a ZIP archive). Paragraphs are read in order with
 * their automatic numbering (docxNumbering.ts); a paragraph styled Title — or a first heading that
 * is the only one of its level — is the title, and the highest level of the other headings (by
 * style name, 标题 1 / Heading 1, or outline level) are the sections. Tables are read row by row
 * (table.ts). Deleted revisions, field codes and footnote marks are not text. The core properties
 * give the title, the authors (creator) and the date (created).
 *
 * A Word 97–2003 file (.doc) or a password-protected document (both OLE containers, not ZIP) is
 * reported as such; members are inflated with a size limit (zip.ts).
 */
import { isTag, type Element } from 'domhandler';
import type { Metadata } from '../../model';
import { TextBuilder, Unreadable, collapseSpace, type Extracted } from './builder';
import { Numbering } from './docxNumbering';
import { authorsOf, dateOf } from './stated';
import { addTable } from './table';
import { attr, child, children, find, parseXml, textContent } from './xml';
import { Zip } from './zip';

/** Most a member of the archive may expand to: a 1,000-page report's XML is a few MB; parsing takes several times it. */
const MAX_PART = 32 * 1024 * 1024;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Block = { kind: 'paragraph'; text: string; level?: number; title: boolean } | { kind: 'table'; rows: string[][] };

interface Style {
  name: string;
  basedOn?: string;
  outline?: number;
}

export function readDocx(bytes: Uint8Array): Extracted {
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new Unreadable(
      Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))
        ? 'a password-protected Word document: StatCite cannot read it; save a copy without the password'
        : 'a Word 97–2003 document (.doc) named .docx: open it in Word or LibreOffice and save it as .docx',
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Unreadable('not a Word document: a .docx file is a ZIP archive, and this is not one');
  const zip = new Zip(bytes);
  const main = mainPart(zip);
  const xml = zip.text(main, MAX_PART);
  if (xml === undefined) throw new Unreadable(`not a Word document: the archive has no ${main}`);
  const body = find(parseXml(xml), 'w:body');
  if (!body) throw new Unreadable(`not a Word document: ${main} has no body`);
  const part = (name: string): Element | undefined => {
    const text = zip.text(name, MAX_PART);
    return text === undefined ? undefined : (parseXml(text).children.find(isTag) as Element | undefined);
  };
  const styles = readStyles(part('word/styles.xml'));
  const numbering = new Numbering(part('word/numbering.xml'));
  const blocks: Block[] = [];
  readBlocks(body, styles, numbering, blocks);

  const core = part('docProps/core.xml');
  const propertyTitle = collapseSpace(textContent(child(core, 'dc:title')));
  const metadata: Metadata = {
    authors: authorsOf([textContent(child(core, 'dc:creator'))]),
    date: dateOf(textContent(child(core, 'dcterms:created'))),
  };
  const out = new TextBuilder();
  emit(out, blocks);
  const text = out.text();
  if (!text.trim()) throw new Unreadable('no text in the Word document');
  return {
    text,
    encoding: 'docx',
    source: { format: 'docx' },
    metadata,
    title: propertyTitle || undefined,
    headings: out.headings,
    cells: out.cells,
    problems: [],
  };
}

/** The main document part, as the package's relationships name it (word/document.xml by default). */
function mainPart(zip: Zip): string {
  const rels = zip.text('_rels/.rels', MAX_PART);
  const target = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels)?.[1];
  const reversed = rels && /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels)?.[1];
  return target ?? reversed ?? 'word/document.xml';
}

function readStyles(root: Element | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const s of children(root, 'w:style')) {
    const outline = attr(find(child(s, 'w:pPr'), 'w:outlineLvl'), 'w:val');
    styles.set(attr(s, 'w:styleId') ?? '', {
      name: (attr(child(s, 'w:name'), 'w:val') ?? '').toLowerCase(),
      basedOn: attr(child(s, 'w:basedOn'), 'w:val'),
      outline: outline === undefined ? undefined : Number(outline),
    });
  }
  return styles;
}

/** A paragraph's heading level (1 = highest), 0 for the title style, undefined for body text. */
function headingLevel(styles: Map<string, Style>, styleId: string | undefined, paragraphOutline: string | undefined): number | undefined {
  if (paragraphOutline !== undefined) return Number(paragraphOutline) < 9 ? Number(paragraphOutline) + 1 : undefined;
  for (let id = styleId, depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    if (!style) break;
    if (/^(?:title|标题)$/.test(style.name)) return 0;
    const m = /^(?:heading|标题)\s*(\d)$/.exec(style.name);
    if (m) return Number(m[1]);
    if (style.outline !== undefined) return style.outline < 9 ? style.outline + 1 : undefined;
    id = style.basedOn;
  }
  return undefined;
}

function readBlocks(container: Element, styles: Map<string, Style>, numbering: Numbering, out: Block[]): void {
  for (const node of container.children) {
    if (!isTag(node)) continue;
    if (node.name === 'w:p') {
      const props = child(node, 'w:pPr');
      const level = headingLevel(styles, attr(child(props, 'w:pStyle'), 'w:val'), attr(child(props, 'w:outlineLvl'), 'w:val'));
      const num = child(props, 'w:numPr');
      const label = num ? numbering.next(attr(child(num, 'w:numId'), 'w:val') ?? '', Number(attr(child(num, 'w:ilvl'), 'w:val') ?? 0)) : '';
      const text = collapseSpace(runText(node));
      if (text) out.push({ kind: 'paragraph', text: label + text, level: level || undefined, title: level === 0 });
    } else if (node.name === 'w:tbl') {
      const rows = tableRows(node, styles, numbering, out);
      if (rows) out.push({ kind: 'table', rows });
    } else if (node.name === 'w:sdt') {
      const content = child(node, 'w:sdtContent');
      if (content) readBlocks(content, styles, numbering, out);
    } else if (node.name === 'w:customXml' || node.name === 'w:ins') {
      readBlocks(node, styles, numbering, out);
    }
  }
}

/** The visible text of a paragraph's runs: no deleted text, field codes, or note marks. */
function runText(el: Element): string {
  let text = '';
  for (const node of el.children) {
    if (!isTag(node)) continue;
    switch (node.name) {
      case 'w:t':
        text += textContent(node);
        break;
      case 'w:tab':
        text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        text += '\n';
        break;
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
        break;
      default:
        text += runText(node);
    }
  }
  return text;
}

/**
 * A table's rows of cell texts (a cell spanning columns fills the ones it covers with '', one
 * continuing a vertical merge repeats the first column's text and is '' elsewhere). A table
 * holding tables is layout: its paragraphs are read as paragraphs and undefined returned.
 */
function tableRows(table: Element, styles: Map<string, Style>, numbering: Numbering, out: Block[]): string[][] | undefined {
  if (find(table, 'w:tbl')) {
    for (const tr of children(table, 'w:tr')) for (const tc of children(tr, 'w:tc')) readBlocks(tc, styles, numbering, out);
    return undefined;
  }
  const rows: string[][] = [];
  for (const tr of children(table, 'w:tr')) {
    const row: string[] = [];
    for (const tc of children(tr, 'w:tc')) {
      const props = child(tc, 'w:tcPr');
      const span = Math.min(Number(attr(child(props, 'w:gridSpan'), 'w:val') ?? 1) || 1, 100);
      const merge = child(props, 'w:vMerge');
      const continued = merge !== undefined && attr(merge, 'w:val') !== 'restart';
      const text = continued ? (row.length === 0 ? (rows[rows.length - 1]?.[0] ?? '') : '') : collapseSpace(children(tc, 'w:p').map(runText).join(' '));
      row.push(text, ...Array<string>(span - 1).fill(''));
    }
    rows.push(row);
  }
  return rows;
}

/** The title first, then paragraphs and tables; headings at the highest level below the title are sections. */
function emit(out: TextBuilder, blocks: Block[]): void {
  const paragraphs = blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
  let title = paragraphs.find((p) => p.title);
  const first = paragraphs[0];
  if (!title && first?.level !== undefined && blocks[0] === first && paragraphs.filter((p) => p.level === first.level).length === 1) title = first;
  const levels = paragraphs.filter((p) => p !== title && p.level !== undefined).map((p) => p.level!);
  const sectionLevel = levels.length ? Math.min(...levels) : undefined;
  if (title) out.paragraph(title.text);
  for (const block of blocks) {
    if (block === title) continue;
    if (block.kind === 'table') addTable(out, block.rows.filter((r) => r.some(Boolean)));
    else out.paragraph(block.text, { heading: block.level !== undefined && block.level === sectionLevel });
  }
}
