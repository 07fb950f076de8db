import { readFileSync } from 'node:fs';
import { STYLE_IDS, isStyleId, styleFor, styleFromCsl, type CitationStyle } from '../core/cite/styles';

/** How `--style` is written in every command's usage line. */
export const STYLE_OPTION = `--style ${STYLE_IDS.join('|')}|<file.csl>`;

/**
 * `--style`: a built-in style, or a CSL file (relative to the working directory). A file that
 * cannot be read is a usage error (the message); one citeproc cannot use falls back with a warning.
 */
export async function loadStyle(value: string, command: string): Promise<CitationStyle | string> {
  if (isStyleId(value)) return styleFor(value);
  let xml: string;
  try {
    xml = readFileSync(value, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    return `--style must be one of ${STYLE_IDS.join(', ')}, or a .csl file (${value}: ${reason})`;
  }
  const { style, problem } = await styleFromCsl(xml, value);
  if (problem) console.error(`statcite ${command}: ${problem}`);
  return style;
}
