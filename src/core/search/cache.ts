/**
 * The on-disk cache of the corpus model and its search index, so that reopening a workspace does
 * not re-read and re-index every file. Three files in the cache folder:
 *   manifest.json  versions, the length and CRC-32 of both data files and, per corpus file, path,
 *                  size, mtime, ctime and content hash; itself wrapped with a CRC-32 of its body
 *   model.bin      the outlined files as JSON, then their texts as UTF-16
 *   index.bin      the serialized index as JSON, then its numbers as 32-bit integers
 * Bulk data goes in raw form after the JSON (see frame): decoding 36 MB of Chinese text from UTF-8
 * and parsing ten million numbers from JSON were most of a warm start.
 * The manifest is small, so an outdated cache is recognised without parsing the rest; the model
 * loads first (the outline can show) and the larger index after it.
 *
 * Nothing read is trusted: every byte is covered by a checksum (a data file by the manifest's CRC,
 * the manifest by its own), and what the JSON holds is checked for shape (modelCheck, and the
 * index's own checks) before anything uses it. Anything that does not fit (other versions, a torn,
 * damaged or edited file, a missing one) means: rebuild — the index alone when only it is unusable.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CorpusFile, Metadata } from '../model';
import { INDEX_FORMAT, SearchIndex, type SerializedIndex } from './index';
import { corpusFileProblem } from './modelCheck';
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
  modelBytes: number;
  modelCrc: number;
  indexBytes: number;
  indexCrc: number;
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
  const modelBytes = encodeModel(files.map((f) => f.file));
  const indexBytes = encodeIndex(index.serialize());
  const manifest: Manifest = {
    format: CACHE_FORMAT,
    model: versions.model,
    tokenizer: versions.tokenizer.version,
    index: INDEX_FORMAT,
    modelBytes: modelBytes.length,
    modelCrc: crc32(modelBytes),
    indexBytes: indexBytes.length,
    indexCrc: crc32(indexBytes),
    files: files.map(({ path, size, mtime, ctime, hash, sidecar }) => ({ path, size, mtime, ctime, hash, sidecar })),
  };
  const body = JSON.stringify(manifest);
  // Data first: a manifest never points at data that is not fully written.
  await host.write(MODEL, modelBytes);
  await host.write(INDEX, indexBytes);
  await host.write(MANIFEST, Buffer.from(JSON.stringify({ crc: crc32(body), manifest: body })));
}

/** The cached corpus (and a way to its index), or why the cache cannot be used (then rebuild). */
export async function loadCache(host: CacheHost, versions: CacheVersions): Promise<LoadedCache> {
  try {
    const manifestBytes = await host.read(MANIFEST);
    if (!manifestBytes) return { ok: false, reason: 'no cache yet' };
    const manifest = readManifest(manifestBytes);
    if (manifest.format !== CACHE_FORMAT) return { ok: false, reason: `cache format ${manifest.format}, expected ${CACHE_FORMAT}` };
    if (manifest.model !== versions.model) return { ok: false, reason: 'built by another version of the reader' };
    const models = decodeModel(checked(await host.read(MODEL), MODEL, manifest.modelBytes, manifest.modelCrc));
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
      const saved = decodeIndex(checked(await host.read(INDEX), INDEX, manifest.indexBytes, manifest.indexCrc));
      return SearchIndex.load(saved, versions.tokenizer, byPath);
    };
    return { ok: true, files, loadIndex };
  } catch (err) {
    return { ok: false, reason: `cache is corrupt (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** The manifest, when its checksum and its shape hold; else throws. */
function readManifest(bytes: Uint8Array): Manifest {
  const wrapper: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
  if (!isRecord(wrapper) || typeof wrapper.manifest !== 'string' || wrapper.crc !== crc32(wrapper.manifest)) {
    throw new Error(`${MANIFEST} is damaged`);
  }
  const m: unknown = JSON.parse(wrapper.manifest);
  const numbers = ['format', 'index', 'modelBytes', 'modelCrc', 'indexBytes', 'indexCrc'];
  const fileOk = (f: unknown): boolean =>
    isRecord(f) &&
    ['path', 'hash', 'sidecar'].every((k) => typeof f[k] === 'string') &&
    ['size', 'mtime', 'ctime'].every((k) => typeof f[k] === 'number');
  if (
    !isRecord(m) ||
    typeof m.model !== 'string' ||
    typeof m.tokenizer !== 'string' ||
    !numbers.every((k) => typeof m[k] === 'number') ||
    !Array.isArray(m.files) ||
    !m.files.every(fileOk)
  ) {
    throw new Error(`${MANIFEST} is not a manifest`);
  }
  return m as unknown as Manifest;
}

/** A data file's bytes when they are there, whole, and the ones the manifest was written with. */
function checked(bytes: Uint8Array | undefined, name: string, length: number, crc: number): Uint8Array {
  if (!bytes || bytes.length !== length) throw new Error(`${name} missing or incomplete`);
  if (crc32(bytes) !== crc) throw new Error(`${name} is damaged or from another save`);
  return bytes;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A cache data file: a JSON head on one line, then raw bytes (the tail) starting at a multiple of
 * 4 bytes (the head is padded with spaces), so that they can be viewed as 32-bit integers.
 */
function frame(head: object, tail: Uint8Array): Buffer {
  const text = JSON.stringify(head);
  const length = Buffer.byteLength(text) + 1;
  return Buffer.concat([Buffer.from(`${text}${' '.repeat((4 - (length % 4)) % 4)}\n`), tail]);
}

/** Head and tail of a file written by frame (its checksum already verified). */
function unframe(bytes: Uint8Array, name: string): { head: unknown; tail: Buffer } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.indexOf(0x0a);
  if (end < 0 || (end + 1) % 4 !== 0) throw new Error(`${name} is corrupt`);
  return { head: JSON.parse(buffer.toString('utf8', 0, end)), tail: buffer.subarray(end + 1) };
}

/** model.bin: the files without their texts, then the texts one after the other as UTF-16. */
function encodeModel(files: CorpusFile[]): Buffer {
  const head = { files: files.map((file) => ({ ...file, text: '' })), lengths: files.map((file) => file.text.length) };
  return frame(head, Buffer.from(files.map((file) => file.text).join(''), 'utf16le'));
}

function decodeModel(bytes: Uint8Array): CorpusFile[] {
  const { head, tail } = unframe(bytes, MODEL);
  const { files, lengths } = isRecord(head) ? head : {};
  if (!Array.isArray(files) || !Array.isArray(lengths) || lengths.length !== files.length || !lengths.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error(`${MODEL} is not a model`);
  }
  const texts = tail.toString('utf16le');
  let at = 0;
  files.forEach((file: unknown, i) => {
    if (isRecord(file)) file.text = texts.slice(at, (at += lengths[i] as number));
    const problem = corpusFileProblem(file);
    if (problem) throw new Error(`${MODEL} is not a model (${problem})`);
  });
  if (at !== texts.length) throw new Error(`${MODEL} is corrupt`);
  return files as CorpusFile[];
}

/**
 * index.bin: the index, then its numbers (PackedMiniSearch.data) as raw integers in this machine's
 * byte order (a cache never leaves it).
 */
function encodeIndex(saved: SerializedIndex): Buffer {
  const { data, ...miniSearch } = saved.miniSearch;
  return frame({ ...saved, miniSearch }, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

function decodeIndex(bytes: Uint8Array): SerializedIndex {
  const { head, tail } = unframe(bytes, INDEX);
  if (tail.length % 4 !== 0 || !isRecord(head) || !isRecord(head.miniSearch)) throw new Error(`${INDEX} is corrupt`);
  // A view where the bytes are aligned for one (they are when the file was read whole), else a copy.
  const data =
    tail.byteOffset % 4 === 0
      ? new Int32Array(tail.buffer, tail.byteOffset, tail.length / 4)
      : new Int32Array(tail.buffer.slice(tail.byteOffset, tail.byteOffset + tail.length));
  // SearchIndex.load and unpackMiniSearch check the rest of its shape.
  return { ...head, miniSearch: { ...head.miniSearch, data } } as unknown as SerializedIndex;
}
