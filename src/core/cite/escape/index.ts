/**
 * Where corpus text enters a draft it is escaped for the draft's format: the sentence and the
 * quotation put before a marker, the entry text of a reference list, a locator. Citation styles
 * produce plain strings; this is the one boundary that makes them safe for the target.
 */
import type { DraftFormat } from '../draft/syntax';
import { latexLocator, latexText } from './latex';
import { markdownText, pandocLocator } from './markdown';
import { plainText } from './plain';

export interface Escaper {
  /** Running text: a sentence, a quotation, an entry. */
  text(text: string): string;
  /** A locator inside a marker ([@key, locator], \cite[locator]{key}). */
  locator(text: string): string;
}

const ESCAPERS: Record<DraftFormat, Escaper> = {
  markdown: { text: markdownText, locator: pandocLocator },
  pandoc: { text: markdownText, locator: pandocLocator },
  latex: { text: latexText, locator: latexLocator },
  plain: { text: plainText, locator: plainText },
};

export function escaperFor(format: DraftFormat): Escaper {
  return ESCAPERS[format];
}
