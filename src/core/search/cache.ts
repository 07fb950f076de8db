/**
 * The on-disk cache of the corpus model and its search index, so that reopening a workspace does
 * not re-read and re-index every file. In the cache folder:
 *   manifest.json  versions, the segment files with their length and CRC-32 and, per corpus file,
 *                  path, size, mtime, ctime, content hash and its segment; wrapped with a CRC-32 of
 *                  its body
 *   seg-….bin      one per segment of the index (segment.ts): a JSON head with the files of the
 *                  segment as packed (corpus/packed.ts) but for their bytes, their documents'
 *                  first slot and count (see SerializedSegment) and the segment's terms; then its
 *                  numbers as 32-bit integers; then the files' packed bytes, as they are
 * A segment is written as soon as its files are indexed, and the manifest after it: a build that
 * stops (a window reloaded, a crash) resumes from the files the manifest lists. Bulk data goes in
 * raw form after the JSON (see encodeSegment): parsing the models from JSON, decoding 36 MB of
 * Chinese text from UTF-8 and parsing ten million numbers from JSON were most of a warm start.
 * Files load packed and decode when read (nothing at a warm start reads them: the outline and the
 * index need their summaries), the index after them.
 *
 * Nothing read is trusted: every byte is covered by a checksum (a segment file by the manifest's
 * CRC, the manifest by its own), and what the JSON holds is checked for shape (modelCheck,
 * unpackSegment and the index's own checks) before anything uses it; the packed bytes were
 * written by this reader (the model version) under this V8 (its serialisation format). Anything
 * that does not fit (other versions, a torn, damaged or edited file, a missing one) means:
 * rebuild — the index alone when only it is unusable.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { lazyFile, packedOf, type PackedFile } from '../corpus/packed';
import type { CorpusFile, Metadata } from '../model';
import { INDEX_FORMAT, SearchIndex, type SerializedSegment } from './index';
import { packedFileProblem } from './modelCheck';
import type { Segment } from './segment';
import type { Tokenizer } from './tokenizer';

/** Bump when the layout of manifest.json or the segment files changes (the index goes with INDEX_FORMAT). */
const CACHE_FORMAT = 8;

/** What the cache needs from its host: whole files inside the cache folder. */
export interface CacheHost {
  /** The file's bytes, or undefined when it does not exist. */
  read(name: string): Promise<Uint8Array | undefined>;
  /** Replaces the file; the host makes it atomic (write aside, then rename) where it can. */
  write(name: string, data: Uint8Array): Promise<void>;
  /** The names of the files in the folder. */
  list(): Promise<string[]>;
  /** Deletes a file (none: nothing to do). */
  remove(name: string): Promise<void>;
}

/** A corpus file as cached: the stamp it was read with and its outlined model (packed: see corpus/packed.ts). */
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

interface SavedSegment {
  name: string;
  bytes: number;
  crc: number;
}

interface Manifest {
  format: number;
  model: string;
  /** The V8 that serialised the models: an older one may not read them. */
  v8: string;
  tokenizer: string;
  index: number;
  /** The number the next indexed document gets. */
  nextId: number;
  /** In the order their documents were numbered. */
  segments: SavedSegment[];
  files: Array<Omit<CachedFile, 'file'> & { segment: string }>;
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
const SEGMENT = /^seg-[0-9a-z-]+\.bin$/;

/** The content hash a cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Sidecar metadata changes what a file reads as without changing the file: it is keyed too. */
export function metadataHash(metadata: Metadata | undefined): string {
  return metadata ? createHash('sha1').update(JSON.stringify(metadata)).digest('hex') : '';
}

/**
 * One cache folder: loads it, writes segments as they are made and the manifest that lists them.
 * It knows which segment file holds which segment of the index, so that a commit lists only
 * files whose segment is written (the others are read again after a crash) and deletes the
 * segment files nothing lists any more.
 */
export class CorpusCache {
  private readonly saved = new WeakMap<Segment, SavedSegment>();
  /** Segment files the last manifest listed. */
  private listed = new Set<string>();
  /** Segment files written since, listed or not. */
  private readonly unlisted = new Set<string>();
  private written = 0;

  constructor(
    private readonly host: CacheHost,
    private readonly versions: CacheVersions,
  ) {}

  /** The cached corpus (and a way to its index), or why the cache cannot be used (then rebuild). */
  async load(): Promise<LoadedCache> {
    try {
      const manifestBytes = await this.host.read(MANIFEST);
      if (!manifestBytes) return { ok: false, reason: 'no cache yet' };
      const manifest = readManifest(manifestBytes);
      if (manifest.format !== CACHE_FORMAT) return { ok: false, reason: `cache format ${manifest.format}, expected ${CACHE_FORMAT}` };
      if (manifest.model !== this.versions.model) return { ok: false, reason: 'built by another version of the reader' };
      if (manifest.v8 !== process.versions.v8) return { ok: false, reason: 'built under another version of V8' };
      this.listed = new Set(manifest.segments.map((s) => s.name));
      await this.removeUnlisted();
      const held = new Map<string, Set<string>>(manifest.segments.map((s) => [s.name, new Set()]));
      for (const f of manifest.files) {
        const paths = held.get(f.segment);
        if (!paths) return { ok: false, reason: `cache lacks the segment of ${f.path}` };
        paths.add(f.path);
      }
      const files = new Map<string, CachedFile>();
      const segments: Array<{ saved: SavedSegment; index: SerializedSegment; files: Map<string, CorpusFile> }> = [];
      for (const saved of manifest.segments) {
        const decoded = decodeSegment(checked(await this.host.read(saved.name), saved.name, saved.bytes, saved.crc), saved.name, held.get(saved.name)!);
        segments.push({ saved, ...decoded });
      }
      for (const entry of manifest.files) {
        const file = segments.find((s) => s.saved.name === entry.segment)!.files.get(entry.path);
        if (!file) return { ok: false, reason: `cache lacks the model of ${entry.path}` };
        const { segment: _, ...stamp } = entry;
        files.set(entry.path, { ...stamp, file });
      }
      const loadIndex = async (): Promise<SearchIndex> => {
        if (manifest.index !== INDEX_FORMAT) throw new Error('index format changed');
        if (manifest.tokenizer !== this.versions.tokenizer.version) throw new Error('tokenizer or dictionary changed');
        const index = SearchIndex.create(this.versions.tokenizer, manifest.nextId);
        for (const { saved, index: serialized, files: models } of segments) {
          this.saved.set(index.loadSegment(serialized, models), saved);
        }
        return index;
      };
      return { ok: true, files, loadIndex };
    } catch (err) {
      return { ok: false, reason: `cache is corrupt (${err instanceof Error ? err.message : String(err)})` };
    }
  }

  /** Whether a segment of the index is written. */
  has(segment: Segment): boolean {
    return this.saved.has(segment);
  }

  /** Writes a segment of the index with the packed models of the files it holds (`files` by path). */
  async writeSegment(index: SearchIndex, segment: Segment, files: ReadonlyMap<string, CachedFile>): Promise<void> {
    const serialized = index.serialize(segment);
    const packed = serialized.files.map(([path]) => {
      const cached = files.get(path);
      if (!cached) throw new Error('search: a segment holds a file the engine does not');
      return packedOf(cached.file);
    });
    const bytes = encodeSegment(packed, serialized);
    const name = `seg-${process.pid.toString(36)}-${Date.now().toString(36)}-${(this.written++).toString(36)}.bin`;
    await this.host.write(name, bytes);
    this.unlisted.add(name);
    this.saved.set(segment, { name, bytes: bytes.length, crc: crc32(bytes) });
  }

  /**
   * Writes the manifest: the files whose segment is written (a file of a segment not written yet
   * is read again if the build stops before it is), then deletes the segment files written or
   * listed before that it does not list.
   */
  async commit(index: SearchIndex, files: Iterable<CachedFile>): Promise<void> {
    const entries: Manifest['files'] = [];
    const used = new Set<SavedSegment>();
    for (const { path, size, mtime, ctime, hash, sidecar } of files) {
      const segment = index.segmentOf(path);
      const saved = segment && this.saved.get(segment);
      if (!saved) continue;
      used.add(saved);
      entries.push({ path, size, mtime, ctime, hash, sidecar, segment: saved.name });
    }
    const manifest: Manifest = {
      format: CACHE_FORMAT,
      model: this.versions.model,
      v8: process.versions.v8,
      tokenizer: this.versions.tokenizer.version,
      index: INDEX_FORMAT,
      nextId: index.nextDocument,
      segments: index
        .segments()
        .map((s) => this.saved.get(s))
        .filter((s): s is SavedSegment => !!s && used.has(s)),
      files: entries,
    };
    const body = JSON.stringify(manifest);
    await this.host.write(MANIFEST, Buffer.from(JSON.stringify({ crc: crc32(body), manifest: body })));
    const before = [...this.listed, ...this.unlisted];
    this.listed = new Set(manifest.segments.map((s) => s.name));
    this.unlisted.clear();
    for (const name of before) if (!this.listed.has(name)) await this.host.remove(name);
  }

  /** Segment files no manifest lists (a build stopped before listing them, a crash mid-write). */
  private async removeUnlisted(): Promise<void> {
    for (const name of await this.host.list()) if (SEGMENT.test(name) && !this.listed.has(name)) await this.host.remove(name);
  }
}

/** Writes a whole index and its files at once (benchmarks, tests). */
export async function saveCache(host: CacheHost, versions: CacheVersions, files: CachedFile[], index: SearchIndex): Promise<void> {
  const cache = new CorpusCache(host, versions);
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const segment of index.segments()) await cache.writeSegment(index, segment, byPath);
  await cache.commit(index, files);
}

export function loadCache(host: CacheHost, versions: CacheVersions): Promise<LoadedCache> {
  return new CorpusCache(host, versions).load();
}

/** The manifest, when its checksum and its shape hold; else throws. */
function readManifest(bytes: Uint8Array): Manifest {
  const wrapper: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
  if (!isRecord(wrapper) || typeof wrapper.manifest !== 'string' || wrapper.crc !== crc32(wrapper.manifest)) {
    throw new Error(`${MANIFEST} is damaged`);
  }
  const m: unknown = JSON.parse(wrapper.manifest);
  const numbers = ['format', 'index', 'nextId'];
  const segmentOk = (s: unknown): boolean => isRecord(s) && typeof s.name === 'string' && SEGMENT.test(s.name) && typeof s.bytes === 'number' && typeof s.crc === 'number';
  const fileOk = (f: unknown): boolean =>
    isRecord(f) &&
    ['path', 'hash', 'sidecar', 'segment'].every((k) => typeof f[k] === 'string') &&
    ['size', 'mtime', 'ctime'].every((k) => typeof f[k] === 'number');
  if (
    !isRecord(m) ||
    typeof m.model !== 'string' ||
    typeof m.v8 !== 'string' ||
    typeof m.tokenizer !== 'string' ||
    !numbers.every((k) => typeof m[k] === 'number') ||
    !Array.isArray(m.segments) ||
    !m.segments.every(segmentOk) ||
    new Set(m.segments.map((s: { name: string }) => s.name)).size !== m.segments.length ||
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
 * A segment file: a JSON head on one line, padded with spaces so that what follows starts at a
 * multiple of 4 bytes; the segment's numbers as 32-bit integers in this machine's byte order (a
 * cache never leaves it); the files' packed bytes, as they are (written without re-serialising).
 */
function encodeSegment(files: PackedFile[], { data, ...index }: SerializedSegment): Buffer {
  const head = JSON.stringify({ files: files.map(({ bytes: _, ...fields }) => fields), lengths: files.map((f) => f.bytes.length), index, numbers: data.length });
  const length = Buffer.byteLength(head) + 1;
  return Buffer.concat([
    Buffer.from(`${head}${' '.repeat((4 - (length % 4)) % 4)}\n`),
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    ...files.map((f) => f.bytes),
  ]);
}

/**
 * A segment file's index part and the files in `wanted`, packed (their fields checked); the file
 * also holds those a later segment replaced, which are left out. The numbers and the files' bytes
 * are views into the file's bytes, in shared memory (copied there once unless the host read them
 * there): a copy of each was a tenth of a warm start. The segment file's memory then stays while
 * its index segment or any of its files does, in any thread: at most what the cache held at the
 * start, as long as a long session replaces files.
 */
function decodeSegment(read: Uint8Array, name: string, wanted: ReadonlySet<string>): { index: SerializedSegment; files: Map<string, CorpusFile> } {
  const bytes = read.buffer instanceof SharedArrayBuffer && read.byteOffset % 4 === 0 ? read : new Uint8Array(new SharedArrayBuffer(read.length));
  if (bytes !== read) bytes.set(read);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.indexOf(0x0a);
  if (end < 0 || (end + 1) % 4 !== 0) throw new Error(`${name} is corrupt`);
  const head: unknown = JSON.parse(buffer.toString('utf8', 0, end));
  const { files, lengths, index, numbers } = isRecord(head) ? head : {};
  if (
    !Array.isArray(files) ||
    !Array.isArray(lengths) ||
    lengths.length !== files.length ||
    !lengths.every((n) => Number.isInteger(n) && n >= 0) ||
    !isRecord(index) ||
    !Number.isInteger(numbers) ||
    (numbers as number) < 0 ||
    end + 1 + 4 * (numbers as number) > buffer.length
  ) {
    throw new Error(`${name} is not a segment`);
  }
  const at = end + 1;
  const data = new Int32Array(bytes.buffer, bytes.byteOffset + at, numbers as number);
  let offset = at + data.byteLength;
  if (offset + (lengths as number[]).reduce((n, l) => n + l, 0) !== buffer.length) throw new Error(`${name} is corrupt`);
  const models = new Map<string, CorpusFile>();
  files.forEach((file: unknown, i) => {
    const length = lengths[i] as number;
    const packed = bytes.subarray(offset, (offset += length));
    if (!isRecord(file) || typeof file.path !== 'string' || !wanted.has(file.path)) return;
    const problem = packedFileProblem(file, packed);
    if (problem) throw new Error(`${name} is not a model (${problem})`);
    models.set(file.path, lazyFile({ ...(file as unknown as Omit<PackedFile, 'bytes'>), bytes: packed }));
  });
  // SearchIndex.loadSegment and unpackSegment check the rest of its shape.
  return { index: { ...index, data } as unknown as SerializedSegment, files: models };
}
