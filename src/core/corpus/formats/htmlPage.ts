/**
 * The parts of a web page that are not its article: what never shows (scripts, styles, forms'
 * controls) and the site's chrome (navigation, breadcrumbs, share and print buttons, font-size
 * switches, related links, footers), by tag, by the names sites give them, and by their wording.
 * Also the measures that tell the article's container from the rest.
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';

/** Elements whose content never shows as text. */
const HIDDEN = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'title', 'meta', 'link',
  'input', 'select', 'option', 'textarea', 'button', 'map', 'audio', 'video', 'img',
]);
/** Elements that are chrome wherever they stand. */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
/** Class and id words of chrome, in English and the pinyin Chinese sites use (daohang, fenxiang …). */
const CHROME_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|bread|position|location|share|sharing|bdshare|social|footer|foot|sidebar|side|aside|related|relate|recommend|comments?|toolbar|tools|print|fontsize|copyright|banner|advert|ads|login|search|topbar|header|pagination|pager|qrcode|ewm|daohang|dh|weizhi|fenxiang|xgxw|xglj|bottom|btm)(?=$|[\s_-])/i;
/** Class and id words of article containers (TRS_Editor, zoom, UCAP-CONTENT, pages_content …). */
const CONTENT_NAME = /(?:^|[\s_-])(?:content|article|text|body|zoom|trs|editor|detail|main|zw|con|cont|news|post|entry|story|pages)(?=$|[\s_-]|\d)/i;
/** Share of a block's text in links above which a block named as chrome inside the article is chrome. */
const LINKS = 0.5;
/** Lines made only of page tools: 【打印】【关闭】, 字号：大 中 小, 分享到：, 扫一扫在手机打开. */
const TOOL_LINE =
  /^(?:[【[（(]?\s*(?:打印(?:本页|此页)?|关闭(?:本页|窗口)?|收藏(?:本页)?|分享(?:到)?|我要纠错|纠错|返回顶部|字[号体]|默认|超大|大|中|小|扫一扫|在手机(?:上)?打开|手机(?:上)?打开|微信|微博|QQ空间|上一篇|下一篇|相关(?:链接|新闻|文章|阅读))\s*[】\]）)]?[\s|｜/、:：·]*)+$/;

export function isHidden(el: Element): boolean {
  return HIDDEN.has(el.name) || el.attribs.hidden !== undefined || /display\s*:\s*none/i.test(el.attribs.style ?? '');
}

function names(el: Element): string {
  return `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
}

/** Chrome by tag or by the site's name for it. `main`, `article` and headings never are. */
export function isChrome(el: Element): boolean {
  if (isChromeTag(el)) return true;
  if (/^(?:main|article|h[1-6]|p|body|html)$/.test(el.name)) return false;
  const n = names(el);
  return CHROME_NAME.test(n) && !CONTENT_NAME.test(n);
}

function isChromeTag(el: Element): boolean {
  return CHROME_TAGS.has(el.name) || el.attribs.role === 'navigation' || el.attribs.role === 'contentinfo';
}

/**
 * Chrome inside the article's container, where a name can mislead (class="bottom" on a
 * paragraph): by tag, or named as chrome and mostly links (share bars, related links, prev/next).
 */
export function isChromeInside(el: Element, m: Measure | undefined): boolean {
  return isChromeTag(el) || (isChrome(el) && !!m && m.chars > 0 && m.linkChars / m.chars >= LINKS);
}

export function isToolLine(text: string): boolean {
  return TOOL_LINE.test(text);
}

export function looksLikeContent(el: Element): boolean {
  return el.name === 'article' || el.name === 'main' || el.attribs.itemprop === 'articleBody' || CONTENT_NAME.test(names(el));
}

/** Visible characters of a node's text (white space not counted), links' text apart. */
export interface Measure {
  chars: number;
  linkChars: number;
}

/** Sums the visible text under every element once, bottom up. */
export function measure(root: AnyNode, out = new Map<Element, Measure>()): Map<Element, Measure> {
  const walk = (node: AnyNode, inLink: boolean): Measure => {
    if (isText(node)) {
      const chars = node.data.replace(/\s+/g, '').length;
      return { chars, linkChars: inLink ? chars : 0 };
    }
    if (!isTag(node) || isHidden(node)) return { chars: 0, linkChars: 0 };
    const m: Measure = { chars: 0, linkChars: 0 };
    for (const child of node.children) {
      const c = walk(child, inLink || node.name === 'a');
      m.chars += c.chars;
      m.linkChars += c.linkChars;
    }
    out.set(node, m);
    return m;
  };
  walk(root, false);
  return out;
}

/** Text of a node as it reads, hidden parts left out (no layout: for titles and short lines). */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || isHidden(node)) return '';
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}
