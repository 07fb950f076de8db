/**
 * The period of a figure: the time its sentence gives it, else the time the section set at the
 * head of an earlier clause (过去一年，… / 1—11月份，… / a heading such as 一、2024年工作回顾).
 *
 * A time is not the figure's period when it is a base of comparison (比上年, 较1月份, 与上月), a
 * starting point (由2020年的…), a base the figure builds on (在2024年压降50.2%的基础上再降5.9%:
 * 2024年 is the 50.2%'s period, not the 5.9%'s), or the date of an event (3月17日电).
 *
 * Relative times are resolved against the article date when it is known (去年 in a 2026 page →
 * 2025年; 1—11月份 on 2022-11-15 → 2022年1—11月; 前两个月 → 1—2月) and left as written otherwise.
 */
import { isMasked } from './mask';
import { parseChineseNumeral } from './numbers';
import { partitionPoint } from '../partition';

const CN = '[0-9]{1,2}|[一二三四五六七八九十]{1,3}';
const YEAR = '(?:(?<year>(?:19|20)[0-9]{2})|(?<yearCn>[〇零一二三四五六七八九]{4}))年度?|(?<rel>去年|上年|今年|本年|前年|明年)(?:度)?';
const part = (afterYear: boolean): string =>
  `(?<named>上半年|下半年|前三季度|第?[一二三四1-4]季度|全年|年底|年末|年初${afterYear ? '|底|末|初' : ''})` +
  `|前(?<first>${CN}|两)个月` +
  `|(?<from>${CN})(?:[—–\\-~～至到](?<to>${CN}))?月份?(?<edge>底|末|初)?(?:(?<day>${CN})日(?:[—–\\-~～至到](?:(?<toMonth>${CN})月)?(?<toDay>${CN})日)?)?`;
/** A year with the part of it the text names (2024年1—11月, 去年底), a part alone (1—11月份), or a span (过去五年). */
const TIMES = [
  new RegExp(`(?:${YEAR})(?:${part(true)})?`, 'g'),
  new RegExp(`(?<![0-9一二三四五六七八九十年上去本今前明])(?:${part(false)})`, 'g'),
  new RegExp(`(?:过去|近)(?<span>${CN}|两)年(?:来|间)?|(?<![0-9])(?<since>${CN}|两)年(?:来|间)`, 'g'),
  // A day alone (截至18日, 16日，…), taken only where it dates what follows (see timesIn).
  new RegExp(`(?<![0-9０-９一二三四五六七八九十月日号/.])(?<dayOnly>[0-9]{1,2})日(?![电讯])`, 'g'),
];
/** Words right before a time that make it a base, a starting point or a target of comparison. */
const NOT_PERIOD_BEFORE = /(?:比|较|与|同|跟|相比|由|从|自|于|对比)$/;
/** Words right after: 日电 (a dateline), 的水平 (a level compared with). */
const NOT_PERIOD_AFTER = /^(?:日?电|日讯|的水平|版)/;
const HEAD_BEFORE = /(?:^|[，,。；;：:！!？?\n\s]|^[一二三四五六七八九十]{1,3}、)(?:其中|同时|此外|另外|截至|截止|到|至|在)?$/;
/** Words before a time that make it the end of a running total (截至18日12时). */
const RUNNING_TOTAL = /(?:截至|截止|到)$/;
/** A clock time after a date (8月17日22时14分): the moment of an event, not a period. */
const CLOCK_AFTER = /^[0-9０-９]{1,2}(?:时|点|:|：)/;

export interface TimeFound {
  start: number;
  end: number;
  period: string;
  /** 全年, 年末: a part of whatever year is in force ('' for the whole year, 末, 初). */
  partOf?: string;
  /** Stands at the head of its clause (过去一年，… / 1—11月份，…), so it dates what follows. */
  head: boolean;
}

/** The article date as year and month, when known (YYYY-MM-DD or YYYY-MM). */
interface Today {
  year: number;
  month?: number;
  day?: number;
}

const todays = new Map<string, Today | undefined>();
function today(date: string | undefined): Today | undefined {
  if (date === undefined) return undefined;
  let now = todays.get(date);
  if (now === undefined && !todays.has(date)) {
    const m = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?/.exec(date);
    now = m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined } : undefined;
    if (todays.size > 1000) todays.clear();
    todays.set(date, now);
  }
  return now;
}

const num = (text: string): number => (/^[0-9]+$/.test(text) ? Number(text) : text === '两' ? 2 : parseChineseNumeral(text) ?? NaN);

/**
 * Every time in `text` that can date a figure, in order; where two overlap, the first found. Times
 * inside `masked` spans (《…2025年版》, short quotations) are names, not times. With `headsOnly`,
 * only the times at clause heads up to the first that frames what follows (what a paragraph without
 * figures leaves in force), found faster.
 */
export function timesIn(text: string, date: string | undefined, masked: Array<[number, number]>, headsOnly = false, from = 0, to = text.length): TimeFound[] {
  const found: TimeFound[] = [];
  if (from === 0 && to === text.length && !TIME_CHAR.test(text)) return found;
  const now = today(date);
  /** Where the times of the current stretch begin in `found`: stretches never overlap. */
  let stretchStart = 0;
  const take = (m: RegExpExecArray, offset = 0): void => {
    const start = m.index + offset;
    const end = start + m[0].length;
    if (isMasked(masked, start)) return;
    for (let i = stretchStart; i < found.length; i++) if (found[i].start < end && start < found[i].end) return;
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(end, end + 3);
    if (NOT_PERIOD_BEFORE.test(before) || NOT_PERIOD_AFTER.test(after)) return;
    const g = m.groups ?? {};
    // 2012年以来 runs from then; 今年以来 is this year so far.
    if (after.startsWith('以来') && g.rel !== '今年') return;
    const head = HEAD_BEFORE.test(before);
    const total = RUNNING_TOTAL.test(before);
    // A full date (记者3月17日从…) is an event's day, unless it heads its clause (6月7日至10日，…)
    // or ends a running total (截至3月16日); with its clock time (8月17日22时14分) it is an event's moment.
    if ((g.day || g.dayOnly) && ((!head && !total) || (CLOCK_AFTER.test(after) && !total))) return;
    const bare = /^(?:全年|年末|年底|年初)$/.test(m[0]) ? partOf(g) : undefined;
    const period = bare === undefined ? resolve(g, m[0], now) : m[0];
    if (period) found.push({ start, end, period, head, ...(bare === undefined ? {} : { partOf: bare }) });
  };
  if (headsOnly) {
    // The clauses that start in the stretches around a 年, 月, 季 or day (a few words before the time
    // allowed: 其中，截至…), in order, until the first time that frames what follows (framingPeriod).
    let scanned = from;
    for (const [stretchFrom, stretchTo] of windows(text, from, to)) {
      const first = Math.max(scanned, stretchFrom - HEAD_WORDS_MAX);
      for (let start = first === 0 || nextClause(text, first - 1) === first ? first : nextClause(text, first); start >= 0 && start < stretchTo; start = nextClause(text, start)) {
        HEAD_WORDS.lastIndex = start;
        const at = HEAD_WORDS.test(text) ? HEAD_WORDS.lastIndex : start;
        // Most clauses open with a word no time starts with.
        if (!TIME_START.has(text.charCodeAt(at))) continue;
        for (const re of HEAD_TIMES) {
          re.lastIndex = at;
          const m = re.exec(text);
          if (m) take(m);
        }
        if (found.length > 0 && found[found.length - 1].head && found[found.length - 1].partOf === undefined) return inOrder(found);
      }
      scanned = stretchTo;
    }
  } else {
    // A time holds 年, 月, 季 or a day's 日 within a few characters: only the stretches around them are read.
    for (const [start, end] of windows(text, from, to)) {
      stretchStart = found.length;
      const stretch = text.slice(start, end);
      // Each kind of time needs its own characters: a year 年, a part of one 月 or 季 or 半年…, a span 年来 or 过去, a day 日.
      const year = stretch.includes('年');
      for (let k = 0; k < TIMES.length; k++) {
        if (!(k === 0 ? year : k === 1 ? PART_CHARS.test(stretch) : k === 2 ? year && SPAN_CHARS.test(stretch) : stretch.includes('日'))) continue;
        const re = TIMES[k];
        re.lastIndex = 0;
        for (let m = re.exec(stretch); m; m = re.exec(stretch)) take(m, start);
      }
    }
  }
  return inOrder(found);
}

/** Times by where they start; most come in order already (sorting allocates). */
function inOrder(found: TimeFound[]): TimeFound[] {
  for (let i = 1; i < found.length; i++) if (found[i - 1].start > found[i].start) return found.sort((x, y) => x.start - y.start);
  return found;
}

const TIME_CHAR = /[年月季日]/;
const PART_CHARS = /[月季]|[半全]年|年[底末初]/;
const SPAN_CHARS = /年[来间]|过去|近/;
const YEAR_CHAR = 0x5e74; // 年
const MONTH_CHAR = 0x6708; // 月
const SEASON_CHAR = 0x5b63; // 季
const DAY_CHAR = 0x65e5; // 日
/** Characters a 年, 月 or 季 that ends a time follows (a numeral, 去/今/上…, 半, 个): not 青年 or 岁月. */
const BEFORE_UNIT = new Set('0123456789０１２３４５６７８９〇零一二两三四五六七八九十去今上本前明全半个');
const DIGIT = new Set('0123456789');
/** 年底, 年末, 年初. */
const AFTER_YEAR = new Set('底末初');
/** Whether a 日 ends a day alone that can date what follows: after digits, at a clause head or after 截至. */
const DAY_CONTEXT = /(?:^|[，,。；;：:！!？?\s]|截至|截止|到|其中)[0-9]{1,2}$/;

/**
 * Stretches of `text` around each 年, 月 and 季 that can end a time, and each day alone that heads a
 * clause or ends a running total (16日，… / 截至18日); a time holds one within 12 characters.
 * Stretches that meet are merged.
 */
function windows(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let anchor = false;
    if (c === YEAR_CHAR) anchor = BEFORE_UNIT.has(text[i - 1]) || AFTER_YEAR.has(text[i + 1]);
    else if (c === MONTH_CHAR || c === SEASON_CHAR) anchor = BEFORE_UNIT.has(text[i - 1]);
    else if (c === DAY_CHAR) anchor = DIGIT.has(text[i - 1]) && text[i - 2] !== '月' && text[i - 3] !== '月' && DAY_CONTEXT.test(text.slice(Math.max(0, i - 5), i));
    if (!anchor) continue;
    const start = Math.max(0, i - 12);
    const end = i + 14;
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else out.push([start, end]);
  }
  return out;
}

/** The marks a clause starts after, and the words a head time may follow (一、 其中，截至…). */
const CLAUSE_MARK = /[，,。；;：:！!？?\n\s]/g;
const HEAD_WORDS = /(?:[一二三四五六七八九十]{1,3}、)?(?:其中|同时|此外|另外|截至|截止|到|至|在)?/y;
/** Longer than HEAD_WORDS can be: a clause that starts this far before a stretch can hold its time. */
const HEAD_WORDS_MAX = 8;

/** Where the clause after the next mark at or after `from` starts, -1 when none. */
function nextClause(text: string, from: number): number {
  CLAUSE_MARK.lastIndex = from;
  return CLAUSE_MARK.test(text) ? CLAUSE_MARK.lastIndex : -1;
}
const HEAD_TIMES = TIMES.map((re) => new RegExp(re.source, 'y'));
/** Characters a time can start with (2024年, 去年, 上半年, 前两个月, 第一季度, 全年, 过去五年, 近两年, 年末). */
const TIME_START = new Set([...'0123456789０１２３４５６７８９〇零一二两三四五六七八九十去上下今本前明全过近年第'].map((c) => c.charCodeAt(0)));

type Groups = Record<string, string | undefined>;

/** The written time in canonical form: years resolved when the date is known, 份 and 第 dropped. */
function resolve(g: Groups, written: string, now: Today | undefined): string | undefined {
  const span = g.span ?? g.since;
  if (span) {
    // 过去五年 / 近两年 / 五年来: the years before the article's year.
    const n = num(span);
    if (!now || !Number.isFinite(n)) return written;
    return n === 1 ? `${now.year - 1}年` : `${now.year - n}—${now.year - 1}年`;
  }
  if (g.dayOnly) {
    // 截至18日 in an article of 18 August is 8月18日; a day after the article's is of the month before.
    if (!now?.month || !now.day) return written;
    const day = Number(g.dayOnly);
    const back = day > now.day;
    const month = back ? (now.month === 1 ? 12 : now.month - 1) : now.month;
    return `${back && now.month === 1 ? now.year - 1 : now.year}年${month}月${day}日`;
  }
  let year: string | undefined;
  if (g.year) year = `${g.year}年`;
  else if (g.yearCn) year = `${parseChineseNumeral(g.yearCn)}年`;
  else if (g.rel) {
    const shift: Record<string, number> = { 去年: -1, 上年: -1, 前年: -2, 今年: 0, 本年: 0, 明年: 1 };
    year = now ? `${now.year + shift[g.rel]}年` : g.rel;
  }
  const part = partOf(g);
  if (part === undefined) return year;
  if (year !== undefined) return year + part;
  // 全年 and 年底 alone belong to the year in force, not to the article's.
  if (g.named && /^(?:全年|年底|年末|年初)$/.test(g.named)) return undefined;
  if (!now) return part;
  // A month or a part of the year alone: the latest such up to the article date.
  const lastMonth = g.toMonth ?? g.to ?? g.from ?? g.first;
  const month = lastMonth ? num(lastMonth) : undefined;
  const y = month !== undefined && now.month !== undefined && month > now.month ? now.year - 1 : now.year;
  return `${y}年${part}`;
}

function partOf(g: Groups): string | undefined {
  if (g.named) {
    if (g.named === '全年') return '';
    if (/^(?:年底|年末|底|末)$/.test(g.named)) return '末';
    if (/^(?:年初|初)$/.test(g.named)) return '初';
    const quarter = /^第?([一二三四1-4])季度$/.exec(g.named);
    return quarter ? `${'一二三四'[num(quarter[1]) - 1] ?? quarter[1]}季度` : g.named;
  }
  if (g.first) return `1—${num(g.first)}月`;
  if (g.from) {
    const months = g.to ? `${num(g.from)}—${num(g.to)}月` : `${num(g.from)}月`;
    if (g.day) return `${months}${num(g.day)}日${g.toDay ? `—${g.toMonth ? `${num(g.toMonth)}月` : ''}${num(g.toDay)}日` : ''}`;
    return months + (g.edge === '初' ? '初' : g.edge ? '末' : '');
  }
  return undefined;
}

/** Between a base time and the figure: 是去年全年|的|1.5倍, 相当于上年同期|的|八成. */
const BASE_OF_FIGURE = /^(?:同期)?的$/;
const BASE_VERB = /(?:是|为|相当于|达到|超过|占)$/;

/** A new source of data (一项调查显示，…): what it finds is not dated by what came before. */
const NEW_SOURCE = /(?:调查|研究|报告|问卷|抽样|测算|评估)[^，。；]{0,6}(?:显示|表明|发现)/;

/**
 * The period of the figure at `at` in `text` (its passage). `stated` is the last time before it in
 * its sentence (from `sentenceStart`) that is no base the figure builds on; else `inherited` is
 * the last time earlier in the passage, else `carried` (set at a clause head earlier in the
 * section) — unless the sentence opens a new statement from a source of its own.
 */
export function periodAt(times: TimeFound[], text: string, sentenceStart: number, at: number, carried: () => string | undefined = () => undefined): { stated?: string; inherited?: string } {
  // The last time that ends before the figure (times are in order: a binary search keeps long
  // passages linear), then back through the sentence.
  const lo = partitionPoint(times.length, (i) => times[i].end <= at);
  // 在2024年压降50.2%的基础上再降5.9%: the times from 在 to 基础上 are the base's, not the figure's.
  const sentence = text.slice(sentenceStart, at);
  const base = sentence.lastIndexOf('基础上');
  const baseStart = base >= 0 ? sentenceStart + sentence.lastIndexOf('在', base) : -1;
  let k = lo - 1;
  let part: string | undefined;
  for (; k >= 0 && times[k].start >= sentenceStart; k--) {
    const time = times[k];
    if (base >= 0 && time.start >= baseStart && time.start < sentenceStart + base) continue;
    // 是去年全年的1.5倍: the time of what the figure is a multiple or a share of is its base.
    if (time.end < at && BASE_OF_FIGURE.test(text.slice(time.end, at)) && BASE_VERB.test(text.slice(Math.max(0, time.start - 3), time.start))) continue;
    if (time.partOf === undefined) return { stated: time.period };
    part ??= time.partOf;
  }
  // 年末全市常住人口…。其中，…: an earlier 年末 of the paragraph is still the part in force.
  const earlierPart = k >= 0 ? times[k].partOf : undefined;
  while (k >= 0 && times[k].partOf !== undefined) k--;
  const inForce = k >= 0 ? times[k].period : carried();
  const inherited = NEW_SOURCE.test(sentence) ? undefined : inForce;
  // 年末全市常住人口…, 全年…: the part of the year in force.
  const wanted = part ?? (inherited === undefined ? undefined : earlierPart);
  const year = wanted === undefined ? undefined : /^(?:[0-9]{4}年|去年|今年|上年)/.exec(inForce ?? '')?.[0];
  return year !== undefined ? { [part === undefined ? 'inherited' : 'stated']: year + wanted } : { inherited };
}

/**
 * The time a passage leaves in force for the passages after it: the first time at a clause head,
 * which frames the paragraph (1—2月份，… before a later 截至2月底，… of one stock figure).
 */
export function framingPeriod(times: TimeFound[]): string | undefined {
  return times.find((t) => t.head && t.partOf === undefined)?.period;
}

/**
 * The time a paragraph opens with (2025年，全省法院… / 过去一年，…), which frames the report's sections
 * after it; a time further into the paragraph dates its own sentence only.
 */
export function openingPeriod(times: TimeFound[], text: string): string | undefined {
  const first = times[0];
  return first && first.head && first.partOf === undefined && /^\s*$/.test(text.slice(0, first.start)) ? first.period : undefined;
}
