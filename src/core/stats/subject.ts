/**
 * The subject of a statistic: who or what the figure is about — a place (湖北省, 全国, 欧元区), or a
 * body or group acting in the sentence (全省综治中心, 安徽省东至县检察院, 宁波舟山港). One rule for
 * every report: the subject named at the head of a clause of the figure's sentence, before the
 * figure (its topic); else the subject of the figure before it in the paragraph; else the report's
 * own: the place its issuing body governs (湖北省委政法委 → 湖北省, 国务院 → 全国), or for a news
 * item the place or body its text names first. 全省 / 全市 / 我省 mean the report's place; 该院 /
 * 该港 the body named last. The issuing body itself is the statistic's `issuer`, shown apart.
 */
import { EMPTY_VERBS, OBJECT_VERBS } from './lexicon';
import { CITIES, COUNTRIES, NATIONAL_BODY, ORGAN_HEADS, PROVINCES } from './places';

export interface ReportSubject {
  /** The place 全省 / 全市 / 我省 stand for. */
  place?: string;
  /** The subject of a figure whose sentence names none. */
  subject?: string;
  /** The issuing body of a report: what 省法院 means in the 高级人民法院's own report. */
  body?: string;
}

/** What a clause can refer back to, found in the text before it when first needed. */
export interface Referents {
  /** The body or place named last (该院, 该集团, 本届锦标赛, a bare 公司). */
  named(): string | undefined;
  /** The city named last in the paragraph: 全市 in a province's or the country's report. */
  city(): string | undefined;
  /** Who speaks the quotation that stands at `at` (“…”宁波市商务局副局长介绍), when one does. */
  speaker(at: number): string | undefined;
}

const NOTHING: Referents = { named: () => undefined, city: () => undefined, speaker: () => undefined };

/** The first two characters of a text as one number: a cheap key for what a name starts with. */
const pair = (text: string, at = 0): number => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
const longestFirst = (names: string[]): string => [...names].sort((a, b) => b.length - a.length).join('|');
const PROVINCE = longestFirst(Object.keys(PROVINCES));
const COUNTRY = longestFirst(COUNTRIES);
const CITY = longestFirst(CITIES);
/** A place in front of a body's name: a province or city by name, or a county-level name with its ending. */
const BODY_PLACE = `(?:(?:${PROVINCE})(?:省|市|自治区)?|(?:${CITY})市?)(?:[\u4e00-\u9fff]{1,4}?(?:市|县|区|旗))?|[\u4e00-\u9fff]{2,4}?(?:自治州|州|盟|市|县|区|旗)`;
/** A body named with its place in front: 杭州市中级人民法院, 安徽省东至县检察院, 成都市文化广电旅游局. */
const PLACED_BODY = new RegExp(`^((?![全我本该各])(?:${BODY_PLACE}))(?:[\u4e00-\u9fff]{0,8}?)(?:${ORGAN_HEADS})`);
/** A body named by its scope and kind: 全省综治中心, 全市两级法院, 全国检察机关 (not 全省建成县级综治中心). */
const SCOPED_BODY = /^(?:全省|全市|全区|全县|全州|全国|各级)(?:各级|各类|基层|[省市县区乡镇村两三四五]级|市县|县乡|乡镇)*(?:综治中心|法院|检察院|检察机关|公安机关|政法机关|法院系统|检察系统|公安系统)/;
/** A body named by its level alone: 省法院, 市检察院 (its report's place), 省政府. */
const LEVEL_BODY = /^(?:省|市|县|区)(?:(高级人民法院|中级人民法院|人民法院|高院|中院|法院|人民检察院|检察院)|委|人民政府|政府)/;
/** A port, an airport or a company by name: 宁波舟山港, 首都机场, 国铁集团 (not 港口, 港区, 港澳). */
const NAMED_PORT = /^[\u4e00-\u9fff]{2,4}?(?:港|机场)(?![口区澳务])|^[\u4e00-\u9fff]{2,8}?(?:集团|公司|银行)(?=[\u4e00-\u9fff])/;
/** A team: 中国队, 山东男篮队, 中国体育代表团 (not 队伍). */
const TEAM = new RegExp(`^(?:中国|(?:${PROVINCE})|(?:${COUNTRY})|(?:${CITY}))(?:国家)?(?:男子|女子)?[\u4e00-\u9fff]{0,3}?(?:(?<![军部舰车梯商])队|代表团)(?![伍员长])`);
/** An event that figures are counted for, named by its scope: 世界游泳锦标赛, 中国国际进口博览会, 第十五届全运会. */
const EVENT = new RegExp(`^(?:第[一二三四五六七八九十百0-9]{1,4}届)?(?:世界|全国|全球|国际|亚洲|中国|${PROVINCE}|${CITY})[\\u4e00-\\u9fff]{0,10}?(?:锦标赛|运动会|奥运会|亚运会|全运会|博览会|交易会|展览会|进博会|广交会|服贸会|论坛|峰会|马拉松|联赛|世界杯)`);
/** Groups: 1 a province, 2 a country, 3 a city. 北京时间 is a time, not Beijing. */
const placePattern = (province: string, country: string, city: string): RegExp =>
  new RegExp(`^(?:(${province || '(?!)'})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?(?!时间)|(${country || '(?!)'})|(${city || '(?!)'})市?)`);
const PLACE = placePattern(PROVINCE, COUNTRY, CITY);
/** PLACE for the names that start with two characters: a few alternatives to try instead of hundreds. */
const PLACE_BY_START = new Map<number, RegExp>();
for (const start of new Set([...Object.keys(PROVINCES), ...COUNTRIES, ...CITIES].map((name) => name.slice(0, 2)))) {
  const starting = (names: string[]): string => longestFirst(names.filter((name) => name.startsWith(start)));
  PLACE_BY_START.set(pair(start), placePattern(starting(Object.keys(PROVINCES)), starting(COUNTRIES), starting(CITIES)));
}
/** A zone of its own after a city's name: 兰州新区, 苏州工业园区. */
const ZONE = /^(?:新区|[\u4e00-\u9fff]{0,4}?(?:开发区|高新区|经开区|自贸区|自由贸易试验区|保税区|工业园区))/;
/**
 * A county, district or city not in the lists, by its ending: 贵溪市, 余江区 (two or three characters
 * and 市/县/区/旗, not followed by what makes it a word: 县级, 区域, 市场, 市民).
 */
const PLACED_NAME = /^((?![全我本该各每其此这那某主])(?:(?![的了是有与及或等对把被将从做作过进行推加强提升要能可就都也还又再已为在])[\u4e00-\u9fff]){2,3}?)(?:市|县|区|旗)(?![级域城场民内外辖属直委政长])/;
/** Last characters of words that end like a place but name a kind of area (城市, 社区, 示范区, 开发区, 上市). */
const NOT_A_NAME = /[城超都上股楼车夜集门地社园景片辖郊山牧灾库矿小街湾新老误禁展赛分专特范发税能心验贸游业住活务困受村境族命级型全本该县省市区州产林战军校营厂护行作聚开点载步革控管]$/;
/** 全省, 我市 …: the report's own place. */
const OWN_PLACE = /^(?:全省|全市|全区|全县|全州|我省|我市|我区|我县|本省|本市|本区|本县)/;
const NATION = /^(?:全国|我国|中国(?![\u4e00-\u9fff]{0,8}?(?:银行|公司|集团|协会|学会)))/;
/** A region named as what has the figure: 京津冀及周边地区有23个城市…. */
const REGION = /^[\u4e00-\u9fff]{2,10}?(?:地区|区域|流域|城市群|经济带|经济圈)(?=有|共有)/;
/** A body that only tells the figures (国家统计局发布…, 成都市文旅局的数据显示): its place is the subject. */
const SOURCE_AFTER = /^(?:[^，。；]{0,6}?(?:数据显示|统计显示|发布|公布|获悉|了解到|介绍|表示|通报|称|消息))/;
const NATIONAL_AT = new RegExp(`^(?:${NATIONAL_BODY.source})`);
/** National bodies named without an organ's ending: 中央财政, 中共中央, 党中央, 全国人大. */
const NATIONAL_FIRST = new Set([...'中党全'].map((c) => c.charCodeAt(0)));
/** A clause that opens with a verb (制定修订省政府规章, 建成县级综治中心): what follows is its object, no subject. */
const VERB_START = new RegExp(`^(?:${OBJECT_VERBS}|${EMPTY_VERBS})`);
const VERB_PAIRS = new Set(`${OBJECT_VERBS}|${EMPTY_VERBS}`.split('|').map((verb) => pair(verb)));
/** Cheap tests that let most clause heads pass without the name patterns above. */
/** Two characters a clause's opening words start with (or one: a digit, a quotation mark, 在): most clauses have none. */
const OPENING_ONE = new Set([...'0123456789“"在'].map((c) => c.charCodeAt(0)));
const OPENING_TWO = new Set(
  ['去年', '今年', '上年', '前年', '截至', '上半', '下半', '同期', '其中', '同时', '此外', '另外', '据介', '据统', '目前', '近日', '日前', '近年', '春节', '元旦', '清明',
    '五一', '端午', '中秋', '国庆', '假期', '首先', '其次', '位于', '落户', '地处', '坐落', '总部', '来自', '一季',
    ...[...'一二三四五六七八九十'].map((n) => `${n}是`), ...[...'0123456789一二三四五六七八九十两'].map((n) => `前${n}`)].map((w) => pair(w)),
);
const SCOPE_START = /^[该全我本各中公集]/;
const LEVEL_START = /^[省市县区]/;
/** Which kinds of name a head can hold, by the characters they need: one look at its first characters. */
const enum Hint { Body = 1, Named = 2, Team = 4, Event = 8, Organ = 16 }
const HINTS = new Uint8Array(0x9fff - 0x4e00 + 1);
for (const [chars, hint] of [['省市县区州盟旗', Hint.Body], ['港机集公银地区流城经', Hint.Named], ['队代', Hint.Team], ['赛会坛峰马杯', Hint.Event], ['部署局委院办会心行', Hint.Organ]] as const) {
  for (const c of chars) HINTS[c.charCodeAt(0) - 0x4e00] |= hint;
}
function hintsOf(head: string): number {
  let hints = 0;
  for (let i = 1, n = Math.min(head.length, 15); i < n; i++) {
    const code = head.charCodeAt(i) - 0x4e00;
    if (code >= 0 && code < HINTS.length) hints |= HINTS[code];
  }
  return hints;
}
const COUNTY_END = new Set([...'市县区旗'].map((c) => c.charCodeAt(0)));
const BACK_REFERENCE = /^(?:该(?:港|院|市|省|县|区|局|厅|公司|企业|集团|中心|校|所|行)|本届[\u4e00-\u9fff]{0,6}?(?:赛|会|论坛|峰会)|(?:公司|集团)(?![债股制化型治法]))/;
/** Words a clause can open with before its topic: times, connectives, sources, where a body stands. */
const OPENING = /^(?:(?:19|20)[0-9]{2}年(?:[0-9一二三四五六七八九十]{1,2}(?:[—–-][0-9]{1,2})?月份?)?(?:底|末)?|[0-9]{1,2}(?:[—–-][0-9]{1,2})?月份?|去年|今年|上年|前年|截至[^，。；]{1,10}?(?:底|末|日)|今年以来|前[0-9一二三四五六七八九十两]{1,2}个月|上半年|下半年|前三季度|一季度|同期|其中|同时|此外|另外|据介绍|据统计|目前|近日|日前|近年来|(?:位于|落户|地处|坐落于|总部位于|来自)[^，。；、]{1,12}?的|在|(?:春节|元旦|清明|五一|端午|中秋|国庆)(?:假期|长假|小长假|黄金周)?(?:期间)?|假期期间|[一二三四五六七八九十]是|首先|其次|[“"])+/;

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
  /** A place (湖北省, 酒泉市) rather than a body, a team or an event. */
  place: boolean;
}

/**
 * The subject at the head of one clause (or undefined), given what the report stands for, what the
 * clause can refer back to, and — for a clause inside a quotation — who speaks it.
 */
export function clauseSubject(clause: string, report: ReportSubject, refs: Referents = NOTHING, speaker?: () => string | undefined): HeadSubject | undefined {
  const head = OPENING_ONE.has(clause.charCodeAt(0)) || OPENING_TWO.has(pair(clause)) ? clause.replace(OPENING, '') : clause;
  const found = (subject: string | undefined, written: string, place = false): HeadSubject | undefined => (subject ? { subject, written, place } : undefined);
  const hints = hintsOf(head);
  // Each kind of name needs its characters: 该…, 全省…, 我国…, a body's 省/市/县 or 港/集团 …; most heads have none.
  if (SCOPE_START.test(head)) {
    const back = BACK_REFERENCE.exec(head);
    if (back) return found(refs.named(), back[0]);
    if (speaker && /^(?:我们|全市|全省|我市|我省|全区|我区|全县|我县)/.test(head)) {
      const who = speaker();
      if (who) return found(who, head.slice(0, 2));
    }
    const scoped = SCOPED_BODY.exec(head);
    if (scoped) return found(scoped[0], scoped[0]);
    const team = hints & Hint.Team ? TEAM.exec(head) : null;
    if (team) return found(team[0], team[0]);
    const nation = NATION.exec(head);
    if (nation) return found('全国', nation[0], true);
    const own = OWN_PLACE.exec(head);
    if (own) {
      // 全市 in a province's or the country's report is the city named before it.
      const city = own[0].endsWith('市') && !report.place?.endsWith('市') ? refs.city() : undefined;
      return found(city ?? report.place ?? own[0], own[0], true);
    }
  }
  if (LEVEL_START.test(head)) {
    const level = LEVEL_BODY.exec(head);
    // 省法院 in the 高级人民法院's own report is that court; 省政府 is the report's place.
    if (level) return found(level[1] ? (report.body?.endsWith(level[1].slice(-3)) ? report.body : `${report.place ?? ''}${level[0].slice(1)}`) : report.place, level[0], !level[1]);
  }
  if (VERB_PAIRS.has(pair(head)) && VERB_START.test(head)) return undefined;
  const team = hints & Hint.Team ? TEAM.exec(head) : null;
  if (team) return found(team[0], team[0]);
  const body = hints & Hint.Body ? PLACED_BODY.exec(head) : null;
  if (body) return SOURCE_AFTER.test(head.slice(body[0].length)) ? found(placeOf(body[0]), body[0], true) : found(body[0], body[0]);
  // 宁波舟山港, 厦门航空公司: a named body that begins with a place is the body.
  const named = hints & Hint.Named ? NAMED_PORT.exec(head) ?? REGION.exec(head) : null;
  const place = PLACE_BY_START.get(pair(head))?.exec(head) ?? null;
  if (place && !(named && named[0].length > place[0].length)) {
    const zone = ZONE.exec(head.slice(place[0].length));
    return zone ? found(head.slice(0, place[0].length + zone[0].length), head.slice(0, place[0].length + zone[0].length), true) : found(placeName(place), place[0], true);
  }
  if ((hints & Hint.Organ || NATIONAL_FIRST.has(head.charCodeAt(0))) && NATIONAL_AT.test(head)) return found('全国', '', true);
  if (named) return SOURCE_AFTER.test(head.slice(named[0].length)) ? found(placeOf(named[0]), named[0], true) : found(named[0], named[0]);
  const county = COUNTY_END.has(head.charCodeAt(2)) || COUNTY_END.has(head.charCodeAt(3)) ? PLACED_NAME.exec(head) : null;
  if (county && !NOT_A_NAME.test(county[1])) return found(county[0], county[0], true);
  const event = hints & Hint.Event ? EVENT.exec(head) : null;
  return event ? found(event[0], event[0]) : undefined;
}

const CLAUSE_MARK = /[，,。；;：:！!？?\n\t 　]/g;

/**
 * Clause heads of `text` that start from `from` up to `to`, with the subject each names, in order, at offsets of
 * `text`. `quoted` says whether a quotation is open at `from`; clauses inside one ask
 * `refs.speaker` who speaks it.
 */
export function headSubjects(text: string, report: ReportSubject, refs: Referents = NOTHING, first = false, quoted = false, from = 0, to = text.length): Array<HeadSubject & { at: number }> {
  const out: Array<HeadSubject & { at: number }> = [];
  let named: string | undefined;
  let city: string | undefined;
  const local: Referents = { named: () => named ?? refs.named(), city: () => city ?? refs.city(), speaker: refs.speaker };
  let inQuote = quoted;
  for (let at = from; at < to; ) {
    // Clauses that start before `to` are read whole.
    CLAUSE_MARK.lastIndex = at;
    const end = CLAUSE_MARK.test(text) ? CLAUSE_MARK.lastIndex - 1 : text.length;
    if (end > at) {
      const clause = text.slice(at, end);
      const clauseAt = at;
      const speaker = inQuote || clause.startsWith('“') ? () => refs.speaker(clauseAt) : undefined;
      const found = clauseSubject(clause, report, local, speaker);
      if (found) {
        out.push({ subject: found.subject, written: found.written, place: found.place, at });
        if (first) break;
        named = found.subject;
        if (found.place && found.subject.endsWith('市')) city = found.subject;
      }
      inQuote = quoteState(text, at, end, inQuote);
    }
    at = end + 1;
  }
  return out;
}

/** Whether a quotation is open at `to`, given whether one was at `from`. */
export function quoteState(text: string, from: number, to: number, open: boolean): boolean {
  let state = open;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) state = true;
    else if (c === CLOSE_QUOTE) state = false;
  }
  return state;
}
const OPEN_QUOTE = '“'.charCodeAt(0);
const CLOSE_QUOTE = '”'.charCodeAt(0);

/**
 * What a report's figures are about when a sentence names nothing: the place its issuing body
 * governs; else, in its lead, the first place or body at a clause head (近日，安徽省东至县检察院内…),
 * else the place of the first source it names (记者从杭州市中级人民法院获悉 → 杭州市).
 */
export function reportSubject(issuer: string | undefined, lead: string): ReportSubject {
  const fromIssuer = issuer ? placeOf(issuer) : undefined;
  if (fromIssuer) return { place: fromIssuer, subject: fromIssuer, body: issuer };
  const text = lead.slice(0, 400);
  const source = /(?:从|据)([\u4e00-\u9fff]{2,20}?(?:局|厅|委|部|署|院|法院|检察院|办|中心|公司|集团|银行))/.exec(text);
  const sourcePlace = source ? placeOf(source[1]) : undefined;
  const [first] = headSubjects(text, { place: sourcePlace }, NOTHING, true);
  if (first) {
    const place = first.subject === '全国' ? '全国' : placeOf(first.subject) ?? sourcePlace;
    return { place, subject: first.subject };
  }
  return sourcePlace ? { place: sourcePlace, subject: sourcePlace } : {};
}
