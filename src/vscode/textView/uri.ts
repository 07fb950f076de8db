import * as vscode from 'vscode';
import { formatOf } from '../../core/corpus/formats/kinds';

/**
 * The scheme of the read-only documents that show the text extracted from HTML, PDF and Word
 * files: ranges of such files point into that text, so clicks, hovers and underlines work there.
 */
export const TEXT_SCHEME = 'statcite-text';
/** Appended to the original's path: the tab reads 「report.pdf (text)」, and no language claims it. */
const SUFFIX = ' (text)';

/** The document that shows a corpus file: the file itself, or the text view of an extracted format. */
export function sourceUri(path: string): vscode.Uri {
  const file = vscode.Uri.file(path);
  return formatOf(path) ? file.with({ scheme: TEXT_SCHEME, path: file.path + SUFFIX }) : file;
}

/**
 * The corpus path a document shows the text of, or undefined: a text view gives its original, a
 * text file itself; an HTML, PDF or Word file opened as it is does not show the corpus text.
 */
export function corpusPathOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme === TEXT_SCHEME && uri.path.endsWith(SUFFIX)) return vscode.Uri.file(uri.path.slice(0, -SUFFIX.length)).fsPath;
  return uri.scheme === 'file' && !formatOf(uri.fsPath) ? uri.fsPath : undefined;
}

/** 「p. 12」 / 「第 12 页」: the page of a passage or statistic in a PDF. */
export function pageLabel(page: number): string {
  return vscode.l10n.t('p. {0}', page);
}
