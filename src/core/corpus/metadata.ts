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
 * Keys of `files` are file names or globs (`*`, `?`, `**`); a key without `/` matches the file
 * name in any folder below the sidecar, a key with `/` matches the path relative to the sidecar's
 * folder. Fields: publication, date, page, url, authors (list, or one string split at 、 , ;),
 * language, publisher, place, accessed, type (N, EB/OL, R, J, M). Unknown fields are reported.
 */
import type { Metadata, Problem } from '../model';

type DocType = NonNullable<Metadata['type']>;
const TYPES: readonly DocType[] = ['N', 'EB/OL', 'R', 'J', 'M'];

/** Field names as written in front matter or the sidecar (lower case) → Metadata keys. */
const FIELDS: Record<string, keyof Metadata> = {
  publication: 'publication',
  source: 'publication',
  newspaper: 'publication',
  journal: 'publication',
  来源: 'publication',
  刊名: 'publication',
  报纸: 'publication',
  date: 'date',
  published: 'date',
  日期: 'date',
  page: 'page',
  版次: 'page',
  url: 'url',
  link: 'url',
  链接: 'url',
  author: 'authors',
  authors: 'authors',
  作者: 'authors',
  language: 'language',
  lang: 'language',
  语言: 'language',
  publisher: 'publisher',
  出版者: 'publisher',
  place: 'place',
  出版地: 'place',
  accessed: 'accessed',
  引用日期: 'accessed',
  type: 'type',
  文献类型: 'type',
};

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
    const key = FIELDS[rawKey.toLowerCase()];
    if (!key) {
      if (!IGNORED.has(rawKey.toLowerCase())) warn(`unknown field "${rawKey}" ignored`);
      continue;
    }
    if (key === 'authors') {
      const list = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[、,，;；]/) : [])
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length) metadata.authors = list;
      else warn(`"${rawKey}" should be a name or a list of names`);
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      warn(`"${rawKey}" should be text`);
      continue;
    }
    const value = String(raw).trim();
    if (!value) continue;
    if (key === 'date' || key === 'accessed') {
      const iso = isoDate(value);
      if (iso) metadata[key] = iso;
      else warn(`${rawKey} "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    } else if (key === 'type') {
      const t = value.toUpperCase() as DocType;
      if (TYPES.includes(t)) metadata.type = t;
      else warn(`type "${value}" is not one of ${TYPES.join(', ')}`);
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
 * A date in a file's name (20221115.md, 2025-03-18-要闻.txt). Not bibliographic metadata — a name
 * is no statement of the publisher — but good enough to date 去年 and 1—11月份 in the text.
 */
export function dateInFileName(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = /(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?![0-9])/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** What an article's own text states: a date printed in its title, the author all its reports share. */
export function statedMetadata(title: string, reportAuthors: Array<string | undefined>): Metadata {
  const [first] = reportAuthors;
  const shared = first && reportAuthors.every((a) => a === first) ? first.split('、') : undefined;
  return { date: dateInTitle(title), authors: shared };
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
  entries: Array<{ pattern: string; test: RegExp; matchName: boolean; metadata: Metadata }>;
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
        sidecar.entries.push({ pattern, test: globToRegExp(pattern), matchName: !pattern.includes('/'), metadata: r.metadata });
      }
    }
  }
  return { sidecar, problems };
}

/** The sidecar's metadata for a file (defaults, then every matching entry); undefined if outside. */
export function sidecarMetadata(sidecar: Sidecar, filePath: string): Metadata | undefined {
  const path = slashes(filePath);
  const prefix = sidecar.folder ? `${sidecar.folder}/` : '';
  if (!path.startsWith(prefix)) return undefined;
  const relative = path.slice(prefix.length);
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const layers = sidecar.entries.filter((e) => e.test.test(e.matchName ? name : relative)).map((e) => e.metadata);
  return mergeMetadata(sidecar.defaults, ...layers);
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
