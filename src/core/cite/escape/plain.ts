/**
 * Corpus text in a plain-text draft. Plain text has no escape character; what must not happen is a
 * bracketed number ([2]) that reads as one of the draft's citation markers, so its brackets are
 * written full-width (［2］), which reads the same.
 */
import { oneLine } from '../../corpus/oneLine';

export function plainText(text: string): string {
  return oneLine(text).replace(/\[(\s*\d+\s*)\]/g, '［$1］');
}
