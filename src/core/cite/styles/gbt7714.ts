import type { Reference } from '../reference';
import { Needs, dateParts, finishMarkup, isChinese, markupFor } from './fields';
import { gbtName, gbtSurname } from './names';
import type { CitationStyle, Formatted, Markup } from './types';

/**
 * GB/T 7714-2015 信息与文献 参考文献著录规则: 顺序编码制 (numeric) and 著者-出版年制 (author-year).
 * Half-width punctuation as in the standard's examples. The type code carries /OL for works read
 * online. Patterns (clause 4 and appendix A):
 * - 报纸 N:  报纸名, 出版日期(版次)[引用日期]. 获取路径.
 * - 期刊 J:  刊名, 年, 卷(期): 页码[引用日期]. 获取路径.
 * - 专利 P:  题名: 专利号[P]. 公告日期[引用日期]. 获取路径.
 * - 专著-like (M, R, C, D, S, A) and EB: 出版地: 出版者, 出版年: 引文页码[引用日期]. 获取路径.
 *   An online work that states no 出版地, 出版者 or page instead gives (发布日期)[引用日期]. 获取路径.,
 *   the 发布日期 left out when unknown.
 * An element the standard requires shows as a placeholder when unknown ([出版地不详], [出版者不详],
 * [S.l.], [s.n.] are the standard's own; others follow their pattern) and is listed as missing.
 */

const ZH: Record<string, string> = {
  publication: '[报纸名不详]',
  journal: '[刊名不详]',
  date: '[出版日期不详]',
  patentDate: '[公告日期不详]',
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
  patentDate: '[date unknown]',
  year: '[year unknown]',
  page: '[page unknown]',
  accessed: '[accessed unknown]',
  url: '[URL unknown]',
  place: '[S.l.]',
  publisher: '[s.n.]',
};

function placeholders(ref: Reference): Record<string, string> {
  const table = isChinese(ref) ? ZH : EN;
  // The same field has a different name in each type's description: 报纸名 / 刊名, 出版日期 / 公告日期.
  return { ...table, publication: ref.type === 'J' ? table.journal : table.publication, date: ref.type === 'P' ? table.patentDate : table.date };
}

/** A placeholder inside the standard's own brackets drops its own: (版次不详), not ([版次不详]). */
function bare(value: string): string {
  return value.replace(/^\[(.*)\]$/, '$1');
}

/** Ends an element with a full stop unless it already ends with one ("et al.", "Inc."). */
function period(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}

/** At most three names, then ", 等" or ", et al." by the language of the entry (8.1.3). */
function authorList(ref: Reference): string {
  const names = ref.authors.map(gbtName);
  return names.length > 3 ? names.slice(0, 3).join(', ') + (isChinese(ref) ? ', 等' : ', et al.') : names.join(', ');
}

function anonymous(ref: Reference): string {
  return isChinese(ref) ? '佚名' : 'Anon';
}

interface Parts {
  needs: Needs;
  esc(s: string): string;
  authorYear: boolean;
}

/** 题名: 编号[N/OL] */
function titleElement(ref: Reference, { esc }: Parts): string {
  return `${esc(ref.number ? `${ref.title}: ${ref.number}` : ref.title)}[${ref.type}${ref.online ? '/OL' : ''}]`;
}

/** [引用日期]. 获取路径 — both required for a work read online. */
function access(ref: Reference, needs: Needs): string {
  return `[${bare(needs.get('accessed', ref.accessed))}]. ${needs.get('url', ref.url)}`;
}

function newspaper(ref: Reference, p: Parts): string {
  const { needs, esc } = p;
  const publication = needs.get('publication', ref.publication && esc(ref.publication));
  // 著者-出版年制 gives the year after the author, so the date keeps only month and day.
  const parts = dateParts(ref.date);
  const date = p.authorYear && parts ? (parts.month ? ref.date!.slice(5) : '') : needs.get('date', ref.date);
  // 版次 is required of a printed newspaper; an article read online may have none.
  const page = ref.page ? `(${esc(ref.page)})` : ref.online ? '' : `(${bare(needs.get('page', undefined))})`;
  return `${publication}${date ? `, ${date}` : ''}${page}${ref.online ? access(ref, needs) : ''}.`;
}

function journal(ref: Reference, p: Parts): string {
  const { needs, esc } = p;
  const publication = needs.get('publication', ref.publication && esc(ref.publication));
  const year = p.authorYear ? '' : needs.get('year', dateParts(ref.date)?.year);
  const issue = ref.issue ? `(${esc(ref.issue)})` : '';
  const volume = ref.volume ? `${year ? ', ' : ''}${esc(ref.volume)}` : '';
  const issueOf = year + volume + issue;
  const page = ref.page ? `: ${esc(ref.page)}` : '';
  return `${publication}${issueOf ? `, ${issueOf}` : ''}${page}${ref.online ? access(ref, needs) : ''}.`;
}

function patent(ref: Reference, { needs }: Parts): string {
  return `${needs.get('date', ref.date)}${ref.online ? access(ref, needs) : ''}.`;
}

function monograph(ref: Reference, p: Parts): string {
  const { needs, esc } = p;
  if (ref.online && !ref.place && !ref.publisher && !ref.page) {
    return `${ref.date ? `(${ref.date})` : ''}${access(ref, needs)}.`;
  }
  const place = needs.get('place', ref.place && esc(ref.place));
  const publisher = needs.get('publisher', ref.publisher && esc(ref.publisher));
  const year = p.authorYear ? '' : `, ${needs.get('year', dateParts(ref.date)?.year)}`;
  const page = ref.page ? `: ${esc(ref.page)}` : '';
  return `${place}: ${publisher}${year}${page}${ref.online ? access(ref, needs) : ''}.`;
}

/** The elements from the title on ("题名[N]. 报纸名, 日期(版次)."), shared by both systems. */
function body(ref: Reference, p: Parts): string {
  const title = titleElement(ref, p);
  switch (ref.type) {
    case 'N':
      return `${title}. ${newspaper(ref, p)}`;
    case 'J':
      return `${title}. ${journal(ref, p)}`;
    case 'P':
      return `${title}. ${patent(ref, p)}`;
    default:
      return `${title}. ${monograph(ref, p)}`;
  }
}

function parts(ref: Reference, markup: Markup, authorYear: boolean): Parts {
  return { needs: new Needs(placeholders(ref)), esc: markupFor(markup).esc, authorYear };
}

export const gbt7714Numeric: CitationStyle = {
  id: 'gbt7714-numeric',
  name: 'GB/T 7714-2015',
  system: 'numeric',
  heading: '参考文献',
  entry(ref: Reference, markup: Markup): Formatted {
    const p = parts(ref, markup, false);
    // In 顺序编码制 an unknown author is simply left out (8.1.4).
    const authors = ref.authors.length ? `${period(p.esc(authorList(ref)))} ` : '';
    const text = authors + body(ref, p);
    return { text: finishMarkup(text, markup), missing: p.needs.missing };
  },
  missing(ref: Reference): string[] {
    return this.entry(ref, 'plain').missing;
  },
  inText: (_ref, n) => `[${n}]`,
};

export const gbt7714AuthorYear: CitationStyle = {
  id: 'gbt7714-author-year',
  name: 'GB/T 7714-2015',
  system: 'author-year',
  heading: '参考文献',
  entry(ref: Reference, markup: Markup): Formatted {
    const p = parts(ref, markup, true);
    // 著者-出版年制 needs a name to sort by: 佚名 / Anon stands in (8.1.4), and the gap is reported.
    p.needs.note('authors', ref.authors);
    const authors = ref.authors.length ? p.esc(authorList(ref)) : anonymous(ref);
    const year = p.needs.get('year', dateParts(ref.date)?.year) + (ref.yearSuffix ?? '');
    const text = `${authors}, ${year}. ${body(ref, p)}`;
    return { text: finishMarkup(text, markup), missing: p.needs.missing };
  },
  missing(ref: Reference): string[] {
    return this.entry(ref, 'plain').missing;
  },
  /** （汪冰，1997）, （陈浩培 等，2026）, (CRANE, 1972), (KENNEDY et al., 1975a) — 10.2. */
  inText(ref: Reference): string {
    const zh = isChinese(ref);
    const first = ref.authors.length ? gbtSurname(ref.authors[0]) : anonymous(ref);
    const name = ref.authors.length > 1 ? `${first} ${zh ? '等' : 'et al.'}` : first;
    const year = (dateParts(ref.date)?.year ?? (zh ? ZH.year : EN.year)) + (ref.yearSuffix ?? '');
    return zh ? `（${name}，${year}）` : `(${name}, ${year})`;
  },
};
