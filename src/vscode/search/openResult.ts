import type * as vscode from 'vscode';
import type { SearchResult } from '../../core/search/types';
import { revealSource } from '../reveal';

/** Opens a result's file and selects where it points (its match: the words or the figure). */
export function openResult(result: SearchResult): Promise<vscode.TextEditor> {
  return revealSource(result.file, result.match.start, result.match.end, { preview: true });
}
