/**
 * The on-disk cache of the corpus model and its search index, so that reopening a workspace does
 * not re-read and re-index every file. Two files in the cache folder:
 *   manifest.json  versions, a build stamp and, per corpus file, path, size, mtime and content hash
 *   data.json      the same stamp, the outlined files and the serialized index
 * The manifest is small, so an outdated cache is recognised without parsing the data. Anything
 * that does not fit (other versions, a torn or corrupt write, a missing file) means: rebuild.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CorpusFile } from '../model';
import { INDEX_FORMAT, SearchIndex, type SerializedIndex } from './index';
import type { Tokenizer } from './tokenizer';

/** Bump when the layout of manifest.json or data.json changes. */
export const CACHE_FORMAT = 1;

/** What the cache needs from its host: whole-file reads and writes inside the cache folder. */
export interface CacheHost {
  /** The file's bytes, or undefined when it does not exist. */
  read(name: string): Promise<Uint8Array | undefined>;
  /** Replaces the file; the host makes it atomic (write aside, then rename) where it can. */
  write(name: string, data: Uint8Array): Promise<void>;
}

/** A corpus file as cached: the stamp it was read with and its outlined model. */
export interface CachedFile {
  path: string;
  size: number;
  mtime: number;
  /** contentHash of the bytes read. */
  hash: string;
  file: CorpusFile;
}

/** What must match for a cache to be used. */
export interface CacheVersions {
  /** Changes when reading or statistics extraction changes (e.g. the extension's version). */
  model: string;
  tokenizer: Tokenizer;
}

interface Manifest {
  format: number;
  model: string;
  tokenizer: string;
  index: number;
  stamp: string;
  dataBytes: number;
  files: Array<Omit<CachedFile, 'file'>>;
}

interface Data {
  stamp: string;
  files: CorpusFile[];
  index: SerializedIndex;
}

export type LoadedCache =
  | { ok: true; files: Map<string, CachedFile>; index: SearchIndex }
  | { ok: false; reason: string };

const MANIFEST = 'manifest.json';
const DATA = 'data.json';

/** The content hash a cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export async function saveCache(host: CacheHost, versions: CacheVersions, files: CachedFile[], index: SearchIndex): Promise<void> {
  const stamp = randomUUID();
  const data: Data = { stamp, files: files.map((f) => f.file), index: index.toJSON() };
  const dataBytes = Buffer.from(JSON.stringify(data));
  const manifest: Manifest = {
    format: CACHE_FORMAT,
    model: versions.model,
    tokenizer: versions.tokenizer.version,
    index: INDEX_FORMAT,
    stamp,
    dataBytes: dataBytes.length,
    files: files.map(({ path, size, mtime, hash }) => ({ path, size, mtime, hash })),
  };
  // Data first: a manifest never points at data that is not fully written.
  await host.write(DATA, dataBytes);
  await host.write(MANIFEST, Buffer.from(JSON.stringify(manifest)));
}

/** The cached corpus and index, or why the cache cannot be used (then rebuild and save). */
export async function loadCache(host: CacheHost, versions: CacheVersions): Promise<LoadedCache> {
  try {
    const manifestBytes = await host.read(MANIFEST);
    if (!manifestBytes) return { ok: false, reason: 'no cache yet' };
    const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as Manifest;
    if (manifest.format !== CACHE_FORMAT) return { ok: false, reason: `cache format ${manifest.format}, expected ${CACHE_FORMAT}` };
    if (manifest.index !== INDEX_FORMAT) return { ok: false, reason: 'index format changed' };
    if (manifest.model !== versions.model) return { ok: false, reason: 'built by another version of the reader' };
    if (manifest.tokenizer !== versions.tokenizer.version) return { ok: false, reason: 'tokenizer or dictionary changed' };
    const dataBytes = await host.read(DATA);
    if (!dataBytes || dataBytes.length !== manifest.dataBytes) return { ok: false, reason: 'cache data missing or incomplete' };
    const data = JSON.parse(Buffer.from(dataBytes).toString('utf8')) as Data;
    if (data.stamp !== manifest.stamp) return { ok: false, reason: 'cache data and manifest do not belong together' };
    const models = new Map(data.files.map((f) => [f.path, f]));
    const files = new Map<string, CachedFile>();
    for (const entry of manifest.files) {
      const file = models.get(entry.path);
      if (!file) return { ok: false, reason: `cache lacks the model of ${entry.path}` };
      files.set(entry.path, { ...entry, file });
    }
    return { ok: true, files, index: SearchIndex.load(data.index, versions.tokenizer, models) };
  } catch (err) {
    return { ok: false, reason: `cache is corrupt (${err instanceof Error ? err.message : String(err)})` };
  }
}
