/**
 * One corpus file: bytes → text → outline. Never throws: whatever goes wrong becomes a Problem
 * naming the reason, and the file still appears (with no articles when nothing could be read).
 */
import type { Outline } from './build';
import type { CorpusFile, Metadata, Problem } from '../model';
import { decode } from './encoding';
import { FORMAT_EXTENSIONS } from './formats/kinds';
import { readMarkdown } from './markdown';
import { readPlainText } from './plaintext';

/** Files above this size are reported, not read: a corpus file this large is a mistake. */
export const MAX_BYTES = 64 * 1024 * 1024;

const MARKDOWN = /\.(md|markdown)$/i;
/** File extensions a corpus folder's reader takes: text, Markdown, and the formats text is extracted from. */
export const CORPUS_EXTENSIONS: readonly string[] = ['md', 'markdown', 'txt', ...FORMAT_EXTENSIONS];
export const CORPUS_FILE = new RegExp(`\\.(${CORPUS_EXTENSIONS.join('|')})$`, 'i');
/** The same as a glob (for file watchers and folder searches). */
export const CORPUS_GLOB = `**/*.{${CORPUS_EXTENSIONS.join(',')}}`;

/**
 * Reads a file's bytes into the corpus model. `metadata` is what the host knows from a sidecar
 * (see metadata.ts); front matter and the text itself add to it.
 */
export function readCorpusFile(bytes: Uint8Array, path: string, metadata: Metadata = {}): CorpusFile {
  const file = emptyFile(path, metadata);
  const size = sizeProblem(bytes);
  if (size) {
    file.problems.push(size);
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
  outlineText(file, () => (MARKDOWN.test(path) ? readMarkdown(decoded.text, path, metadata) : readPlainText(decoded.text, path, metadata)));
  return file;
}

/** A file with nothing read yet. */
export function emptyFile(path: string, metadata: Metadata): CorpusFile {
  return { path, encoding: 'unknown', text: '', metadata, articles: [], problems: [] };
}

/** Why bytes are not read at all (empty, too large), or undefined. */
export function sizeProblem(bytes: Uint8Array): Problem | undefined {
  if (bytes.length === 0) return { severity: 'warning', message: 'empty file: nothing to outline' };
  if (bytes.length <= MAX_BYTES) return undefined;
  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  return { severity: 'error', message: `too large to read: ${mb} MB (the limit is ${MAX_BYTES / 1024 / 1024} MB)` };
}

/** Fills the file's outline from a reader of its text. */
export function outlineText(file: CorpusFile, read: () => Outline): void {
  try {
    const outline = read();
    file.metadata = outline.metadata;
    file.articles = outline.articles;
    file.problems.push(...outline.problems);
  } catch (err) {
    // A reader bug must not hide the file: show it with the reason instead.
    file.articles = [];
    file.problems.push({ severity: 'error', message: `could not be outlined: ${err instanceof Error ? err.message : String(err)}` });
  }
}
