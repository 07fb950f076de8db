/**
 * The subject of a statistic: who or what the figure is about — a place (湖北省, 全国, 欧元区), or a
 * body or group acting in the sentence (全省综治中心, 安徽省东至县检察院, 宁波舟山港). One rule for
 * every report: the subject named at the head of a clause of the figure's sentence, before the
 * figure (its topic); else the subject of the figure before it in the paragraph; else the report's
 * own: the place its issuing body governs (湖北省委政法委 → 湖北省, 国务院 → 全国), or for a news
 * item the place or body its text names first. 全省 / 全市 / 我省 mean the report's place; 该院 /
 * 该港 the body named last. The issuing body itself is the statistic's `issuer`, shown apart.
 */
import { CITIES, COUNTRIES, NATIONAL_BODY, ORGAN_HEADS, PROVINCES } from './places';

export interface ReportSubject {
  /** The place 全省 / 全市 / 我省 stand for. */
  place?: string;
  /** The subject of a figure whose sentence names none. */
  subject?: string;
}

const longestFirst = (names: string[]): string => [...names].sort((a, b) => b.length - a.length).join('|');
const PROVINCE = longestFirst(Object.keys(PROVINCES));
const COUNTRY = longestFirst(COUNTRIES);
const CITY = longestFirst(CITIES);
/** A body named with its place in front: 杭州市中级人民法院, 安徽省东至县检察院, 成都市文化广电旅游局. */
const PLACED_BODY = new RegExp(`^((?![全我本该各])(?:(?![的了在从据向于和与及是为对把被者将以])[\\u4e00-\\u9fff]){1,6}?(?:省|市|县|区|自治州|自治区|盟|旗))(?:[\\u4e00-\\u9fff]{0,8}?)(?:${ORGAN_HEADS})`);
/** A body named by its scope and kind: 全省综治中心, 全市法院, 全国检察机关. */
const SCOPED_BODY = /^(?:全省|全市|全区|全县|全州|全国|各级)[\u4e00-\u9fff]{0,4}?(?:综治中心|中心|法院|检察院|检察机关|公安机关|政法机关|法院系统|检察系统|公安系统)/;
/** A port, an airport or a company by name: 宁波舟山港, 首都机场, 国铁集团 (not 港口, 港区, 港澳). */
const NAMED_PORT = /^[\u4e00-\u9fff]{2,4}?(?:港|机场)(?![口区澳务])|^[\u4e00-\u9fff]{2,8}?(?:集团|公司|银行)(?=[\u4e00-\u9fff])/;
/** Groups: 1 a province, 2 a country, 3 a city. 北京时间 is a time, not Beijing. */
const PLACE = new RegExp(`^(?:(${PROVINCE})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?(?!时间)|(${COUNTRY})|(${CITY})市?)`);
/** 全省, 我市 …: the report's own place. */
const OWN_PLACE = /^(?:全省|全市|全区|全县|全州|我省|我市|我区|我县|本省|本市|本区|本县)/;
const NATION = /^(?:全国|我国|中国(?![\u4e00-\u9fff]{0,8}?(?:银行|公司|集团|协会|学会)))/;
/** A region named as what has the figure: 京津冀及周边地区有23个城市…. */
const REGION = /^[\u4e00-\u9fff]{2,10}?(?:地区|区域|流域|城市群|经济带|经济圈)(?=有|共有)/;
/** A body that only tells the figures (国家统计局发布…, 成都市文旅局的数据显示): its place is the subject. */
const SOURCE_AFTER = /^(?:[^，。；]{0,6}?(?:数据显示|统计显示|发布|公布|获悉|了解到|介绍|表示|通报|称|消息))/;
const NATIONAL_AT = new RegExp(`^(?:${NATIONAL_BODY.source})`);
/** Cheap tests that let most clause heads pass without the name patterns above. */
const OPENING_START = /^(?:[0-9一二三四五六七八九十去今上下前截同其此另据目近日春元清五端中国假首“"在])/;
const SCOPE_START = /^[该全我本各中]/;
const BODY_HINT = /^[^，。]{1,7}?[省市县区州盟旗]/;
const NAMED_HINT = /^[^，。]{2,10}?(?:港|机场|集团|公司|银行|地区|区域|流域|城市群|经济带|经济圈)/;
const PLACE_START = new Set([...Object.keys(PROVINCES), ...COUNTRIES, ...CITIES].map((name) => name[0]));
const BACK_REFERENCE = /^该(?:港|院|市|省|县|区|局|厅|公司|企业|集团|中心|校|所)/;
/** Words a clause can open with before its topic: times, connectives, sources. */
const OPENING = /^(?:(?:19|20)[0-9]{2}年(?:[0-9一二三四五六七八九十]{1,2}(?:[—–-][0-9]{1,2})?月份?)?(?:底|末)?|[0-9]{1,2}(?:[—–-][0-9]{1,2})?月份?|去年|今年|上年|前年|截至[^，。；]{1,10}?(?:底|末|日)|今年以来|前[0-9一二三四五六七八九十两]{1,2}个月|上半年|下半年|前三季度|一季度|同期|其中|同时|此外|另外|据介绍|据统计|目前|近日|日前|近年来|在|(?:春节|元旦|清明|五一|端午|中秋|国庆)(?:假期|长假|小长假|黄金周)?(?:期间)?|假期期间|[一二三四五六七八九十]是|首先|其次|[“"])+/;

/** The full name of a place matched by PLACE: 湖北 → 湖北省, 厦门 → 厦门市, 美国 as it is. */
function placeName(m: RegExpExecArray): string {
  return m[1] ? PROVINCES[m[1]] : m[2] ?? `${m[3]}市`;
}

/** The place a body governs or stands for: 湖北省委政法委 → 湖北省, 国务院 → 全国; undefined when its name has none. */
export function placeOf(body: string): string | undefined {
  const place = PLACE.exec(body);
  if (!place && NATIONAL_AT.test(body)) return '全国';
  const placed = /^((?![全我本该各])[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|自治州|自治区|盟|旗))/.exec(body);
  if (place && (!placed || placed[1].length <= place[0].length + 1)) return placeName(place);
  if (placed) return placed[1];
  // 国网青海省电力公司: a province inside the name.
  const inside = new RegExp(`(${PROVINCE})(?:省|市|自治区)`).exec(body);
  return inside ? PROVINCES[inside[1]] : undefined;
}

/** A subject named at a clause head, and the words that name it (宁波舟山港, 全国, 青海 of 青海电网). */
export interface HeadSubject {
  subject: string;
  written: string;
}

/** The subject at the head of one clause (or undefined), given what the report stands for. */
export function clauseSubject(clause: string, report: ReportSubject, lastNamed: () => string | undefined = () => undefined): HeadSubject | undefined {
  const head = OPENING_START.test(clause) ? clause.replace(OPENING, '') : clause;
  const found = (subject: string | undefined, written: string): HeadSubject | undefined => (subject ? { subject, written } : undefined);
  // Each kind of name needs its characters: 该…, 全省…, 我国…, a body's 省/市/县 or 港/集团 …; most heads have none.
  if (SCOPE_START.test(head)) {
    const back = BACK_REFERENCE.exec(head);
    if (back) return found(lastNamed(), back[0]);
    const scoped = SCOPED_BODY.exec(head);
    if (scoped) return found(scoped[0], scoped[0]);
    const nation = NATION.exec(head);
    if (nation) return found('全国', nation[0]);
    const own = OWN_PLACE.exec(head);
    if (own) return found(report.place ?? own[0], own[0]);
  }
  const body = BODY_HINT.test(head) ? PLACED_BODY.exec(head) : null;
  if (body) return found(SOURCE_AFTER.test(head.slice(body[0].length)) ? placeOf(body[0]) : body[0], body[0]);
  // 宁波舟山港, 厦门航空公司: a named body that begins with a place is the body.
  const named = NAMED_HINT.test(head) ? NAMED_PORT.exec(head) ?? REGION.exec(head) : null;
  const place = PLACE_START.has(head[0]) ? PLACE.exec(head) : null;
  if (place && !(named && named[0].length > place[0].length)) return found(placeName(place), place[0]);
  if (NATIONAL_AT.test(head)) return found('全国', '');
  if (!named) return undefined;
  return found(SOURCE_AFTER.test(head.slice(named[0].length)) ? placeOf(named[0]) : named[0], named[0]);
}

/** Clause heads of `text` with the subject each names, in order. */
export function headSubjects(text: string, report: ReportSubject, lastNamed: () => string | undefined = () => undefined, first = false): Array<HeadSubject & { at: number }> {
  const out: Array<HeadSubject & { at: number }> = [];
  let named = lastNamed;
  for (const m of text.matchAll(/(?:^|[，,。；;：:！!？?\n\t 　])([^，,。；;：:！!？?\n\t 　]+)/g)) {
    const found = clauseSubject(m[1], report, named);
    if (!found) continue;
    out.push({ at: m.index + m[0].length - m[1].length, ...found });
    if (first) break;
    named = () => found.subject;
  }
  return out;
}

/**
 * What a report's figures are about when a sentence names nothing: the place its issuing body
 * governs; else, in its lead, the first place or body at a clause head (近日，安徽省东至县检察院内…),
 * else the place of the first source it names (记者从杭州市中级人民法院获悉 → 杭州市).
 */
export function reportSubject(issuer: string | undefined, lead: string): ReportSubject {
  const fromIssuer = issuer ? placeOf(issuer) : undefined;
  if (fromIssuer) return { place: fromIssuer, subject: fromIssuer };
  const text = lead.slice(0, 400);
  const source = /(?:从|据)([\u4e00-\u9fff]{2,20}?(?:局|厅|委|部|署|院|法院|检察院|办|中心|公司|集团|银行))/.exec(text);
  const sourcePlace = source ? placeOf(source[1]) : undefined;
  const [first] = headSubjects(text, { place: sourcePlace }, undefined, true);
  if (first) {
    const place = first.subject === '全国' ? '全国' : placeOf(first.subject) ?? sourcePlace;
    return { place, subject: first.subject };
  }
  return sourcePlace ? { place: sourcePlace, subject: sourcePlace } : {};
}
