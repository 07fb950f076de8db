/**
 * The on-disk cache of the corpus model and its search index, so that reopening a workspace does
 * not re-read and re-index every file. Three files in the cache folder:
 *   manifest.json  versions, a build stamp and, per corpus file, path, size, mtime and content hash
 *   model.json     the same stamp and the outlined files
 *   index.bin      the same stamp, the serialized index as JSON and its numbers as raw bytes
 * The manifest is small, so an outdated cache is recognised without parsing the rest; the model
 * loads first (the outline can show) and the larger index after it. Anything that does not fit
 * (other versions, a torn or corrupt write, a missing file) means: rebuild — the index alone
 * when only it is unusable.
 */
import { createHash, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CorpusFile, Metadata } from '../model';
import { INDEX_FORMAT, SearchIndex, type SerializedIndex } from './index';
import type { Tokenizer } from './tokenizer';

/** Bump when the layout of manifest.json or model.json changes (index.bin goes with INDEX_FORMAT). */
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
  /** metadataHash of the sidecar metadata the file was read with ('' for none). */
  sidecar: string;
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
  modelBytes: number;
  indexBytes: number;
  files: Array<Omit<CachedFile, 'file'>>;
}

export type LoadedCache =
  | {
      ok: true;
      files: Map<string, CachedFile>;
      /** Reads the index saved with these files; rejects when it is unusable (then rebuild it). */
      loadIndex(): Promise<SearchIndex>;
    }
  | { ok: false; reason: string };

const MANIFEST = 'manifest.json';
const MODEL = 'model.json';
const INDEX = 'index.bin';

/** The content hash a cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Sidecar metadata changes what a file reads as without changing the file: it is keyed too. */
export function metadataHash(metadata: Metadata | undefined): string {
  return metadata ? createHash('sha1').update(JSON.stringify(metadata)).digest('hex') : '';
}

export async function saveCache(host: CacheHost, versions: CacheVersions, files: CachedFile[], index: SearchIndex): Promise<void> {
  const stamp = randomUUID();
  // The stamp leads each file, so a reader can check it before parsing megabytes.
  const modelBytes = Buffer.from(`${JSON.stringify(stamp)}\n${JSON.stringify(files.map((f) => f.file))}`);
  const indexBytes = encodeIndex(stamp, index.serialize());
  const manifest: Manifest = {
    format: CACHE_FORMAT,
    model: versions.model,
    tokenizer: versions.tokenizer.version,
    index: INDEX_FORMAT,
    stamp,
    modelBytes: modelBytes.length,
    indexBytes: indexBytes.length,
    files: files.map(({ path, size, mtime, hash, sidecar }) => ({ path, size, mtime, hash, sidecar })),
  };
  // Data first: a manifest never points at data that is not fully written.
  await host.write(MODEL, modelBytes);
  await host.write(INDEX, indexBytes);
  await host.write(MANIFEST, Buffer.from(JSON.stringify(manifest)));
}

/** The cached corpus (and a way to its index), or why the cache cannot be used (then rebuild). */
export async function loadCache(host: CacheHost, versions: CacheVersions): Promise<LoadedCache> {
  try {
    const manifestBytes = await host.read(MANIFEST);
    if (!manifestBytes) return { ok: false, reason: 'no cache yet' };
    const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as Manifest;
    if (manifest.format !== CACHE_FORMAT) return { ok: false, reason: `cache format ${manifest.format}, expected ${CACHE_FORMAT}` };
    if (manifest.model !== versions.model) return { ok: false, reason: 'built by another version of the reader' };
    const models = await readStamped<CorpusFile[]>(host, MODEL, manifest.stamp, manifest.modelBytes);
    if (typeof models === 'string') return { ok: false, reason: models };
    const byPath = new Map(models.map((f) => [f.path, f]));
    const files = new Map<string, CachedFile>();
    for (const entry of manifest.files) {
      const file = byPath.get(entry.path);
      if (!file) return { ok: false, reason: `cache lacks the model of ${entry.path}` };
      files.set(entry.path, { ...entry, file });
    }
    const loadIndex = async (): Promise<SearchIndex> => {
      if (manifest.index !== INDEX_FORMAT) throw new Error('index format changed');
      if (manifest.tokenizer !== versions.tokenizer.version) throw new Error('tokenizer or dictionary changed');
      const bytes = await host.read(INDEX);
      if (!bytes || bytes.length !== manifest.indexBytes) throw new Error(`${INDEX} missing or incomplete`);
      const saved = decodeIndex(bytes, manifest.stamp);
      return SearchIndex.load(saved, versions.tokenizer, byPath);
    };
    return { ok: true, files, loadIndex };
  } catch (err) {
    return { ok: false, reason: `cache is corrupt (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** A stamped cache file's content, or why it cannot be used. Throws on corrupt JSON. */
async function readStamped<T>(host: CacheHost, name: string, stamp: string, length: number): Promise<T | string> {
  const bytes = await host.read(name);
  if (!bytes || bytes.length !== length) return `${name} missing or incomplete`;
  const text = Buffer.from(bytes).toString('utf8');
  const newline = text.indexOf('\n');
  if (newline < 0 || JSON.parse(text.slice(0, newline)) !== stamp) return `${name} and the manifest do not belong together`;
  return JSON.parse(text.slice(newline + 1)) as T;
}

/**
 * index.bin: the stamp and the index as JSON on two lines, padded with spaces so that what follows
 * starts at a multiple of 4 bytes, then the index's numbers as raw 32-bit integers (in this
 * machine's byte order: a cache never leaves it). Parsing them as JSON was most of a warm start.
 * The JSON holds a CRC-32 of the numbers, as no parse error would catch a corrupt number.
 */
function encodeIndex(stamp: string, saved: SerializedIndex): Buffer {
  const { data, ...miniSearch } = saved.miniSearch;
  const numbers = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const head = `${JSON.stringify(stamp)}\n${JSON.stringify({ ...saved, miniSearch, crc: crc32(numbers) })}`;
  const length = Buffer.byteLength(head) + 1;
  return Buffer.concat([Buffer.from(`${head}${' '.repeat((4 - (length % 4)) % 4)}\n`), numbers]);
}

/** The index saved by encodeIndex; throws when it is not from this save or is corrupt. */
function decodeIndex(bytes: Uint8Array, stamp: string): SerializedIndex {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = buffer.indexOf(0x0a);
  const end = buffer.indexOf(0x0a, newline + 1);
  if (newline < 0 || end < 0 || JSON.parse(buffer.toString('utf8', 0, newline)) !== stamp) {
    throw new Error(`${INDEX} and the manifest do not belong together`);
  }
  const { crc, ...saved } = JSON.parse(buffer.toString('utf8', newline + 1, end)) as SerializedIndex & { crc: number };
  const numbers = buffer.subarray(end + 1);
  if ((end + 1) % 4 !== 0 || numbers.length % 4 !== 0 || crc32(numbers) !== crc) throw new Error(`${INDEX} is corrupt`);
  // A view where the bytes are aligned for one (they are when the file was read whole), else a copy.
  const data =
    numbers.byteOffset % 4 === 0
      ? new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length / 4)
      : new Int32Array(numbers.buffer.slice(numbers.byteOffset, numbers.byteOffset + numbers.length));
  return { ...saved, miniSearch: { ...saved.miniSearch, data } };
}
