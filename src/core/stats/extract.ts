/**
 * Statistic extraction from one passage, by the rules of STATISTICS.md: find every number, read
 * the unit and the words around it, keep those that measure something, and say what they measure.
 * Rules are about the language (units, verbs of change, bases, ranks), not about any sample text.
 */
import type { SourceRange, Statistic } from '../model';
import { joinRanges } from '../corpus/text';
import { sourceOffset } from '../corpus/walk';
import { classify, unitName, type Classified } from './classify';
import { BASIS, BASIS_YEAR, PAIRED_WORDS } from './lexicon';
import { maskedSpans } from './mask';
import { MOVEMENT_START, attributive, clauseTopic, cleanPhrase, completeRate, countMetric, isEmptyPhrase, isVerbOnly, objectOf, objectPhrase, resolveRelated, shareOf } from './metric';
import { SHIPPED_METRIC_KEYS, type MetricKeys } from './metricKey';
import { framingPeriod, openingPeriod, periodAt, timesIn, type TimeFound } from './period';
import { PassageSubjects } from './passageSubjects';
import type { HeadSubject, ReportSubject } from './subject';
import { Sentences } from './text';
import { deferPeriod, periodInForce, setPeriod, type Topic } from './topic';
import { scanTokens, type Token } from './tokens';

/** A statistic before the annotator gives it its stable id and issuer. */
export type ExtractedStatistic = Omit<Statistic, 'id' | 'issuer'>;


export interface PassageInput {
  passageId: string;
  /** The passage's ranges in the file's text, in reading order. */
  ranges: SourceRange[];
  /** What the report stands for: the subject of figures whose sentence names none, the place 全省 means. */
  report?: ReportSubject;
  /** Article date (ISO), to resolve 去年 / 1—11月份. */
  date?: string;
  /** Carried from the passages before in the section; updated by this one. */
  topic?: Topic;
  /** Metric keys with the user's aliases; the shipped table when not given. */
  keys?: MetricKeys;
}

const MAX_SENTENCE_SIDE = 200;
const MAX_HEADS_SPAN = 2000;
const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const STRONG = codes('，,。；;：:！!？?\n\r\t');
// A space separates the parts of a headline (2022年粮食产量再创新高 连续8年…).
const CLAUSE = codes('，,。；;：:！!？?\n\r\t、 \u3000');

/** A sentence opening a new point of a list (二是…, 此外…) does not continue the one before. */
const NEW_POINT = /(?:^|[。；;！!？?]\s*)(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|首先|其次|再次|此外|另外|同时|最后)/;

/** Every statistic in one passage of `fileText`. */
export function extractStatistics(fileText: string, passage: PassageInput): ExtractedStatistic[] {
  // Page breaks split a paragraph into ranges; the rules read the joined text, offsets map back.
  const text = joinRanges(fileText, passage.ranges);
  const toFile = (i: number): number => sourceOffset(passage.ranges, i);
  const toFileEnd = (i: number): number => sourceOffset(passage.ranges, i - 1) + 1;
  const report = passage.report ?? {};
  const topic = passage.topic ?? {};
  const keys = passage.keys ?? SHIPPED_METRIC_KEYS;
  const masked = maskedSpans(text);
  const tokens = scanTokens(text, masked);
  if (tokens.length === 0) {
    frame(topic, text, passage.date, masked, 0);
    return [];
  }
  // Subjects at the clause heads of a sentence, found for the sentences that hold a statistic only.
  const subjects = new PassageSubjects(text, report, () => topic.lastNamed);
  const headsEnd = { sentence: -1, end: 0 };
  const stats: ExtractedStatistic[] = [];
  let previous: ({ stat: ExtractedStatistic; sentenceStart: number; end: number } & ListState) | undefined;
  /** The last count or amount, for a verb alone after it in the same sentence (交付新车18.2万辆，增长67%，其中出口3.4万辆). */
  let lastCount: { stat: ExtractedStatistic; sentenceStart: number } | undefined;
  /** Metrics of the statistics so far in the current sentence, for a 分别 that names none. */
  let earlier: string[] = [];
  /** The first period given to each metric key in the passage. */
  const periodOfKey = new Map<string, string>();

  // First decide what each figure is, so that the X of 由X降至Y is known before X is reached.
  const clauseStarts = tokens.map((token) => findBack(text, token.start, CLAUSE, 80));
  const classes = tokens.map((token, k) => classify(text, token, clauseStarts[k], tokens, k));
  // The X of 由X降至Y is no statistic of its own (few passages have one).
  const consumed = classes.some((c) => c?.from) ? new Set(classes.map((c) => c?.from)) : undefined;
  const isStatistic = (k: number): boolean => classes[k] !== undefined && !consumed?.has(tokens[k]);
  /** For each token, the index of the next statistic after it (tokens.length when none). */
  const nextStatistic = new Array<number>(tokens.length);
  let first = tokens.length;
  for (let k = tokens.length - 1; k >= 0; k--) {
    nextStatistic[k] = first;
    if (isStatistic(k)) first = k;
  }
  if (first === tokens.length) {
    frame(topic, text, passage.date, masked, 0);
    return [];
  }
  // Times are read up to the end of the sentence of the last statistic; after it, only what frames the next passages.
  const sentences = new Sentences(text);
  let last = first;
  while (nextStatistic[last] < tokens.length) last = nextStatistic[last];
  const limit = sentences.around(tokens[last].start)[1];
  const times = timesIn(text, passage.date, masked, false, 0, limit);
  const runs = listRuns(text, tokens);

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const classified = classes[k];
    if (!classified || !isStatistic(k)) continue;
    // A sentence can run for pages in bad input; look-ups and the stored sentence keep to a window.
    const [fullStart, fullEnd] = sentences.around(token.start);
    const sStart = Math.max(fullStart, token.start - MAX_SENTENCE_SIDE);
    const sEnd = Math.min(fullEnd, token.tailEnd + MAX_SENTENCE_SIDE);
    const clauseStart = clauseStarts[k];
    const strongStart = findBack(text, token.start, STRONG, 120);
    const { kind, change } = classified;
    const sameSentence = previous && previous.sentenceStart === fullStart ? previous : undefined;

    // The phrase the metric comes from ends where "由X…" begins, or at the figure.
    const preEnd = classified.fromStart ?? token.preEnd ?? token.start;
    let preStart = Math.max(clauseStart, sameSentence ? sameSentence.end : 0);
    // 营业收入超10亿元的企业有58家: a figure before in the clause qualifies the noun this one counts.
    if (sameSentence && kind === 'count' && preStart > clauseStart && QUALIFIED_NOUN.test(text.slice(preStart, preEnd))) preStart = clauseStart;
    const distributive = /(?:均|都|分别)[^，。；、]{0,6}$/.test(text.slice(preStart, preEnd));
    if (distributive) preStart = Math.max(strongStart, sameSentence ? sameSentence.end : 0);
    const rawBefore = text.slice(preStart, preEnd);
    // The words after the figure run to the clause end or the next statistic (not a label such as 两院).
    const next = nextStatistic[k];
    const afterEnd = findForward(text, token.tailEnd, CLAUSE, 30, tokens[next]?.start);
    const afterRaw = text.slice(token.tailEnd, afterEnd);
    // 超10亿元的企业: a figure followed by 的 qualifies the noun after it; it does not count it.
    const qualifies = afterRaw.startsWith('的') && (kind === 'count' || kind === 'amount');
    const object = qualifies ? { phrase: '', nounEnd: 0 } : objectPhrase(afterRaw, afterEnd === tokens[next]?.start);
    const after = object.phrase;

    // Figures joined by 、/和 continue the previous one (分别增长5%、6%和7%); a comma starts anew.
    const separatorOnly = sameSentence && LIST_JOIN.test(text.slice(sameSentence.end, token.start));
    if (!sameSentence) earlier = [];
    const run = runs[k]; // figures in this list: 5%、6%和7%
    const context = { earlier, run, topic: () => clauseTopic(text.slice(fullStart, clauseStart)), subjects: (items: string[]) => subjects.listSubjects(items) };
    const chosen = chooseMetric(rawBefore, after, classified, separatorOnly ? sameSentence : undefined, sameSentence?.stat, context);
    const { listItems, listSubjects, listIndex } = chosen;
    const inherit = separatorOnly && sameSentence && !classified.ownChange && sameSentence.stat.unit === classified.unit;

    // Who the figure is about: a place of the list before 分别; else the subject at a clause head of
    // its sentence before it, else the one of the figure before it in the paragraph, else the report's.
    // One look at each sentence (a page-long one in bad input is read up to a bound).
    if (headsEnd.sentence !== fullStart) {
      // Clause heads are read up to the sentence's last statistic: none after it can be a subject.
      let lastHere = token.start;
      for (let j = nextStatistic[k]; j < tokens.length && tokens[j].start < fullEnd; j = nextStatistic[j]) lastHere = tokens[j].start;
      headsEnd.sentence = fullStart;
      headsEnd.end = Math.min(lastHere + 1, fullStart + MAX_HEADS_SPAN);
    }
    const head = subjects.headBefore(fullStart, headsEnd.end, token.start);
    const carried = previous && (sameSentence || !NEW_POINT.test(text.slice(previous.end, fullStart + 4))) ? previous.stat.subject : undefined;
    const subject = listSubjects?.[listIndex] ?? head?.subject ?? carried ?? report.subject;
    const unit = unitName(classified.unit);
    let metric = completeRate(chosen.metric, sameSentence?.stat.metric);
    // 宁波舟山港集装箱吞吐量: the subject heading the figure's own clause is no part of its metric.
    if (head && head.at >= clauseStart && head.written.length >= 2) {
      // 全省法院近四分之一的民商事案件…, 月湖区增长5.4%: words that only name the subject are no metric.
      if (head.written.endsWith(metric)) metric = after || (previous ? previous.stat.metric : metric);
      else {
        // 全省法院现有员额法官: the phrase may have lost the subject's scope word (全省) already.
        const name = [head.written, head.written.replace(SCOPE_WORD, '')].find((w) => w.length >= 2 && metric.startsWith(w) && metric.length - w.length >= 2);
        if (name) metric = cleanPhrase(metric.slice(name.length));
      }
    }
    // 严惩侵害未成年人犯罪，审结相关案件: the clause before says what 相关 refers to.
    if (clauseStart > fullStart && metric.includes('相关')) metric = resolveRelated(metric, text.slice(Math.max(fullStart, clauseStart - 80), clauseStart));
    // 共清理文件2361件，修改78件: a verb alone measures the noun counted before in the sentence (a rate
    // between them aside); a clause ending in 的 or a bare 占, the noun of the figure just before.
    const counted = sameSentence && sameSentence.stat.unit === unit && (kind === 'count' || kind === 'amount') ? sameSentence.stat.metric : undefined;
    const countedBefore = lastCount?.sentenceStart === fullStart && lastCount.stat.unit === unit && (kind === 'count' || kind === 'amount') ? lastCount.stat.metric : undefined;
    if (countedBefore && isVerbOnly(metric)) metric += objectOf(countedBefore) ?? '';
    else if (counted && rawBefore.endsWith('的') && metric !== '') metric = attributive(metric, objectOf(counted) ?? counted);
    else if (sameSentence && unit === '%') metric = shareOf(metric, sameSentence.stat.metric) ?? metric;
    else if (sameSentence?.stat.kind === kind && kind === 'count' && /^[、和及与]$/.test(text.slice(sameSentence.end, preStart))) metric = sharedVerb(sameSentence.stat.metric, metric);

    const stat: ExtractedStatistic = {
      range: { start: toFile(token.start), end: toFileEnd(token.end) },
      text: text.slice(token.start, token.end),
      value: token.value,
      unit,
      kind: inherit && sameSentence.stat.kind === 'change' && kind !== 'change' ? 'change' : kind,
      approx: token.approx || classified.approx,
      metric,
      metricKey: keys.keyOf(metric),
      sentence: text.slice(sStart, sEnd),
      sentenceRange: { start: toFile(sStart), end: toFileEnd(sEnd) },
      passageId: passage.passageId,
    };
    const direction = change ?? (inherit ? sameSentence.stat.change : undefined);
    if (direction) stat.change = direction;
    const basis = findBasis(text.slice(strongStart, token.start)) ?? (inherit ? sameSentence.stat.basis : undefined);
    if (basis && stat.kind === 'change') stat.basis = basis;
    if (classified.from) {
      const from = classified.from;
      stat.from = {
        value: from.value,
        unit: unitName(from.unit),
        text: text.slice(from.start, from.end),
        range: { start: toFile(from.start), end: toFileEnd(from.end) },
      };
    }
    if (subject) stat.subject = subject;
    // A sentence that names no time: a figure of a metric given earlier in the paragraph shares
    // its time (造船完工量…占全球总量的52.6% after 1—2月份，全国造船完工量786万载重吨).
    const { stated, inherited } = periodAt(times, text, sStart, token.start, () => periodInForce(topic));
    // 造船完工量…占全球总量的52.6%: a share of a quantity the paragraph dated has its date.
    const share = metric.indexOf('占');
    const period = stated ?? periodOfKey.get(stat.metricKey) ?? (share >= 2 ? periodOfKey.get(keys.keyOf(metric.slice(0, share))) : undefined) ?? inherited;
    if (period) {
      stat.period = period;
      if (!periodOfKey.has(stat.metricKey)) periodOfKey.set(stat.metricKey, period);
    }
    stats.push(stat);
    if (kind === 'count' || kind === 'amount') lastCount = { stat, sentenceStart: fullStart };
    earlier.push(metric);
    // A count whose metric is the noun after it (建成2家中心和23家…) owns that noun too.
    const ownsObject = after !== '' && metric.endsWith(after);
    previous = { stat, sentenceStart: fullStart, listItems, listSubjects, listIndex, end: ownsObject ? token.tailEnd + object.nounEnd : token.tailEnd };
  }
  const framed = framingPeriod(times);
  if (framed !== undefined) setPeriod(topic, framed);
  else if (limit < text.length) frame(topic, text, passage.date, masked, limit);
  if (topic.readsOpening) {
    (topic.openings ??= []).push(constant(openingPeriod(times, text)));
    topic.readsOpening = false;
  }
  topic.lastNamed = subjects.lastNamed ?? topic.lastNamed;
  return stats;
}

interface ListState {
  listItems?: string[];
  /** The places of a list before 分别 (天水市、庆阳市分别增长…), one for each figure. */
  listSubjects?: string[];
  listIndex: number;
}

interface MetricContext {
  /** Metrics of the statistics so far in the sentence. */
  earlier: string[];
  /** Figures in the list this one starts (5%、6%和7%). */
  run: number;
  /** The topic of the clause before the figure's (粮食产量 of 粮食产量再创新高，连续8年…). */
  topic: () => string;
  /** The subjects the items of a list name, when each names one. */
  subjects: (items: string[]) => HeadSubject[] | undefined;
}

/**
 * What a passage without statistics, or the part after its last (from `from`), leaves in force:
 * its head times, read when a later figure needs them. Made here, not in extractStatistics: a
 * closure there would keep that passage's whole working state alive until the section ends.
 */
function frame(topic: Topic, text: string, date: string | undefined, masked: Array<[number, number]>, from: number): void {
  let read: TimeFound[] | undefined;
  const heads = (): TimeFound[] => (read ??= timesIn(text, date, masked, true, from));
  if (from === 0 && topic.readsOpening) (topic.openings ??= []).push(() => openingPeriod(heads(), text));
  deferPeriod(topic, () => framingPeriod(heads()));
}

const constant = (value: string | undefined) => (): string | undefined => value;

/**
 * The metric of a figure from the words before it and the noun after it. `continued` is the
 * previous figure when only 、/和 stand between them; `before` the previous one in the sentence.
 */
function chooseMetric(
  rawBefore: string,
  after: string,
  classified: Classified,
  continued: ListState | undefined,
  before: ExtractedStatistic | undefined,
  list: MetricContext,
): ListState & { metric: string } {
  if (continued?.listItems || continued?.listSubjects) {
    // 分别增长5%、6%和7%: each figure takes the next item of the list before 分别.
    const listIndex = continued.listIndex + 1;
    const { listItems, listSubjects } = continued;
    const metric = listItems ? listItems[listIndex] ?? listItems.join('、') : before?.metric ?? '';
    return { metric, listItems, listSubjects, listIndex };
  }
  const split = /^(.*?)分别/.exec(rawBefore);
  if (split) {
    let items = split[1].split(/、|以及|和|及|与/).map(cleanPhrase).filter((item) => item !== '');
    // 对欧盟、美国分别进出口…: the words after 分别 name what each item did; a preposition before the first governs all.
    const tail = cleanPhrase(rawBefore.slice(split[0].length));
    // 天水市、庆阳市分别增长…, 苏州、南京绿色贷款余额分别为…: places share out the figures; the metric
    // is what the last of them goes on to name, else the figure's before.
    const places = items.length >= 2 ? list.subjects(items) : undefined;
    if (places && places.slice(0, -1).every((p, i) => p.written === items[i])) {
      const named = cleanPhrase(items[items.length - 1].slice(places[places.length - 1].written.length));
      return { metric: named || tail || before?.metric || '', listSubjects: places.map((p) => p.subject), listIndex: 0 };
    }
    const preposition = /^[对向与同]/.exec(items[0] ?? '')?.[0];
    if (preposition) items = items.map((item) => (item.startsWith(preposition) ? item : preposition + item));
    if (tail !== '') items = items.map((item) => item + tail);
    // 城乡居民收入分别达到x元和y元: one word naming both metrics.
    if (items.length === 1 && list.run === 2) items = pairedItems(items[0]) ?? items;
    // 接待游客x亿人次，旅游收入y亿元，分别增长a%和b%: the list is the figures just before.
    if (items.length === 0 && list.run >= 2 && list.earlier.length >= list.run) items = list.earlier.slice(-list.run);
    return { metric: items[0] ?? cleanPhrase(split[1]), listItems: items.length >= 2 ? items : undefined, listIndex: 0 };
  }
  const { kind, change } = classified;
  const cleaned = cleanPhrase(rawBefore);
  // 收入4218亿元，为预算的101.2%: a share after a copula measures the subject before it.
  const copula = /^(?:为|是|相当于)/.test(cleaned) && (classified.unit === '%' || classified.unit === '倍');
  const empty = copula || isEmptyPhrase(cleaned);
  let metric = (kind === 'count' || kind === 'amount') && !change ? countMetric(empty ? '' : cleaned, after) : empty ? '' : cleaned;
  // 为期1年的清剿毒品集中攻坚: a span measures what it is the span of.
  if (kind === 'duration' && /为期$/.test(rawBefore) && after) return { metric: after, listIndex: 0 };
  // 农村居民人均可支配收入增速连续8年高于城镇居民: a run of a comparison names both sides.
  const compared = kind === 'streak' && !isEmptyPhrase(metric) ? COMPARISON.exec(after) : null;
  if (compared) return { metric: `${metric}${RATE_BEFORE_RUN.exec(rawBefore)?.[1] ?? ''}${after}`, listIndex: 0 };
  const movement = isEmptyPhrase(metric) && kind === 'streak' && (after === '' || MOVEMENT_START.test(after));
  if (movement && before) {
    // …产业化率超过五成，连续两年上升: the run belongs to the figure before.
    metric = before.metric + after.replace(/(?:位居|稳居|居)?(?:世界|全球|全国|全省|全市)?(?:第|前)?$/, '');
  } else if (movement && list.topic()) {
    // 粮食产量再创新高，连续8年保持在…: the run belongs to the topic of the clause before.
    metric = list.topic();
  } else if (isEmptyPhrase(metric)) {
    // Nothing before the figure: the noun after it (九成以上群众表示满意), unless the words before
    // continue the previous figure (在…的基础上再降5.9%, 增速高于全国…), which then lends its metric.
    const lend = before && (cleaned !== '' || after === '') ? lentMetric(before, rawBefore, classified.unit) : undefined;
    metric = lend ?? (after || before?.metric || '');
  }
  return { metric, listIndex: 0 };
}

const LIST_JOIN = /^[、和及与]{0,2}$/;
/** 增长5.8%，增速高于全国0.8个百分点: the rate of the figure before. */
const RATE_OF_BEFORE = /^[，,、]?(增速|增幅|涨幅|降幅|跌幅)/;
const COMPARISON = /^(?:高于|低于|快于|慢于|超过)/;
const RATE_BEFORE_RUN = /(增速|增幅|涨幅|降幅)连续$/;
/** 新培育…企业58家，累计达到176家: a total after a flow counts what the flow added to. */
const TOTAL_OF_BEFORE = /累计|总数|总量|共有|保有/;
const RATE_WORD_END = /(?:增速|增幅|涨幅|降幅|跌幅|率|比重|占比|指数)$/;

/**
 * The metric a figure whose words name none takes from the figure before it: the same, its rate
 * (增速高于全国0.8个百分点; a change in points of a growth rate is a change of the rate), or what a
 * total after a flow counts (累计达到176家 after 新培育…企业58家).
 */
function lentMetric(before: ExtractedStatistic, words: string, unit: string): string {
  const rate = RATE_OF_BEFORE.exec(words)?.[1];
  if (rate) return before.metric + rate;
  if (unit === '百分点' && before.kind === 'change' && before.unit === '%' && !RATE_WORD_END.test(before.metric)) return `${before.metric}增速`;
  if (TOTAL_OF_BEFORE.test(words)) return objectOf(before.metric) ?? before.metric;
  return before.metric;
}
const SCOPE_WORD = /^(?:全省|全市|全区|全县|全州|全国|我省|我市|我区|我县|我国)/;
/** 的企业有: what stands between a figure that qualifies a noun and the count of that noun. */
const QUALIFIED_NOUN = /^的[\u4e00-\u9fff]{1,8}?(?:有|达|为|共有|达到)?$/;

/** 调拨帐篷2600顶、折叠床5000张: the verb of the first item governs the items after 、 too. */
function sharedVerb(counted: string, metric: string): string {
  const object = objectOf(counted);
  if (object === undefined || metric === '' || isVerbOnly(metric) || objectOf(metric) !== undefined) return metric;
  return counted.slice(0, counted.length - object.length) + metric;
}

/**
 * For each token, how many figures the list starting at it holds (5%、6%和7% → 3, 2, 1), found
 * once from the end: counting forward from every figure was quadratic in a long list.
 */
function listRuns(text: string, tokens: Token[]): number[] {
  const runs = tokens.map(() => 1);
  for (let k = tokens.length - 2; k >= 0; k--) {
    if (LIST_JOIN.test(text.slice(tokens[k].tailEnd, tokens[k + 1].start))) runs[k] = runs[k + 1] + 1;
  }
  return runs;
}

/** 城乡居民收入 → [城镇居民收入, 农村居民收入]; undefined when no paired word is in it. */
const PAIRS = Object.keys(PAIRED_WORDS).sort((a, b) => b.length - a.length);
function pairedItems(item: string): string[] | undefined {
  const word = PAIRS.find((w) => item.includes(w));
  return word ? PAIRED_WORDS[word].map((one) => item.replace(word, one)) : undefined;
}

/**
 * Offset just after the nearest `boundary` before `i`, looking back at most `limit` characters.
 * A parenthesis is skipped whole: 县（市、区）农作物…机械化率 is one phrase.
 */
function findBack(text: string, i: number, boundary: Set<number>, limit: number): number {
  const stop = Math.max(0, i - limit);
  for (let j = i - 1; j >= stop; j--) {
    const c = text.charCodeAt(j);
    if (c === CLOSE_PAREN || c === CLOSE_PAREN_ASCII) {
      let open = j - 1;
      const bound = Math.max(stop, j - 20);
      for (let o = text.charCodeAt(open); open >= bound && o !== OPEN_PAREN && o !== OPEN_PAREN_ASCII; o = text.charCodeAt(--open));
      if (open >= bound) {
        j = open;
        continue;
      }
    }
    if (boundary.has(c)) return j + 1;
  }
  return stop;
}

/**
 * Offset of the nearest `boundary` after `i`, or of the next figure. A parenthesis is skipped
 * whole: 57个县（市、区）地区生产总值… goes on after it.
 */
function findForward(text: string, i: number, boundary: Set<number>, limit: number, nextToken?: number): number {
  const stop = Math.min(text.length, i + limit, nextToken ?? Infinity);
  for (let j = i; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c === OPEN_PAREN || c === OPEN_PAREN_ASCII) {
      const close = text.slice(j, Math.min(stop, j + 20)).search(/[）)]/);
      if (close > 0) j += close;
      continue;
    }
    if (boundary.has(c)) return j;
  }
  return stop;
}

const [OPEN_PAREN, CLOSE_PAREN, OPEN_PAREN_ASCII, CLOSE_PAREN_ASCII] = [...'（）()'].map((c) => c.charCodeAt(0));

const BASIS_RE = new RegExp(`${BASIS_YEAR}|${BASIS}|(?:比|较)(?:“[^”]{1,10}”|[^，。“”比较]{0,8}?)(?:末期|末|同期|时期)`, 'g');
function findBasis(clause: string): string | undefined {
  let found: string | undefined;
  BASIS_RE.lastIndex = 0;
  for (let m = BASIS_RE.exec(clause); m; m = BASIS_RE.exec(clause)) found = m[0];
  return found;
}
