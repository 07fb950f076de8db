/**
 * One corpus file: bytes → text → outline. Never throws: whatever goes wrong becomes a Problem
 * naming the reason, and the file still appears (with no articles when nothing could be read).
 */
import type { CorpusFile, Metadata } from '../model';
import { decode } from './encoding';
import { readMarkdown } from './markdown';
import { readPlainText } from './plaintext';

/** Files above this size are reported, not read: a corpus file this large is a mistake. */
export const MAX_BYTES = 64 * 1024 * 1024;

const MARKDOWN = /\.(md|markdown)$/i;
/** File names a corpus folder's reader takes: Markdown and plain text. */
export const CORPUS_FILE = /\.(md|markdown|txt)$/i;

/**
 * Reads a file's bytes into the corpus model. `metadata` is what the host knows from a sidecar
 * (see metadata.ts); front matter and the text itself add to it.
 */
export function readCorpusFile(bytes: Uint8Array, path: string, metadata: Metadata = {}): CorpusFile {
  const file: CorpusFile = { path, encoding: 'unknown', text: '', metadata, articles: [], problems: [] };
  if (bytes.length === 0) {
    file.problems.push({ severity: 'warning', message: 'empty file: nothing to outline' });
    return file;
  }
  if (bytes.length > MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    file.problems.push({ severity: 'error', message: `too large to read: ${mb} MB (the limit is ${MAX_BYTES / 1024 / 1024} MB)` });
    return file;
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    file.problems.push({ severity: 'error', message: decoded.reason });
    return file;
  }
  file.encoding = decoded.encoding;
  file.text = decoded.text;
  if (decoded.warning) file.problems.push({ severity: 'warning', message: decoded.warning });
  if (!decoded.text.trim()) {
    file.problems.push({ severity: 'warning', message: 'empty file (white space only): nothing to outline' });
    return file;
  }
  try {
    const outline = MARKDOWN.test(path) ? readMarkdown(decoded.text, path, metadata) : readPlainText(decoded.text, path, metadata);
    file.metadata = outline.metadata;
    file.articles = outline.articles;
    file.problems.push(...outline.problems);
  } catch (err) {
    // A reader bug must not hide the file: show it with the reason instead.
    file.articles = [];
    file.problems.push({ severity: 'error', message: `could not be outlined: ${err instanceof Error ? err.message : String(err)}` });
  }
  return file;
}
