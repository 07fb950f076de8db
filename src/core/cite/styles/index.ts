import { disambiguate, type Reference } from '../reference';
import { apa } from './apa';
import { chicago } from './chicago';
import { gbt7714AuthorYear, gbt7714Numeric } from './gbt7714';
import { STYLE_IDS, type CitationStyle, type Formatted, type Markup, type StyleId } from './types';

export type { CitationStyle, Formatted, Markup, StyleId } from './types';
export { STYLE_IDS } from './types';

const STYLES: Record<StyleId, CitationStyle> = {
  'gbt7714-numeric': gbt7714Numeric,
  'gbt7714-author-year': gbt7714AuthorYear,
  apa,
  chicago,
};

export const DEFAULT_STYLE: StyleId = 'gbt7714-numeric';

export function isStyleId(id: string): id is StyleId {
  return (STYLE_IDS as readonly string[]).includes(id);
}

/** The style for an id (check user input with isStyleId first). */
export function styleFor(id: StyleId): CitationStyle {
  return STYLES[id];
}

/** A style setting names a CSL file when it is not a built-in id. */
export function isCslPath(setting: string): boolean {
  return !isStyleId(setting) && setting.trim() !== '';
}

/**
 * The style a CSL file's text gives, or the built-in default with a problem naming the file and
 * the reason: a broken style never stops citing. citeproc is loaded on first use only, so the
 * built-in styles (the default) never pay for it.
 */
export async function styleFromCsl(xml: string, path: string): Promise<{ style: CitationStyle; problem?: string }> {
  const { cslStyle } = await import('./cslEngine');
  const made = cslStyle(xml, path);
  if ('error' in made) return { style: styleFor(DEFAULT_STYLE), problem: `${path}: ${made.error}; using GB/T 7714-2015 instead` };
  return { style: made };
}

/** The entries of a reference list, in the order given: works of one author and year told apart (1997a). */
export function formatEntries(style: CitationStyle, refs: Reference[], markup: Markup): Formatted[] {
  if (style.entries) return style.entries(refs, markup);
  const list = style.system === 'author-year' ? disambiguate(refs) : refs;
  return list.map((ref) => style.entry(ref, markup));
}
