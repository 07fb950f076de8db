import type { CorpusFile, Logger, Metadata } from '../model';
import { lazyFile, pack, summaryOf } from '../corpus/packed';
import { loadAnyFile } from '../load';
import type { AnnotateOptions } from '../stats/annotate';
import { contentHash, metadataHash, type CachedFile } from '../search/cache';
import type { SearchOptions, SearchResult } from '../search/types';

/**
 * What tells, without reading it, that a file has not changed since it was read. Size and mtime
 * alone miss an edit that keeps the size and sets the mtime back (an editor or a tool restoring
 * it, a checkout); the change time (ctime) cannot be set back, as setting the mtime moves it. So a
 * file whose stamp matches is not read; any other is read and hashed, and outlined again only when
 * its content changed. Hashing every file on every start instead would cost about 200–400 ms on
 * the 37 MiB benchmark corpus (read + SHA-1 of 1,424 files, against 30–40 ms to stat them): most
 * of the warm start's budget, for nothing the change time does not already tell.
 */
export interface FileStamp {
  size: number;
  mtime: number;
  /** The inode change time; RACY when the stamp was taken too close to a write to be trusted. */
  ctime: number;
}

/**
 * A file stamped within this many milliseconds of its last change may be written again within the
 * same clock tick (FAT counts 2 s, HFS+ 1 s) without its stamp showing it: such a stamp is kept as
 * racy, and the next comparison reads the file (as git does with its index).
 */
const RACY_MS = 3000;
const RACY = -1;

/** What the engine needs from its host: file access. */
export interface EngineHost {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStamp>;
  /** Metadata for a file from a sidecar next to it; undefined when there is none. */
  sidecarMetadata(path: string): Promise<Metadata | undefined>;
  /** A read begins: what the host remembers of the file system from the last one is stale. */
  begin?(): void;
}

/** What the engine is busy with; 'idle' once the index is ready and the cache saved. */
export type EnginePhase = 'reading' | 'indexing' | 'saving' | 'idle';

/** Where the engine reports what it has read. */
export interface EngineListener {
  /**
   * A promise means "wait before sending more" (the receiver paces a warm start). `cached`: kept
   * from the last run, not decoded (reading its model decodes it; see corpus/packed.ts).
   */
  file(file: CorpusFile, cached?: boolean): void | Promise<void>;
  removed(path: string): void;
  progress(done: number, total: number): void;
  phase?(phase: EnginePhase): void;
}

/** A search index that follows the corpus file by file, and may keep it across runs. */
export interface FileIndex {
  /**
   * A file just read, with the stamp it was read with: indexed in the background (see ready). A
   * promise means "wait before adding more": the indexer is behind, and what waits for it is memory.
   */
  add(entry: CachedFile): void | Promise<void>;
  remove(path: string): void;
  search(query: string, options?: SearchOptions): SearchResult[] | Promise<SearchResult[]>;
  /**
   * Resolves once every file added is indexed (an index kept from the last run may still be
   * loading), reporting files indexed of those added meanwhile.
   */
  ready?(progress?: (done: number, total: number) => void): Promise<void>;
  /** The files kept from the last run, with the stamps they were read with; their index comes back with them. */
  restore?(): Promise<CachedFile[]>;
  /** Keeps the files (asked for when the save starts) and the index for the next run. */
  save?(files: () => CachedFile[]): Promise<void>;
}

/**
 * A file as the engine holds it: the stamp, content hash and sidecar metadata it was read with, and
 * the file packed (corpus/packed.ts: what runs for every file reads its summary, never its model).
 */
interface Entry {
  stamp: FileStamp;
  hash: string;
  sidecar: string;
  file: CorpusFile;
}

/** At most one progress report per this many milliseconds. */
const PROGRESS_MS = 50;
/**
 * Files whose stamps are asked for together: one at a time, each waited for a turn of the file
 * system's threads (0.6 s for the 14,230 files of a warm start at ten times the benchmark corpus;
 * 0.07 s 64 at a time).
 */
const STAT_BATCH = 64;
/** Queued requests (a search while typing) run at least this often during a read. */
const YIELD_MS = 10;

/** Where a read's time went, for the log. */
interface Tally {
  read: number;
  unchanged: number;
  removed: number;
  diskMs: number;
  outlineMs: number;
  /** Waiting for the receiver to take the outlines (it paces the read). */
  shownMs: number;
}

/**
 * Keeps the corpus: reads each file once, re-reads only what changed, and feeds the index.
 * Runs in a worker thread under VS Code and in-process in the CLI and tests.
 */
export class CorpusEngine {
  private readonly files = new Map<string, Entry>();
  private restored = false;
  /** The file holding each article id, to report files whose ids collide (see ids.ts). */
  private readonly articleOwners = new Map<string, string>();
  private readonly reportedClashes = new Set<string>();
  /** Counts syncs and updates: only the latest one reports the phases after its read. */
  private runs = 0;
  private tally: Tally = newTally();
  private settling: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: EngineHost,
    private readonly log: Logger,
    private readonly listener: EngineListener,
    private readonly index?: FileIndex,
    private readonly options: AnnotateOptions = {},
  ) {}

  /** Makes the corpus exactly these files: drops the others, reads the new and the changed. */
  async sync(paths: string[]): Promise<void> {
    const run = this.begin();
    const started = Date.now();
    const wanted = new Set(paths);
    await this.restore(wanted);
    let changed = false;
    for (const path of [...this.files.keys()]) if (!wanted.has(path)) changed = this.remove(path) || changed;
    changed = (await this.readAll(paths, false)) || changed;
    this.report(paths.length, started);
    this.settling = this.settle(run, changed);
  }

  /** Re-reads these files whatever their stamp (they were reported changed), or drops them if gone. */
  async update(paths: string[]): Promise<void> {
    const run = this.begin();
    const started = Date.now();
    const changed = await this.readAll(paths, true);
    this.report(paths.length, started);
    this.settling = this.settle(run, changed);
  }

  /** Resolves once the files read so far are indexed (the cache may still be saving). */
  async indexed(): Promise<void> {
    await this.index?.ready?.();
  }

  /** Resolves once the index is ready and the cache saved after the last sync or update. */
  async settled(): Promise<void> {
    for (let last; last !== this.settling; ) await (last = this.settling);
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    return (await this.index?.search(query, options)) ?? [];
  }

  get(path: string): CorpusFile | undefined {
    return this.files.get(path)?.file;
  }

  /**
   * Once, before the first sync: the files kept from the last run (wanted ones are shown at once;
   * the sync then re-reads only those whose stamp, content or sidecar changed).
   */
  private async restore(wanted: Set<string>): Promise<void> {
    if (this.restored || !this.index?.restore) return;
    this.restored = true;
    for (const { path, size, mtime, ctime, hash, sidecar, file } of await this.index.restore()) {
      if (!wanted.has(path)) {
        this.index.remove(path);
        continue;
      }
      this.files.set(path, { stamp: { size, mtime, ctime }, hash, sidecar, file });
      this.own(file);
      // Cached files come far faster than the host can take them: the listener sets the pace.
      await this.listener.file(file, true);
    }
  }

  private begin(): number {
    this.host.begin?.();
    this.tally = newTally();
    this.listener.phase?.('reading');
    return ++this.runs;
  }

  /** One log line per read: how many files, and whether the disk, the outline or the index took the time. */
  private report(total: number, started: number): void {
    const { read, unchanged, removed, diskMs, outlineMs, shownMs } = this.tally;
    const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    this.log.info(
      `corpus: ${total} files in ${s(Date.now() - started)}: ${read} read (disk ${s(diskMs)}, outline and statistics ${s(outlineMs)}, ` +
        `shown ${s(shownMs)}), ${unchanged} unchanged, ${removed} removed`,
    );
  }

  /**
   * After a read: the index finishing (one kept from the last run may still load), then the cache
   * saved when anything changed. A later read takes over the reporting, never the saving.
   */
  private async settle(run: number, changed: boolean): Promise<void> {
    const phase = (p: EnginePhase): void => {
      if (run === this.runs) this.listener.phase?.(p);
    };
    if (this.index?.ready) {
      phase('indexing');
      const started = Date.now();
      await this.index.ready((done, total) => run === this.runs && this.listener.progress(done, total));
      if (changed) this.log.info(`search: indexed in ${((Date.now() - started) / 1000).toFixed(1)} s after the read`);
    }
    if (changed) {
      phase('saving');
      await this.save();
    }
    phase('idle');
  }

  private save(): Promise<void> | undefined {
    return this.index?.save?.(() => [...this.files].map(([path, entry]) => cached(path, entry)));
  }

  /** Reads the files that need it; true when any file was read, dropped or re-stamped. */
  private async readAll(paths: string[], force: boolean): Promise<boolean> {
    let done = 0;
    let changed = false;
    let reported = 0;
    let yielded = Date.now();
    for (let at = 0; at < paths.length; at += STAT_BATCH) {
      const batch = paths.slice(at, at + STAT_BATCH);
      // A stamp taken before a file of the batch changes is older than what is read: the next
      // read then finds the file touched, and its hash tells whether it changed.
      const stamps = await Promise.all(batch.map((path) => this.host.stat(path).catch(() => undefined)));
      for (let i = 0; i < batch.length; i++) {
        const stamp = stamps[i];
        changed = (stamp ? await this.read(batch[i], stamp, force) : this.remove(batch[i])) || changed;
        // Unchanged files go by in microseconds: a progress message for each would reach the host
        // as one long burst, and a turn of the event loop for each would be most of a warm start.
        if (++done === paths.length || Date.now() - reported >= PROGRESS_MS) {
          this.listener.progress(done, paths.length);
          reported = Date.now();
        }
        if (Date.now() - yielded >= YIELD_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          yielded = Date.now();
        }
      }
    }
    return changed;
  }

  private async read(path: string, stamp: FileStamp, force: boolean): Promise<boolean> {
    const known = this.files.get(path);
    // A sidecar changes what a file reads as without touching the file.
    const metadata = await this.host.sidecarMetadata(path).catch(() => undefined);
    const sidecar = metadataHash(metadata);
    if (!force && known && known.sidecar === sidecar && sameStamp(known.stamp, stamp)) {
      this.tally.unchanged++;
      return false;
    }
    let read: CorpusFile;
    let hash = '';
    try {
      let started = Date.now();
      const bytes = await this.host.readFile(path);
      hash = contentHash(bytes);
      this.tally.diskMs += Date.now() - started;
      // Touched but not changed (a checkout, a save without edits): keep what was read.
      if (!force && known && known.hash === hash && known.sidecar === sidecar) {
        known.stamp = kept(stamp);
        this.tally.unchanged++;
        return true;
      }
      started = Date.now();
      read = await loadAnyFile(bytes, path, metadata, this.options);
      this.tally.outlineMs += Date.now() - started;
    } catch (err) {
      read = unreadable(path, err);
    }
    // Packed once, here; the model just read stays decoded while it is used.
    const file = lazyFile(pack(read), read);
    for (const problem of file.problems) {
      const line = `${path}: ${problem.message}`;
      if (problem.severity === 'error') this.log.error(line);
      else if (problem.severity === 'warning') this.log.warn(line);
    }
    if (known) this.disown(known.file);
    const entry: Entry = { stamp: kept(stamp), hash, sidecar, file };
    this.files.set(path, entry);
    this.own(file);
    this.tally.read++;
    const shown = Date.now();
    await this.listener.file(file);
    this.tally.shownMs += Date.now() - shown;
    // Indexed in the background (another thread in the worker): the outline never waits for it.
    await this.index?.add(cached(path, entry));
    return true;
  }

  private remove(path: string): boolean {
    const known = this.files.get(path);
    if (!known) return false;
    this.files.delete(path);
    this.disown(known.file);
    this.tally.removed++;
    this.index?.remove(path);
    this.listener.removed(path);
    return true;
  }

  /** Claims the file's article ids; a clash with another file is reported once per pair. */
  private own(file: CorpusFile): void {
    for (const id of summaryOf(file).articles) {
      const owner = this.articleOwners.get(id);
      if (owner === undefined) this.articleOwners.set(id, file.path);
      else if (owner !== file.path && !this.reportedClashes.has(`${owner}\0${file.path}`)) {
        this.reportedClashes.add(`${owner}\0${file.path}`);
        this.log.warn(
          `${file.path}: gives the same ids as ${owner} (the same name below a corpus folder, the same titles), so citations cannot tell the two apart: rename one of them (see README, Stable ids)`,
        );
      }
    }
  }

  private disown(file: CorpusFile): void {
    for (const id of summaryOf(file).articles) if (this.articleOwners.get(id) === file.path) this.articleOwners.delete(id);
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.ctime !== RACY && a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime;
}

/** The stamp to keep for a file just read: racy when taken right after a write. */
function kept(stamp: FileStamp): FileStamp {
  return Date.now() - Math.max(stamp.mtime, stamp.ctime) < RACY_MS ? { ...stamp, ctime: RACY } : stamp;
}

function newTally(): Tally {
  return { read: 0, unchanged: 0, removed: 0, diskMs: 0, outlineMs: 0, shownMs: 0 };
}

const cached = (path: string, { stamp, hash, sidecar, file }: Entry): CachedFile => ({ path, ...stamp, hash, sidecar, file });

/** A file that could not be read still shows, with the reason. */
function unreadable(path: string, err: unknown): CorpusFile {
  const reason = err instanceof Error ? err.message : String(err);
  return {
    path,
    encoding: 'unknown',
    text: '',
    metadata: {},
    articles: [],
    problems: [{ severity: 'error', message: `cannot be read: ${reason}` }],
  };
}
