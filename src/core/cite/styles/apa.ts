import type { Reference } from '../reference';
import { MONTHS, Needs, dateParts, finishMarkup, markupFor, withPeriod } from './fields';
import type { CitationStyle, Formatted, Markup } from './types';

/**
 * APA 7 reference list and parenthetical citations. A missing date is "n.d." as APA prescribes;
 * other missing facts show as "[… unknown]". Without an author the title takes the author's place.
 */
const PLACEHOLDERS: Record<string, string> = {
  publication: '[publication unknown]',
  publisher: '[publisher unknown]',
  url: '[URL unknown]',
};

/** "A", "A & B", "A, B, & C"; beyond 20 authors the first 19, an ellipsis and the last. */
function authorList(authors: string[]): string {
  if (authors.length <= 1) return authors.join('');
  if (authors.length === 2) return `${authors[0]} & ${authors[1]}`;
  if (authors.length > 20) return `${authors.slice(0, 19).join(', ')}, … ${authors[authors.length - 1]}`;
  return `${authors.slice(0, -1).join(', ')}, & ${authors[authors.length - 1]}`;
}

/** (2026, January 21) for newspapers and web pages; (2026) otherwise; (n.d.) when unknown. */
function datePart(ref: Reference, needs: Needs): string {
  needs.note('date', ref.date);
  const parts = dateParts(ref.date);
  const suffix = ref.yearSuffix ?? '';
  if (!parts) return `n.d.${suffix && `-${suffix}`}`;
  const precise = (ref.type === 'N' || ref.type === 'EB') && parts.month;
  return precise ? `${parts.year}${suffix}, ${MONTHS[parts.month! - 1]}${parts.day ? ` ${parts.day}` : ''}` : parts.year + suffix;
}

export const apa: CitationStyle = {
  id: 'apa',
  name: 'APA 7',
  system: 'author-year',
  heading: 'References',
  entry(ref: Reference, markup: Markup): Formatted {
    const { esc, it } = markupFor(markup);
    const needs = new Needs(PLACEHOLDERS);
    const date = `(${datePart(ref, needs)}).`;
    const standalone = ref.type !== 'N' && ref.type !== 'J';
    const title = standalone ? it(esc(ref.title)) : esc(ref.title);
    const head = ref.authors.length ? `${withPeriod(esc(authorList(ref.authors)))} ${date} ${withPeriod(title)}` : `${withPeriod(title)} ${date}`;
    const url = ref.online && ref.url ? ` ${ref.url}` : '';
    let tail: string;
    switch (ref.type) {
      case 'N':
      case 'J': {
        const volume = ref.volume ? `, ${it(esc(ref.volume))}${ref.issue ? `(${esc(ref.issue)})` : ''}` : '';
        tail = ` ${it(needs.get('publication', ref.publication && esc(ref.publication)))}${volume}${ref.page ? `, ${esc(ref.page)}` : ''}.${url}`;
        break;
      }
      case 'EB':
        tail = `${ref.publication ? ` ${withPeriod(esc(ref.publication))}` : ''} ${needs.get('url', ref.url)}`;
        break;
      default: {
        // Books, reports and the like: a publisher that is also the author is not repeated (APA 7, 9.24).
        const same = ref.publisher && ref.authors.length === 1 && ref.publisher === ref.authors[0];
        tail = same ? url : ` ${withPeriod(needs.get('publisher', ref.publisher && esc(ref.publisher)))}${url}`;
      }
    }
    return { text: finishMarkup(head + tail, markup), missing: needs.missing };
  },
  missing(ref: Reference): string[] {
    return this.entry(ref, 'plain').missing;
  },
  inText(ref: Reference): string {
    const a = ref.authors;
    const name = a.length === 0 ? ref.title : a.length === 1 ? a[0] : a.length === 2 ? `${a[0]} & ${a[1]}` : `${a[0]} et al.`;
    // The year with its letter, without the month and day a newspaper's date part carries.
    return `(${name}, ${datePart(ref, new Needs(PLACEHOLDERS)).replace(/,.*/, '')})`;
  },
};
