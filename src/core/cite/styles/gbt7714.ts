import type { Reference } from '../reference';
import { Needs, dateParts, finishMarkup, isChinese, markupFor } from './fields';
import type { CitationStyle, Formatted, Markup } from './types';

/**
 * GB/T 7714-2015 信息与文献 参考文献著录规则: 顺序编码制 (numeric) and 著者-出版年制 (author-year).
 * Half-width punctuation as in the standard's examples; at most three authors, then ", 等" or
 * ", et al."; newspapers as 出版日期(版次); online sources as (发表日期)[引用日期]. 获取路径.
 * Where the standard names a placeholder it is used ([出版地不详], [出版者不详], [S.l.], [s.n.]); other
 * missing facts show as [××不详] in the same pattern, and are listed as missing.
 */

const ZH: Record<string, string> = {
  publication: '[报纸名不详]',
  journal: '[刊名不详]',
  date: '[出版日期不详]',
  onlineDate: '[发布日期不详]',
  year: '[出版年不详]',
  page: '[版次不详]',
  accessed: '[引用日期不详]',
  url: '[获取路径不详]',
  place: '[出版地不详]',
  publisher: '[出版者不详]',
};
const EN: Record<string, string> = {
  publication: '[newspaper unknown]',
  journal: '[journal unknown]',
  date: '[date unknown]',
  onlineDate: '[date unknown]',
  year: '[year unknown]',
  page: '[page unknown]',
  accessed: '[accessed unknown]',
  url: '[URL unknown]',
  place: '[S.l.]',
  publisher: '[s.n.]',
};

function placeholders(ref: Reference, type: string): Record<string, string> {
  const table = isChinese(ref) ? ZH : EN;
  // The same field has a different name in each type's description: 报纸名, 刊名, 发布日期.
  return {
    ...table,
    publication: type === 'J' ? table.journal : table.publication,
    date: type === 'EB/OL' ? table.onlineDate : table.date,
  };
}

/** A placeholder inside the standard's own brackets drops its own: (版次不详), not ([版次不详]). */
function bare(value: string): string {
  return value.replace(/^\[(.*)\]$/, '$1');
}

/** Ends an element with ". " unless it already ends with a full stop ("et al."). */
function period(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}

function authorList(ref: Reference): string {
  const etAl = isChinese(ref) ? ', 等' : ', et al.';
  return ref.authors.length > 3 ? ref.authors.slice(0, 3).join(', ') + etAl : ref.authors.join(', ');
}

function typeCode(ref: Reference): string {
  return ref.type === 'R' && ref.url ? 'R/OL' : ref.type;
}

/** The elements after the title ("[N]. 报纸名, 日期(版次)."), shared by both systems. */
function body(ref: Reference, needs: Needs, markup: Markup, authorYear: boolean): string {
  const { esc } = markupFor(markup);
  const title = `${esc(ref.title)}[${typeCode(ref)}]`;
  const year = dateParts(ref.date)?.year;
  switch (ref.type) {
    case 'N': {
      const publication = needs.get('publication', ref.publication && esc(ref.publication));
      // 著者-出版年制 gives the year after the author, so the date keeps only month and day.
      const parts = dateParts(ref.date);
      const date = authorYear && parts?.month ? ref.date!.slice(5) : authorYear && parts ? '' : needs.get('date', ref.date);
      const page = bare(needs.get('page', ref.page && esc(ref.page)));
      return `${title}. ${publication}${date ? `, ${date}` : ''}(${page}).`;
    }
    case 'EB/OL': {
      const date = bare(needs.get('date', ref.date));
      const accessed = bare(needs.get('accessed', ref.accessed));
      const url = needs.get('url', ref.url);
      return `${title}. (${date})[${accessed}]. ${url}.`;
    }
    case 'J': {
      const publication = needs.get('publication', ref.publication && esc(ref.publication));
      const yearPart = authorYear ? '' : `, ${needs.get('year', year)}`;
      return `${title}. ${publication}${yearPart}${ref.page ? `: ${esc(ref.page)}` : ''}.`;
    }
    case 'R':
    case 'M': {
      const place = needs.get('place', ref.place && esc(ref.place));
      const publisher = needs.get('publisher', ref.publisher && esc(ref.publisher));
      const yearPart = authorYear ? '' : `, ${needs.get('year', year)}`;
      const page = ref.page && ref.type === 'M' ? `: ${esc(ref.page)}` : '';
      const online = ref.type === 'R' && ref.url ? `[${bare(needs.get('accessed', ref.accessed))}]. ${ref.url}` : '';
      return `${title}. ${place}: ${publisher}${yearPart}${page}${online}.`;
    }
  }
}

export const gbt7714Numeric: CitationStyle = {
  id: 'gbt7714-numeric',
  system: 'numeric',
  heading: '参考文献',
  entry(ref: Reference, markup: Markup): Formatted {
    const needs = new Needs(placeholders(ref, ref.type));
    // In 顺序编码制 an unknown author is simply left out (GB/T 7714-2015 8.1.4).
    const authors = ref.authors.length ? `${period(markupFor(markup).esc(authorList(ref)))} ` : '';
    const text = authors + body(ref, needs, markup, false);
    return { text: finishMarkup(text, markup), missing: needs.missing };
  },
  inText: (_ref, n) => `[${n}]`,
};

function anonymous(ref: Reference): string {
  return isChinese(ref) ? '佚名' : 'Anon';
}

export const gbt7714AuthorYear: CitationStyle = {
  id: 'gbt7714-author-year',
  system: 'author-year',
  heading: '参考文献',
  entry(ref: Reference, markup: Markup): Formatted {
    const needs = new Needs(placeholders(ref, ref.type));
    // 著者-出版年制 needs a name to sort by: 佚名 / Anon stands in (8.1.4), and the gap is reported.
    needs.note('authors', ref.authors);
    const authors = ref.authors.length ? markupFor(markup).esc(authorList(ref)) : anonymous(ref);
    const year = needs.get('year', dateParts(ref.date)?.year);
    const text = `${period(authors)} ${year}. ${body(ref, needs, markup, true)}`;
    return { text: finishMarkup(text, markup), missing: needs.missing };
  },
  inText(ref: Reference): string {
    const zh = isChinese(ref);
    const first = ref.authors[0] ?? anonymous(ref);
    const name = ref.authors.length > 1 ? `${first}${zh ? '等' : ' et al.'}` : first;
    const year = dateParts(ref.date)?.year ?? (zh ? ZH.year : EN.year);
    return zh ? `（${name}，${year}）` : `(${name}, ${year})`;
  },
};
