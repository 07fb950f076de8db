/**
 * Metadata from what the user states (front matter, the sidecar file) and from what the text
 * states (reporters, a dated title). Nothing is guessed: a field nobody states stays undefined.
 *
 * Precedence, lowest first: what the text states < sidecar `defaults` < sidecar `files` entries
 * (in their order, later wins) < the file's own front matter.
 *
 * Sidecar file `statcite.meta.json` in a corpus folder:
 *
 *     {
 *       "defaults": { "publication": "检察日报", "language": "zh", "type": "N" },
 *       "files": {
 *         "000_fadfd726848b77a0.txt": { "date": "2026-01-21", "page": "3",
 *                                       "authors": ["检察日报社"], "url": "https://…" },
 *         "xwlb/*.md": { "publication": "新闻联播", "type": "EB/OL" }
 *       }
 *     }
 *
 * Keys of `files` are file names or globs (`*`, `?`, `**`, `[…]`, `{a,b}`: src/core/glob.ts, as in the
 * settings); a key also matches a file it names exactly (`报告[2024].md`). A key without `/` matches the file
 * name in any folder below the sidecar, a key with `/` matches the path relative to the sidecar's
 * folder. Fields: publication, date, page, url, authors (list, or one string split at 、 , ;),
 * language, publisher, place, accessed, volume, issue, number, type (N, J, M, R, EB, A, S, C, D, P,
 * each optionally with its carrier: N/OL, EB/OL …) and medium (print or online). Unknown fields are
 * reported.
 */
import { DOC_TYPES, type DocType, type Metadata, type Problem } from '../model';
import { compileGlob } from '../glob';
import { breaksLine, oneLine } from './oneLine';

/**
 * Field names as written in front matter or the sidecar (lower case) → Metadata keys. A Map: a key
 * such as "constructor" must be unknown, not Object's own property.
 */
const FIELDS = new Map<string, keyof Metadata>([
  ['publication', 'publication'],
  ['source', 'publication'],
  ['newspaper', 'publication'],
  ['journal', 'publication'],
  ['来源', 'publication'],
  ['刊名', 'publication'],
  ['报纸', 'publication'],
  ['date', 'date'],
  ['published', 'date'],
  ['日期', 'date'],
  ['page', 'page'],
  ['版次', 'page'],
  ['url', 'url'],
  ['link', 'url'],
  ['链接', 'url'],
  ['author', 'authors'],
  ['authors', 'authors'],
  ['作者', 'authors'],
  ['language', 'language'],
  ['lang', 'language'],
  ['语言', 'language'],
  ['publisher', 'publisher'],
  ['出版者', 'publisher'],
  ['place', 'place'],
  ['出版地', 'place'],
  ['accessed', 'accessed'],
  ['引用日期', 'accessed'],
  ['type', 'type'],
  ['文献类型', 'type'],
  ['medium', 'medium'],
  ['carrier', 'medium'],
  ['载体', 'medium'],
  ['volume', 'volume'],
  ['卷', 'volume'],
  ['issue', 'issue'],
  ['期', 'issue'],
  ['number', 'number'],
  ['编号', 'number'],
]);

/** Words for the carrier: print (the paper edition was read) or online (/OL). A Map, as FIELDS. */
const MEDIA = new Map<string, 'print' | 'online'>([
  ['print', 'print'],
  ['paper', 'print'],
  ['纸质', 'print'],
  ['印刷', 'print'],
  ['online', 'online'],
  ['ol', 'online'],
  ['网络', 'online'],
  ['联机', 'online'],
]);

/** Fields that are not metadata but are understood (front matter title, tags …). */
const IGNORED = new Set(['title', '标题', 'tags', 'categories', 'description', 'summary', 'layout', 'draft']);

/** Fields (from front matter or a sidecar entry) → Metadata; `where` names the place for messages. */
export function metadataFromFields(fields: Record<string, unknown>, where: string): { metadata: Metadata; problems: Problem[] } {
  const metadata: Metadata = {};
  const problems: Problem[] = [];
  const warn = (message: string): void => {
    problems.push({ severity: 'warning', message: `${where}: ${message}` });
  };
  for (const [rawKey, raw] of Object.entries(fields)) {
    const key = FIELDS.get(rawKey.toLowerCase());
    if (!key) {
      if (!IGNORED.has(rawKey.toLowerCase())) warn(`unknown field "${rawKey}" ignored`);
      continue;
    }
    // Values are single-line: a line break would split the footnote a value is written into.
    let warned = false;
    const line = (text: string): string => {
      if (!warned && breaksLine(text)) warn(`"${rawKey}" holds a line break or control character; it is read as one line`);
      warned ||= breaksLine(text);
      return oneLine(text);
    };
    if (key === 'authors') {
      const list = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[、,，;；]/) : []).map(line).filter(Boolean);
      if (list.length) metadata.authors = list;
      else warn(`"${rawKey}" should be a name or a list of names`);
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      warn(`"${rawKey}" should be text`);
      continue;
    }
    const value = line(String(raw));
    if (!value) continue;
    if (key === 'date' || key === 'accessed') {
      const iso = isoDate(value);
      if (iso) metadata[key] = iso;
      else warn(`${rawKey} "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    } else if (key === 'type') {
      // "N/OL" states the carrier with the type, as the standard writes it.
      const [code, carrier] = value.toUpperCase().split('/') as [DocType, string | undefined];
      if (DOC_TYPES.includes(code) && (carrier === undefined || carrier === 'OL')) {
        metadata.type = code;
        if (carrier) metadata.medium = 'online';
      } else warn(`type "${value}" is not one of ${DOC_TYPES.join(', ')} (optionally with /OL)`);
    } else if (key === 'medium') {
      const medium = MEDIA.get(value.toLowerCase());
      if (medium) metadata.medium = medium;
      else warn(`${rawKey} "${value}" is not print or online`);
    } else {
      metadata[key] = value;
    }
  }
  return { metadata, problems };
}

/** 2025-12-10, 2025/1/5, 2025.1.5, 20251210, 2025年1月5日, 2025-12, 2025 → ISO; else undefined. */
export function isoDate(value: string): string | undefined {
  const m =
    /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?(?:[T ].*)?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return undefined;
  if (d !== undefined && (+d < 1 || +d > 31)) return undefined;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

/** A publication date printed in brackets in a title: 《新闻联播》 (20251210), （2025年12月10日）. */
export function dateInTitle(title: string): string | undefined {
  const m = /[(（]\s*(\d{8}|\d{4}年\d{1,2}月\d{1,2}日)\s*[)）]/.exec(title);
  return m ? isoDate(m[1]) : undefined;
}

/**
 * A newspaper speaks of itself as 本报: 本报讯, 本报记者, 本报北京1月19日电, 本报评论员, 本报特摘要刊发.
 * 本报告 (this report) and 本报表 (this form) are not cues: the word after 本报 must be one of these.
 */
const NEWSPAPER_CUE = /本报(?:讯|社论|评论员|编辑部|特[约稿派摘刊]|[^\s，,。；;、：:]{0,12}?(?:记者|通讯员|日电))/;

/** The document type a file's text states about itself: a page that says 本报讯 is a newspaper. */
export function statedType(text: string): DocType | undefined {
  return NEWSPAPER_CUE.test(text) ? 'N' : undefined;
}

/**
 * What an article's own text states: a date printed in its title, the author all its reports share,
 * and the type its page states (statedType of the whole file).
 */
export function statedMetadata(title: string, reportAuthors: Array<string | undefined>, type?: DocType): Metadata {
  const [first] = reportAuthors;
  const shared = first && reportAuthors.every((a) => a === first) ? first.split('、') : undefined;
  return { date: dateInTitle(title), authors: shared, type };
}

/** Layers merged field by field; a later layer's defined fields win. */
export function mergeMetadata(...layers: Array<Metadata | undefined>): Metadata {
  const out: Metadata = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export interface Sidecar {
  /** The folder holding the sidecar, '/'-separated. */
  folder: string;
  defaults: Metadata;
  entries: Array<{ pattern: string; test: (path: string) => boolean; matchName: boolean; metadata: Metadata }>;
}

export const SIDECAR_NAME = 'statcite.meta.json';

/** Reads a sidecar's JSON; a broken sidecar gives problems and an empty sidecar, never a throw. */
export function parseSidecar(json: string, sidecarPath: string): { sidecar: Sidecar; problems: Problem[] } {
  const path = slashes(sidecarPath);
  const sidecar: Sidecar = { folder: path.slice(0, Math.max(0, path.lastIndexOf('/'))), defaults: {}, entries: [] };
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (err) {
    problems.push({ severity: 'error', message: `${sidecarPath}: not valid JSON (${(err as Error).message})` });
    return { sidecar, problems };
  }
  if (!isObject(data)) {
    problems.push({ severity: 'error', message: `${sidecarPath}: expected an object with "defaults" and "files"` });
    return { sidecar, problems };
  }
  for (const key of Object.keys(data)) {
    if (key !== 'defaults' && key !== 'files') problems.push({ severity: 'warning', message: `${sidecarPath}: unknown key "${key}" ignored` });
  }
  if (data.defaults !== undefined) {
    if (isObject(data.defaults)) {
      const r = metadataFromFields(data.defaults, `${sidecarPath} defaults`);
      sidecar.defaults = r.metadata;
      problems.push(...r.problems);
    } else problems.push({ severity: 'warning', message: `${sidecarPath}: "defaults" should be an object` });
  }
  if (data.files !== undefined) {
    if (!isObject(data.files)) problems.push({ severity: 'warning', message: `${sidecarPath}: "files" should be an object` });
    else {
      for (const [pattern, fields] of Object.entries(data.files)) {
        if (!isObject(fields)) {
          problems.push({ severity: 'warning', message: `${sidecarPath}: entry "${pattern}" should be an object` });
          continue;
        }
        const r = metadataFromFields(fields, `${sidecarPath} "${pattern}"`);
        problems.push(...r.problems);
        sidecar.entries.push({ pattern, test: entryTest(pattern), matchName: !pattern.includes('/'), metadata: r.metadata });
      }
    }
  }
  return { sidecar, problems };
}

/** A `files` key's test: the path it names exactly, or its glob. */
function entryTest(pattern: string): (path: string) => boolean {
  // Most keys name one file: no automaton to run for every file read.
  if (!/[*?[{]/.test(pattern)) {
    const exact = pattern.replace(/^\.\//, '');
    return (path) => path === exact;
  }
  const glob = compileGlob(pattern);
  return (path) => path === pattern || glob.matches(path);
}

/** The sidecar's metadata for a file (defaults, then every matching entry); undefined if outside. */
export function sidecarMetadata(sidecar: Sidecar, filePath: string): Metadata | undefined {
  const path = slashes(filePath);
  const prefix = sidecar.folder ? `${sidecar.folder}/` : '';
  if (!path.startsWith(prefix)) return undefined;
  const relative = path.slice(prefix.length);
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const layers = sidecar.entries.filter((e) => e.test(e.matchName ? name : relative)).map((e) => e.metadata);
  return mergeMetadata(sidecar.defaults, ...layers);
}

function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
