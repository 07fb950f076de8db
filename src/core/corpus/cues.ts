/**
 * The layout cues of Chinese reports and newspaper pages, as predicates on one trimmed line.
 * Both readers use them: a plain-text page and a Markdown article follow the same conventions.
 */
import { endsSentence, visibleLength } from './text';

/** Longest line still taken for a title or a column heading. */
export const MAX_TITLE = 64;

/** 一、 二、 … 十九、: a top-level section heading. */
export const SECTION = /^[一二三四五六七八九十]{1,3}、/;

/** （一） 1. 1、 第一, …: a sub-heading; it starts a new paragraph but is not a section. */
const SUB_HEADING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]{1,3}[,，、])/;

/** ——中央政法工作会议交流发言摘要: a page or article subtitle. */
const SUBTITLE = /^(?:——|--|—)\s*(?=\S)/;

/** 编者按 / 【编者按】: the editor's note. */
const NOTE = /^[【\[]?编者按[】\]]?/;

/**
 * A news lead: 本报讯(全媒体记者 闫晶晶), 本报北京1月19日电(记者 …), 新华社北京…电(记者 …), or a
 * source line such as 央视网消息（新闻联播）： which names no reporter.
 */
const LEAD = /^(?:本报讯|本报[^\s,，。(（]{1,16}电|(?:新华社|中新社)[^\s,，。(（]{0,16}电)\s*(?:[(（]([^)）]{1,60})[)）])?/;
const SOURCE_LEAD = /^[^\s,，。(（]{2,10}消息\s*(?:[(（][^)）]{1,30}[)）])?\s*[：:]/;

/** □本报全媒体记者 吴盼伙 通讯员 刘晨: a byline on its own line. */
const BYLINE = /^[□■◇◆○●]?\s*((?:本报)?(?:全媒体|特约|见习|实习)?(?:记者|通讯员)\s*[^\s，,。].*)$/;

/** The issuing body under a report title: 北京市委政法委, 最高人民法院, 江苏省人民政府办公厅 … */
const ISSUER =
  /^[\p{Script=Han}A-Za-z0-9·（）() ]{1,40}?(?:委|委员会|协会|学会|联合会|研究会|商会|党组|政府|人大|政协|院|厅|局|部|办|办公室|署|中心|公司|集团|大学|所|处|室|站|队)$/u;

/** Words that name a role in a credit line, not a person. */
const ROLE = /^(?:本报)?(?:全媒体|特约|见习|实习)?(?:记者|通讯员|实习生|摄影|摄|编辑|报道)/;

export function isSection(line: string): boolean {
  return SECTION.test(line);
}

export function isSubHeading(line: string): boolean {
  return SUB_HEADING.test(line);
}

/** The subtitle text without its dashes, or undefined. */
export function subtitleOf(line: string): string | undefined {
  const m = SUBTITLE.exec(line);
  return m && visibleLength(line) <= MAX_TITLE + 4 ? line.slice(m[0].length) : undefined;
}

export function isNote(line: string): boolean {
  return NOTE.test(line);
}

export function isIssuer(line: string): boolean {
  return visibleLength(line) <= 40 && ISSUER.test(line);
}

/** Where the credits stand in a line (offsets into the line) and the people they name. */
export interface Credits {
  start: number;
  end: number;
  names: string[];
}

/** A lead (本报讯(…) …): the credits in its parentheses, names possibly empty; else undefined. */
export function leadCredits(line: string): Credits | undefined {
  const m = LEAD.exec(line);
  if (m) {
    if (m[1] === undefined) return { start: 0, end: 0, names: [] };
    const start = m[0].indexOf(m[1]);
    return { start, end: start + m[1].length, names: creditNames(m[1]) };
  }
  if (SOURCE_LEAD.test(line)) return { start: 0, end: 0, names: [] };
  return undefined;
}

/** A byline line (□本报全媒体记者 …): its credits; else undefined. */
export function bylineCredits(line: string): Credits | undefined {
  if (visibleLength(line) > 60 || /[。！？]/.test(line)) return undefined;
  const m = BYLINE.exec(line);
  if (!m) return undefined;
  const start = line.length - m[1].length;
  return { start, end: line.length, names: creditNames(m[1]) };
}

/** 全媒体记者 陈浩培 潘志凡 通讯员 杨舒雯 → [陈浩培, 潘志凡, 杨舒雯]. */
function creditNames(credits: string): string[] {
  const names: string[] = [];
  for (const token of credits.split(/[\s、,，;；/]+/)) {
    const name = token.replace(ROLE, '');
    if (name) names.push(name);
  }
  return names;
}

/**
 * A line that can be a title: short, not a sentence, and none of the other cues. A title never
 * ends a sentence (titles carry no final 。) and never holds a 。 inside. A question or an
 * exclamation (…吗？) may end a title when `question` is set: where the next line proves a title.
 */
export function isTitleLike(line: string, question = false): boolean {
  const n = visibleLength(line);
  return (
    n >= 2 &&
    n <= MAX_TITLE &&
    (!endsSentence(line) || (question && /[？！?!][”’」』"']*$/.test(line))) &&
    !/[。,，、；;]$/.test(line) &&
    !line.includes('。') &&
    !isSection(line) &&
    !isNote(line) &&
    subtitleOf(line) === undefined &&
    leadCredits(line) === undefined &&
    bylineCredits(line) === undefined
  );
}
