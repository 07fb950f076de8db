/**
 * Files whose text is extracted (HTML, PDF, Word): bytes → the format's reader → extracted text,
 * then the plain-text rules, as for a text file. Never throws: a document that cannot be read
 * becomes a file with no articles and the reason, naming what is wrong with it.
 */
import type { CorpusFile, Metadata } from '../../model';
import { mergeMetadata } from '../metadata';
import { readPlainText } from '../plaintext';
import { emptyFile, outlineText, sizeProblem } from '../read';
import { Unreadable, type Extracted, type TableCell } from './builder';
import { readDocx } from './docx';
import { readHtml } from './html';
import { formatOf, type Format } from './kinds';
import { readPdf } from './pdf';

const NAMES: Record<Format, string> = { html: 'HTML', pdf: 'PDF', docx: 'Word (.docx)' };

/** Reads a file of an extracted format; its table cells go with it until statistics are found. */
export async function readExtractedFile(bytes: Uint8Array, path: string, metadata: Metadata = {}): Promise<{ file: CorpusFile; cells: TableCell[] }> {
  const file = emptyFile(path, metadata);
  const format = formatOf(path);
  const size = sizeProblem(bytes);
  if (size || !format) {
    file.problems.push(size ?? { severity: 'error', message: 'not a format StatCite extracts text from' });
    return { file, cells: [] };
  }
  let extracted: Extracted;
  try {
    extracted = format === 'html' ? readHtml(bytes) : format === 'pdf' ? await readPdf(bytes) : readDocx(bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // Unreadable says what is wrong with the document; anything else is a fault of the reader.
    file.problems.push({ severity: 'error', message: err instanceof Unreadable ? reason : `could not be read as ${NAMES[format]}: ${reason}` });
    return { file, cells: [] };
  }
  file.encoding = extracted.encoding;
  file.text = extracted.text;
  file.source = extracted.source;
  file.problems.push(...extracted.problems);
  // What the document states about itself yields to the sidecar, where the user corrects it.
  const stated = mergeMetadata(extracted.metadata, metadata);
  outlineText(file, () => readPlainText(extracted.text, path, stated, { headings: extracted.headings, title: extracted.title }));
  return { file, cells: extracted.cells };
}
