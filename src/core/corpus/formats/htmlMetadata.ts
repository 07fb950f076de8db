/**
 * What a web page states about itself: in its head (Highwire citation_* tags as Zotero reads them,
 * Open Graph, article:published_time, the meta tags of Chinese publishing systems — PubDate,
 * ContentSource —, the canonical link) and in the info line under its title
 * (「发布时间：2025-03-05 来源：新华社 作者：…」). Highwire tags are the most deliberate and win;
 * the visible line comes before the generic tags, which often name the site rather than the source.
 */
import type { Metadata } from '../../model';
import { mergeMetadata } from '../metadata';
import { authorsOf, dateOf } from './stated';

/** The head's tags: name or property (lower case) → values in page order. */
export type HeadTags = Map<string, string[]>;

const first = (tags: HeadTags, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = tags.get(name)?.find((v) => v.trim());
    if (value) return value.trim();
  }
  return undefined;
};

/** Metadata from the head's tags. */
export function headMetadata(tags: HeadTags, lang: string | undefined): { highwire: Metadata; generic: Metadata } {
  const url = first(tags, 'canonical', 'og:url', 'citation_public_url', 'citation_abstract_html_url');
  const highwire: Metadata = {
    publication: first(tags, 'citation_journal_title', 'citation_conference_title'),
    date: dateOf(first(tags, 'citation_publication_date', 'citation_date', 'citation_online_date')),
    authors: authorsOf(tags.get('citation_author')),
    page: first(tags, 'citation_firstpage'),
    publisher: first(tags, 'citation_publisher'),
  };
  const generic: Metadata = {
    // Sites write the label into the tag too: <meta name="source" content="来源：江川日报">.
    publication: first(tags, 'contentsource', 'source', 'og:site_name', 'sitename')?.replace(/^来源\s*[:：]\s*/, ''),
    date: dateOf(first(tags, 'article:published_time', 'pubdate', 'publishdate', 'firstpublishedtime', 'publish_date', 'date', 'dc.date')),
    authors: authorsOf(tags.get('author') ?? tags.get('article:author') ?? tags.get('dc.creator')),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    language: lang?.trim() || undefined,
  };
  return { highwire, generic };
}

/** Labels of a page's info line: 发布时间：… 来源：… 作者：… 责任编辑：… 字号：… */
const INFO_LABEL = /(?:来源|发布时间|发布日期|发表时间|发文日期|成文日期|时间|日期|作者|文\/|责任编辑|编辑|责编|浏览次数|点击数|阅读数|访问量|字号|字体)\s*[:：]/;
/** Where a labelled value ends: a separator, the next label, or a wide gap. */
const VALUE_END = String.raw`(?=\s*(?:[|｜【\[]|(?:发布时间|发布日期|发表时间|时间|日期|来源|作者|责任编辑|编辑|责编|字号|字体|浏览|点击|阅读)\s*[:：])|\s{2,}|\s*$)`;
const SOURCE = new RegExp(String.raw`(?:^|[\s|｜])来源\s*[:：]\s*(\S.*?)` + VALUE_END);
const AUTHOR = new RegExp(String.raw`(?:^|[\s|｜])作者\s*[:：]\s*(\S.*?)` + VALUE_END);
const EDITION = /第\s*(\d{1,3})\s*版/;

/**
 * True for a line that only gives facts about the page (its date, source, author, editor, view
 * count, font-size switch), which is not part of the article's text: short, labelled, no sentence.
 */
export function isInfoLine(line: string): boolean {
  if (line.length > 160 || /[。！？]$/.test(line)) return false;
  const bare = line.replace(/^[（(【[]\s*/, '');
  return INFO_LABEL.test(bare.slice(0, 12)) || (/^\d{4}\s*[-/.年]\s*\d{1,2}/.test(bare) && INFO_LABEL.test(bare));
}

/** What an info line states: its date, source (the publication) and authors. */
export function infoMetadata(line: string): Metadata {
  const date = dateOf(/(?:发布时间|发布日期|发表时间|发文日期|时间|日期)\s*[:：]\s*([^|｜]{8,24})/.exec(line)?.[1] ?? (/^\s*\d{4}/.test(line) ? line : undefined));
  const author = AUTHOR.exec(line)?.[1];
  return { date, publication: SOURCE.exec(line)?.[1], authors: authorsOf(author ? [author] : undefined), page: EDITION.exec(line)?.[1] };
}

/** The page's metadata, least deliberate first: generic tags < the visible info line < Highwire tags. */
export function pageMetadata(tags: HeadTags, lang: string | undefined, infoLines: string[]): Metadata {
  const { highwire, generic } = headMetadata(tags, lang);
  // The first line that states a field wins: the one under the title comes before any in the body.
  const info = mergeMetadata(...infoLines.map(infoMetadata).reverse());
  return mergeMetadata(generic, info, highwire);
}
