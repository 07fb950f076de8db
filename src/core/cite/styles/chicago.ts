import type { Reference } from '../reference';
import { MONTHS, Needs, dateParts, finishMarkup, markupFor, withPeriod } from './fields';
import type { CitationStyle, Formatted, Markup } from './types';

/**
 * Chicago Manual of Style (17th ed.) author-date: reference-list entries and "(Author Year)"
 * citations. A missing year is "n.d."; other missing facts show as "[… unknown]".
 */
const PLACEHOLDERS: Record<string, string> = {
  publication: '[publication unknown]',
  date: '[date unknown]',
  url: '[URL unknown]',
  place: '[place unknown]',
  publisher: '[publisher unknown]',
};

/** Up to ten authors in full ("A, B, and C"); more than ten: the first seven and "et al." (15.9). */
function authorList(authors: string[]): string {
  if (authors.length > 10) return `${authors.slice(0, 7).join(', ')}, et al.`;
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors.slice(0, -1).join(', ')}, and ${authors[authors.length - 1]}`;
}

function fullDate(date: string | undefined): string | undefined {
  const parts = dateParts(date);
  if (!parts?.month) return undefined;
  return `${MONTHS[parts.month - 1]}${parts.day ? ` ${parts.day}` : ''}, ${parts.year}`;
}

/** The year with its letter (2026a); n.d. when unknown (recorded as missing). */
function yearOf(ref: Reference, needs: Needs): string {
  needs.note('date', ref.date);
  const suffix = ref.yearSuffix ?? '';
  const year = dateParts(ref.date)?.year;
  return year ? year + suffix : `n.d.${suffix && `-${suffix}`}`;
}

export const chicago: CitationStyle = {
  id: 'chicago',
  name: 'Chicago',
  system: 'author-year',
  heading: 'References',
  entry(ref: Reference, markup: Markup): Formatted {
    const { esc, it } = markupFor(markup);
    const needs = new Needs(PLACEHOLDERS);
    const year = yearOf(ref, needs);
    const quoted = ref.type === 'N' || ref.type === 'J' || ref.type === 'EB';
    const title = quoted ? `“${withPeriod(esc(ref.title))}”` : withPeriod(it(esc(ref.title)));
    const head = ref.authors.length ? `${withPeriod(esc(authorList(ref.authors)))} ${withPeriod(year)} ${title}` : `${title} ${withPeriod(year)}`;
    let tail: string;
    switch (ref.type) {
      case 'N': {
        // Newspapers are cited by date, not page (14.191).
        const date = ref.date ? fullDate(ref.date) : needs.get('date', undefined);
        tail = ` ${it(needs.get('publication', ref.publication && esc(ref.publication)))}${date ? `, ${date}` : ''}.`;
        break;
      }
      case 'J': {
        const volume = ref.volume ? ` ${esc(ref.volume)}${ref.issue ? ` (${esc(ref.issue)})` : ''}` : '';
        tail = ` ${it(needs.get('publication', ref.publication && esc(ref.publication)))}${volume}${ref.page ? `: ${esc(ref.page)}` : ''}.`;
        break;
      }
      case 'EB': {
        const date = fullDate(ref.date);
        const accessed = !ref.date && fullDate(ref.accessed) ? ` Accessed ${fullDate(ref.accessed)}.` : '';
        tail = `${ref.publication ? ` ${withPeriod(esc(ref.publication))}` : ''}${date ? ` ${date}.` : ''}${accessed} ${withPeriod(needs.get('url', ref.url))}`;
        break;
      }
      default:
        // Books, reports and the like.
        tail = ` ${needs.get('place', ref.place && esc(ref.place))}: ${withPeriod(needs.get('publisher', ref.publisher && esc(ref.publisher)))}${ref.online && ref.url ? ` ${withPeriod(ref.url)}` : ''}`;
    }
    return { text: finishMarkup(head + tail, markup), missing: needs.missing };
  },
  missing(ref: Reference): string[] {
    return this.entry(ref, 'plain').missing;
  },
  inText(ref: Reference): string {
    const a = ref.authors;
    const name = a.length === 0 ? ref.title : a.length <= 3 ? authorList(a) : `${a[0]} et al.`;
    return `(${name} ${yearOf(ref, new Needs(PLACEHOLDERS))})`;
  },
};
