/**
 * The on-disk cache of the corpus model and its search index, so that reopening a workspace does
 * not re-read and re-index every file. Three files in the cache folder:
 *   manifest.json  versions, a build stamp and, per corpus file, path, size, mtime, ctime and content hash
 *   model.bin      the same stamp, the outlined files as JSON, then their texts as UTF-16
 *   index.bin      the same stamp, the serialized index as JSON, then its numbers as 32-bit integers
 * Bulk data goes in raw form after the JSON (see frame): decoding 36 MB of Chinese text from UTF-8
 * and parsing ten million numbers from JSON were most of a warm start.
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

/** Bump when the layout of manifest.json or model.bin changes (index.bin goes with INDEX_FORMAT). */
const CACHE_FORMAT = 3;

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
  ctime: number;
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
const MODEL = 'model.bin';
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
  const modelBytes = encodeModel(stamp, files.map((f) => f.file));
  const indexBytes = encodeIndex(stamp, index.serialize());
  const manifest: Manifest = {
    format: CACHE_FORMAT,
    model: versions.model,
    tokenizer: versions.tokenizer.version,
    index: INDEX_FORMAT,
    stamp,
    modelBytes: modelBytes.length,
    indexBytes: indexBytes.length,
    files: files.map(({ path, size, mtime, ctime, hash, sidecar }) => ({ path, size, mtime, ctime, hash, sidecar })),
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
    const modelBytes = await host.read(MODEL);
    if (!modelBytes || modelBytes.length !== manifest.modelBytes) return { ok: false, reason: `${MODEL} missing or incomplete` };
    const models = decodeModel(modelBytes, manifest.stamp);
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

/**
 * A cache data file: the stamp and a JSON head on two lines, then raw bytes (the tail) starting at
 * a multiple of 4 bytes (the head is padded with spaces), so that they can be viewed as 32-bit
 * integers. The stamp leads, so that a file from another save is refused before parsing megabytes;
 * the head holds a CRC-32 of the tail, as no parse error would catch corrupt raw bytes.
 */
function frame(stamp: string, head: object, tail: Uint8Array): Buffer {
  const text = `${JSON.stringify(stamp)}\n${JSON.stringify({ ...head, crc: crc32(tail) })}`;
  const length = Buffer.byteLength(text) + 1;
  return Buffer.concat([Buffer.from(`${text}${' '.repeat((4 - (length % 4)) % 4)}\n`), tail]);
}

/** Head and tail of a file written by frame; throws when it is not from this save or is corrupt. */
function unframe<T>(bytes: Uint8Array, name: string, stamp: string): { head: T; tail: Buffer } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = buffer.indexOf(0x0a);
  const end = buffer.indexOf(0x0a, newline + 1);
  if (newline < 0 || end < 0 || JSON.parse(buffer.toString('utf8', 0, newline)) !== stamp) {
    throw new Error(`${name} and the manifest do not belong together`);
  }
  const { crc, ...head } = JSON.parse(buffer.toString('utf8', newline + 1, end)) as { crc: number };
  const tail = buffer.subarray(end + 1);
  if ((end + 1) % 4 !== 0 || crc32(tail) !== crc) throw new Error(`${name} is corrupt`);
  return { head: head as T, tail };
}

/** model.bin: the files without their texts, then the texts one after the other as UTF-16. */
function encodeModel(stamp: string, files: CorpusFile[]): Buffer {
  const head = { files: files.map((file) => ({ ...file, text: '' })), lengths: files.map((file) => file.text.length) };
  return frame(stamp, head, Buffer.from(files.map((file) => file.text).join(''), 'utf16le'));
}

function decodeModel(bytes: Uint8Array, stamp: string): CorpusFile[] {
  const { head, tail } = unframe<{ files: CorpusFile[]; lengths: number[] }>(bytes, MODEL, stamp);
  const texts = tail.toString('utf16le');
  let at = 0;
  head.files.forEach((file, i) => {
    file.text = texts.slice(at, (at += head.lengths[i]));
  });
  if (at !== texts.length) throw new Error(`${MODEL} is corrupt`);
  return head.files;
}

/**
 * index.bin: the index, then its numbers (PackedMiniSearch.data) as raw integers in this machine's
 * byte order (a cache never leaves it).
 */
function encodeIndex(stamp: string, saved: SerializedIndex): Buffer {
  const { data, ...miniSearch } = saved.miniSearch;
  return frame(stamp, { ...saved, miniSearch }, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

function decodeIndex(bytes: Uint8Array, stamp: string): SerializedIndex {
  const { head, tail } = unframe<SerializedIndex>(bytes, INDEX, stamp);
  if (tail.length % 4 !== 0) throw new Error(`${INDEX} is corrupt`);
  // A view where the bytes are aligned for one (they are when the file was read whole), else a copy.
  const data =
    tail.byteOffset % 4 === 0
      ? new Int32Array(tail.buffer, tail.byteOffset, tail.length / 4)
      : new Int32Array(tail.buffer.slice(tail.byteOffset, tail.byteOffset + tail.length));
  return { ...head, miniSearch: { ...head.miniSearch, data } };
}
