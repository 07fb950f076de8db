/**
 * The search index as the engine holds it: the live SearchIndex plus its on-disk cache. The engine
 * restores the last run's files and index from it at start, and hands it each file as it is read.
 * Files are indexed in batches, by an indexer (another thread in the worker): each batch becomes a
 * segment of the index, written to the cache at once with its files' models, and the manifest
 * follows, so a build that stops resumes after the last batch written. After a build, small
 * segments and those holding many replaced files are merged.
 */
import type { Logger } from '../model';
import { summaryOf } from '../corpus/packed';
import { CorpusCache, type CacheHost, type CachedFile } from './cache';
import { SearchIndex } from './index';
import { localIndexer, type Indexer } from './indexer';
import type { Segment } from './segment';
import type { MetricKeys } from '../stats/metricKey';
import type { Tokenizer } from './tokenizer';
import type { SearchOptions, SearchResult } from './types';

export interface SearchStoreOptions {
  tokenizer: Tokenizer;
  /** Where the cache lives; none: no cache. */
  cache?: CacheHost;
  /** Changes when reading or statistics extraction changes; a cache from another one is rebuilt. */
  modelVersion: string;
  log: Logger;
  /** Who cuts and packs the batches (default: this thread, with the tokenizer). */
  indexer?: Indexer;
  /** Documents that make a batch (default BATCH_DOCUMENTS). */
  batchDocuments?: number;
  /** How a query's metric words are keyed: the table the corpus's statistics were keyed with. */
  metricKeys?: MetricKeys;
}

/** A batch is indexed once it holds this many documents (about 70 news transcripts), or at the end of a read. */
const BATCH_DOCUMENTS = 8192;
/**
 * Batches sent to the indexer and not yet indexed, beyond which adding waits: one being cut, the
 * rest waiting their turn, so that the indexer never waits for the read. Without a bound, a read
 * faster than the indexer queued every batch at once (at ten times the benchmark corpus, the
 * indexer finished 35 s after the read, with hundreds of megabytes of documents waiting for it).
 */
const IN_FLIGHT = 4;
/** The manifest is written at most this often during a build (and always at its end). */
const COMMIT_MS = 1000;
/** Segments of fewer documents than this share of a batch are merged with their small neighbours after a build. */
const SMALL = 1 / 4;
/** A segment with fewer live documents than this share is rewritten without the others. */
const LIVE_SHARE = 0.5;

export class SearchStore {
  private index: SearchIndex;
  private readonly cache?: CorpusCache;
  private readonly indexer: Indexer;
  /** Set while the cached index loads (or is rebuilt from the cached model): changes wait for it. */
  private loading?: Promise<void>;
  /** The files read and not indexed yet, and how many documents they hold. */
  private batch: CachedFile[] = [];
  private batchDocuments = 0;
  /** Batches being indexed and written, one after the other. */
  private indexing: Promise<void> = Promise.resolve();
  private queued = 0;
  private indexed = 0;
  /** Batches sent to the indexer and not yet back, and who waits for fewer of them. */
  private inFlight = 0;
  private waitingForRoom: Array<() => void> = [];
  /** Every file the index holds, as read, packed (what segments and the manifest are written from). */
  private readonly files = new Map<string, CachedFile>();
  private lastCommit = 0;
  private saving?: Promise<void>;
  private pending?: () => CachedFile[];

  private readonly batchSize: number;

  constructor(private readonly options: SearchStoreOptions) {
    this.batchSize = options.batchDocuments ?? BATCH_DOCUMENTS;
    this.index = SearchIndex.create(options.tokenizer);
    this.cache = options.cache && new CorpusCache(options.cache, { model: options.modelVersion, tokenizer: options.tokenizer });
    this.indexer = options.indexer ?? localIndexer(options.tokenizer);
  }

  /**
   * Loads the cache: resolves with the files it holds (with the stamp and hash they were read
   * with; packed, none decoded) as soon as they are read; the index follows in the background (search and
   * changes wait for it). No cache or an unusable one: [] and the reason in the log, and the
   * indexer gets ready for the build to come.
   */
  async restore(): Promise<CachedFile[]> {
    const { log } = this.options;
    if (!this.cache) return [];
    const started = Date.now();
    const loaded = await this.cache.load();
    if (!loaded.ok) {
      log.info(`search: reading the corpus afresh: ${loaded.reason}`);
      this.indexer.warm();
      return [];
    }
    const files = [...loaded.files.values()];
    for (const file of files) this.files.set(file.path, file);
    log.info(`search: ${files.length} files from the cache in ${Date.now() - started} ms`);
    // Never rejects: an index that cannot be loaded is rebuilt, and a file that cannot be indexed
    // is logged and left out (a rejection here would have no one to catch it).
    this.loading = loaded.loadIndex().then(
      (index) => {
        this.index = index;
        log.info(`search: index of ${index.documentCount} entries from the cache in ${Date.now() - started} ms`);
      },
      async (err: unknown) => {
        log.info(`search: rebuilding the index: ${message(err)}`);
        await this.rebuild(files);
      },
    );
    void this.loading.finally(() => (this.loading = undefined));
    return files;
  }

  /** Resolves once the index holds every file added (and is loaded or rebuilt), reporting files indexed of those added. */
  async ready(progress?: (done: number, total: number) => void): Promise<void> {
    while (this.loading) await this.loading;
    this.flush();
    for (let last; last !== this.indexing; ) {
      last = this.indexing;
      if (progress && this.queued) progress(this.indexed, this.queued);
      await last;
    }
    if (progress && this.queued) progress(this.indexed, this.queued);
  }

  /** Resolves once no save is running (for tests, benchmarks and shutdown). */
  async saved(): Promise<void> {
    while (this.saving) await this.saving;
  }

  /** A file just read (with the stamp it was read with): indexed with its batch. A promise: wait for it before adding more. */
  add(entry: CachedFile): Promise<void> | undefined {
    this.whenLoaded(() => this.enqueue(entry));
    return this.room();
  }

  remove(path: string): void {
    this.whenLoaded(() => this.drop(path));
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    while (this.loading) await this.loading;
    return this.index.search(query, options, this.options.metricKeys);
  }

  /**
   * Saves the cache with the files the engine holds (asked for when a save starts, so a burst of
   * changes is written once), after merging what is worth merging. Never throws: a failed save is
   * logged and the next start rebuilds.
   */
  save(files: () => CachedFile[]): Promise<void> {
    if (!this.cache) return Promise.resolve();
    this.pending = files;
    this.saving ??= (async () => {
      await this.ready();
      while (this.pending) {
        const next = this.pending;
        this.pending = undefined;
        const started = Date.now();
        try {
          const all = next();
          for (const f of all) this.files.set(f.path, f);
          await this.compact();
          await this.cache!.commit(this.index, all);
          this.options.log.info(`search: cache saved in ${Date.now() - started} ms`);
        } catch (err) {
          this.options.log.warn(`search: cache not saved: ${message(err)}`);
        }
      }
      this.saving = undefined;
    })();
    return this.saving;
  }

  /** Runs a change now, or after the index has loaded; a change that fails then is logged. */
  private whenLoaded(change: () => void): void {
    if (!this.loading) return change();
    void this.loading.then(change).catch((err: unknown) => this.options.log.error(`search: ${message(err)}`));
  }

  private enqueue(entry: CachedFile): void {
    this.drop(entry.path);
    this.files.set(entry.path, entry);
    this.batch.push(entry);
    this.batchDocuments += summaryOf(entry.file).documents;
    this.queued++;
    if (this.batchDocuments >= this.batchSize) this.flush();
  }

  private drop(path: string): void {
    this.files.delete(path);
    const at = this.batch.findIndex((f) => f.path === path);
    if (at >= 0) {
      this.batchDocuments -= summaryOf(this.batch[at].file).documents;
      this.batch.splice(at, 1);
      this.queued--;
    }
    this.index.remove(path);
  }

  /** A fresh index of the cached files, in batches as a build makes it (changes wait meanwhile). */
  private async rebuild(files: CachedFile[]): Promise<void> {
    this.index = SearchIndex.create(this.options.tokenizer);
    this.files.clear();
    for (const file of files) {
      this.enqueue(file);
      await this.room();
    }
    this.flush();
    for (let last; last !== this.indexing; ) await (last = this.indexing);
  }

  /** Sends the files read since the last batch to the indexer; the segment is attached and written when it comes. */
  private flush(): void {
    if (!this.batch.length) return;
    const files = this.batch;
    this.batch = [];
    this.batchDocuments = 0;
    const index = this.index;
    const paths: string[] = [];
    const documents = files.flatMap((f) => {
      try {
        const fields = index.enter(f.file);
        paths.push(f.path);
        return fields;
      } catch (err) {
        this.options.log.error(`search: ${f.path} not indexed (${message(err)})`);
        return [];
      }
    });
    const built = this.indexer.build(documents);
    this.inFlight++;
    // Handled where the batches are taken in turn; here, only room is made for the next batch.
    built
      .catch(() => {})
      .finally(() => {
        this.inFlight--;
        for (const wake of this.waitingForRoom.splice(0)) wake();
      });
    this.indexing = this.indexing.then(async () => {
      try {
        const segment = await built;
        if (index !== this.index) return;
        index.attach(segment, paths);
        this.indexed += files.length;
        await this.write([segment], Date.now() - this.lastCommit >= COMMIT_MS);
      } catch (err) {
        this.options.log.error(`search: ${files.length} files not indexed (${message(err)})`);
      }
    });
  }

  /** Resolves once fewer than IN_FLIGHT batches are being indexed; nothing when there is room now. */
  private room(): Promise<void> | undefined {
    if (this.inFlight < IN_FLIGHT) return undefined;
    return new Promise<void>((resolve) => this.waitingForRoom.push(resolve)).then(() => this.room());
  }

  /** Writes segments to the cache, then (when asked) the manifest: a build that stops resumes from it. */
  private async write(segments: readonly Segment[], commit: boolean): Promise<void> {
    if (!this.cache) return;
    for (const segment of segments) await this.cache.writeSegment(this.index, segment, this.files);
    if (!commit) return;
    await this.cache.commit(this.index, this.files.values());
    this.lastCommit = Date.now();
  }

  /**
   * Merges runs of small segments (single changed files, the last batch of a build) and rewrites
   * segments most of whose documents were replaced: fewer segments to search and to load, no
   * dead postings. The merged segments are written before the manifest that lists them.
   */
  private async compact(): Promise<void> {
    let run: Segment[] = [];
    const close = (): void => {
      if (run.length > 1 || (run.length === 1 && this.index.liveShare(run[0]) < LIVE_SHARE)) this.index.merge(run);
      run = [];
    };
    for (const segment of [...this.index.segments()]) {
      const worn = this.index.liveShare(segment) < LIVE_SHARE;
      const small = segment.ids.length < SMALL * this.batchSize;
      if (!small && !worn) close();
      else run.push(segment);
      // A large segment ends a run: merging more into it would rewrite it for little.
      if (!small) close();
    }
    close();
    await this.write(this.index.segments().filter((s) => !this.cache!.has(s)), false);
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
