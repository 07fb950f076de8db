import type * as vscode from 'vscode';
import type { SearchResult } from '../../core/search/types';
import { revealSource } from '../reveal';

/**
 * Opens a result's file and selects where it points: the first matched term of a passage, the
 * figure of a statistic (or the passage's first range when no term occurs literally).
 */
export function openResult(result: SearchResult): Promise<vscode.TextEditor> {
  const target = result.match ?? { start: result.start, end: result.end };
  return revealSource(result.file, target.start, target.end, { preview: true });
}
