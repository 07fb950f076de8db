import { apa } from './apa';
import { chicago } from './chicago';
import { gbt7714AuthorYear, gbt7714Numeric } from './gbt7714';
import { STYLE_IDS, type CitationStyle, type StyleId } from './types';

export type { CitationStyle, Formatted, Markup, StyleId } from './types';
export { STYLE_IDS } from './types';

const STYLES: Record<StyleId, CitationStyle> = {
  'gbt7714-numeric': gbt7714Numeric,
  'gbt7714-author-year': gbt7714AuthorYear,
  apa,
  chicago,
};

export function isStyleId(id: string): id is StyleId {
  return (STYLE_IDS as readonly string[]).includes(id);
}

/** The style for an id (check user input with isStyleId first). */
export function styleFor(id: StyleId): CitationStyle {
  return STYLES[id];
}
