/**
 * The formats whose text is extracted rather than read as it is, by file extension. Apart from the
 * readers, so that the VS Code layer can tell such files without loading them.
 */
import type { SourceMap } from '../../model';

export type Format = SourceMap['format'];

const BY_EXTENSION: Readonly<Record<string, Format>> = { html: 'html', htm: 'html', pdf: 'pdf', docx: 'docx' };

export const FORMAT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The format of a file whose text is extracted, or undefined for text and Markdown. */
export function formatOf(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}
