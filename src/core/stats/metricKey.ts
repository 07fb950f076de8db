/**
 * Metric keys: the canonical name of what a statistic measures, so that one quantity worded
 * differently in different reports (刑事案件发案数 / 刑事发案, 未成年人犯罪人数 / 未成年人犯罪数)
 * groups together, and different quantities (化解率 / 吸附率, 刑事发案 / 现发命案) never do.
 *
 * A key is found by rules about the wording, then the alias table (metricAliases.ts plus the
 * user's file):
 * 1. forms are folded: full-width to half-width, quotes, spaces and bracketed notes removed;
 * 2. the scope in front is dropped — it belongs to the subject (全省, 我国, 湖北省, 县以下);
 * 3. a trailing count word is dropped (人数, 件数, 数量, 总数, a final 数), and for a run or a
 *    record, the words of the run (新低, 零发生, 下降); a share is named X占Y的比重; a 的 after a
 *    first word of two characters is dropped (参赛的运动员);
 * 4. what is left, or the folded phrase itself, is looked up in the alias table.
 */
import { PLACES } from './lexicon';
import { METRIC_ALIASES } from './metricAliases';

const SCOPE = new RegExp(
  `^(?:全省|全市|全区|全县|全州|全国|全球|我省|我市|我区|我县|我国|本省|本市|本区|各地|各级|全社会|基层` +
  `|(?:省|市|县|乡镇?|村)(?:级)?以[下上]|(?:${PLACES})(?:省|市|自治区)?)+`,
);
/** 起数 / 宗数 / 件数 go whole, 案件数 keeps its 案件; 指数, 系数, 天数 … keep their 数. */
const COUNT_WORD = /(?:(?<!案)(?:件|起|宗|例)数|人数|数量|总数|(?<![指系倍分函天日参基户次人级])数)$/;
/** What a run or a record says of its metric (刑事发案创22年新低, 电信诈骗案连续两年下降). */
const RUN_WORD = /(?:创?(?:历史)?(?:新低|新高|最低|最高)|零发生|双下降|持续下降|持续上升|下降|上升)$/;

/** 的 after a first word of two characters (参赛的运动员). */
const JOINING_DE = /^([\u4e00-\u9fff]{2})的(?=[\u4e00-\u9fff]{2})/;
/** A share named either way: X占Y的比重, X占Y比重, X占Y的比例, X占Y → X占Y的比重, the noun phrase. */
const SHARE = /^([^占]{2,})占(?:我国|我省|我市|我区|我县|本省|本市|本区|本县)?([^占]{2,}?)(?:的)?(?:比重|比例|份额)?$/;
/** Words after a quantity that make a rate of it: 生产总值增速 is the rate of 生产总值 (GDP增速 too). */
const RATE_SUFFIX = /(增速|增幅|涨幅|降幅|增长率|占比|比重)$/;
/** A bracketed note that names the quantity itself: 城镇常住人口占常住人口比重（常住人口城镇化率）. */
const NAME_NOTE = /[（(]([^（）()]{2,12})[)）]$/;

/** The folded form of a metric phrase: what a key and an alias are compared in. */
function fold(phrase: string): string {
  // Chinese characters alone are already folded (NFKC leaves U+4E00–U+9FFF as they are).
  if (/^[\u4e00-\u9fff]*$/.test(phrase)) return phrase;
  return phrase
    .normalize('NFKC')
    .replace(/[（(][^（）()]{0,12}[)）]/g, '')
    .replace(/[“”"'‘’「」『』《》\s]/g, '');
}

/** The folded phrase without its scope and count words: the core the rules compare. */
function core(phrase: string): string {
  const folded = fold(phrase);
  const scoped = folded.replace(SCOPE, '');
  let text = scoped.length >= 2 ? scoped : folded;
  const run = text.replace(RUN_WORD, '');
  if (run.length >= 2) text = run;
  const counted = text.replace(COUNT_WORD, '');
  // 参赛的运动员 = 参赛运动员: after a word of two characters 的 only joins; after a clause it stays.
  const kept = (counted.length >= 2 ? counted : text).replace(JOINING_DE, '$1');
  // 占我国外贸总值: a whole named as the subject's own is the whole (外贸总值).
  const share = SHARE.exec(kept);
  return share ? `${share[1]}占${share[2]}的比重` : kept;
}

/** Alias groups as a user writes them: one group a line, the key first, names apart by spaces or commas. */
export function parseMetricAliases(text: string, file: string): { groups: string[][]; problems: string[] } {
  const groups: string[][] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const content = line.replace(/^\uFEFF/, '').trim();
    if (content === '' || content.startsWith('#')) return;
    const names = content.split(/[\s,，;；=]+/).filter((n) => n !== '');
    if (names.length < 2) problems.push(`${file}:${i + 1}: a group needs the key and at least one other name ("${content}")`);
    else groups.push(names);
  });
  return { groups, problems };
}

/** The key of every metric phrase, by the rules above and an alias table. */
export class MetricKeys {
  private readonly keys = new Map<string, string>();
  /** The groups as one string: what a cache of keyed statistics must match. */
  readonly signature: string;

  /** Later groups win where two name the same wording (the user's file comes after the shipped table). */
  constructor(groups: ReadonlyArray<readonly string[]>) {
    this.signature = groups.map((g) => g.join(' ')).join('\n');
    for (const [key, ...names] of groups) {
      for (const name of [key, ...names]) {
        this.keys.set(fold(name), key);
        this.keys.set(core(name), key);
      }
    }
  }

  /** The canonical key of a metric phrase; '' for an empty one. */
  keyOf(metric: string): string {
    const folded = fold(metric);
    const stripped = folded === '' ? '' : core(metric);
    return folded === '' ? '' : this.keys.get(folded) ?? this.keys.get(stripped) ?? this.named(metric) ?? this.ofRate(stripped) ?? stripped;
  }

  /** The key a bracketed note names, when it names one in the table (…比重（常住人口城镇化率）). */
  private named(metric: string): string | undefined {
    const note = NAME_NOTE.exec(metric)?.[1];
    return note === undefined ? undefined : this.keys.get(fold(note)) ?? this.keys.get(core(note));
  }

  /** 地区生产总值增速 → 生产总值增速: the rate of a quantity the table knows, keyed by that quantity. */
  private ofRate(stripped: string): string | undefined {
    const suffix = RATE_SUFFIX.exec(stripped);
    const base = suffix ? this.keys.get(stripped.slice(0, suffix.index)) : undefined;
    return base === undefined || suffix === null ? undefined : base + suffix[1];
  }

  /**
   * The keys among `keys` that a query's metric words name: those equal to the query's own key;
   * when none is, those that contain it (化解率 → 矛盾纠纷化解率), flagged as not exact.
   */
  match(query: string, keys: Iterable<string>): { key: string; keys: string[]; exact: boolean } {
    const key = this.keyOf(query);
    const all = [...new Set(keys)].filter((k) => k !== '');
    if (key === '') return { key, keys: [], exact: false };
    const exact = all.filter((k) => k === key);
    if (exact.length) return { key, keys: exact, exact: true };
    return { key, keys: all.filter((k) => k.includes(key)).sort(), exact: false };
  }
}

/** The shipped table alone. */
export const SHIPPED_METRIC_KEYS = new MetricKeys(METRIC_ALIASES);

/** The shipped table extended by the user's alias groups (later groups win). */
export function metricKeysWith(groups: ReadonlyArray<readonly string[]>): MetricKeys {
  return groups.length ? new MetricKeys([...METRIC_ALIASES, ...groups]) : SHIPPED_METRIC_KEYS;
}
