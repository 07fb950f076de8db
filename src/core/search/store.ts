/**
 * The search index as the engine holds it: the live SearchIndex plus its on-disk cache. The engine
 * restores the last run's files and index from it at start, feeds it file by file, and asks it to
 * save after changes; the store writes at most one cache at a time and coalesces the rest.
 */
import type { CorpusFile, Logger } from '../model';
import { loadCache, saveCache, type CacheHost, type CachedFile } from './cache';
import { SearchIndex } from './index';
import type { Tokenizer } from './tokenizer';
import type { SearchOptions, SearchResult } from './types';

export interface SearchStoreOptions {
  tokenizer: Tokenizer;
  /** Where the cache lives; none: no cache. */
  cache?: CacheHost;
  /** Changes when reading or statistics extraction changes; a cache from another one is rebuilt. */
  modelVersion: string;
  log: Logger;
}

export class SearchStore {
  private index: SearchIndex;
  /** Set while the cached index loads (or is rebuilt from the cached model): changes wait for it. */
  private loading?: Promise<void>;
  private saving?: Promise<void>;
  private pending?: () => CachedFile[];

  constructor(private readonly options: SearchStoreOptions) {
    this.index = SearchIndex.create(options.tokenizer);
  }

  /**
   * Loads the cache: resolves with the files it holds (with the stamp and hash they were read
   * with) as soon as the model is parsed; the index follows in the background (search and changes
   * wait for it). No cache or an unusable one: [] and the reason in the log.
   */
  async restore(): Promise<CachedFile[]> {
    const { cache, tokenizer, modelVersion, log } = this.options;
    if (!cache) return [];
    const started = Date.now();
    const loaded = await loadCache(cache, { model: modelVersion, tokenizer });
    if (!loaded.ok) {
      log.info(`search: reading the corpus afresh: ${loaded.reason}`);
      return [];
    }
    const files = [...loaded.files.values()];
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
        this.index = await this.rebuild(files);
      },
    );
    void this.loading.finally(() => (this.loading = undefined));
    return files;
  }

  /** Resolves once the index is loaded or rebuilt. */
  async ready(): Promise<void> {
    while (this.loading) await this.loading;
  }

  /** Resolves once no save is running (for tests, benchmarks and shutdown). */
  async saved(): Promise<void> {
    while (this.saving) await this.saving;
  }

  add(file: CorpusFile): void {
    this.whenLoaded(() => this.index.add(file));
  }

  remove(path: string): void {
    this.whenLoaded(() => this.index.remove(path));
  }

  /** Runs a change now, or after the index has loaded; a change that fails then is logged. */
  private whenLoaded(change: () => void): void {
    if (!this.loading) return change();
    void this.loading.then(change).catch((err: unknown) => this.options.log.error(`search: ${message(err)}`));
  }

  /** A fresh index of the cached files; those that cannot be indexed are left out, logged once. */
  private async rebuild(files: CachedFile[]): Promise<SearchIndex> {
    const index = SearchIndex.create(this.options.tokenizer);
    const failed: string[] = [];
    for (const { file } of files) {
      try {
        index.add(file);
      } catch (err) {
        failed.push(`${file.path} (${message(err)})`);
      }
      // Searches asked meanwhile are answered between files (from the empty index).
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (failed.length) this.options.log.error(`search: ${failed.length} cached files not indexed: ${failed.slice(0, 3).join(', ')}${failed.length > 3 ? ', …' : ''}`);
    return index;
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    await this.ready();
    return this.index.search(query, options);
  }

  /**
   * Saves the cache with the files the engine holds (asked for when a save starts, so a burst of
   * changes is written once). Never throws: a failed save is logged and the next start rebuilds.
   */
  save(files: () => CachedFile[]): Promise<void> {
    const { cache, tokenizer, modelVersion, log } = this.options;
    if (!cache) return Promise.resolve();
    this.pending = files;
    this.saving ??= (async () => {
      await this.ready();
      while (this.pending) {
        const next = this.pending;
        this.pending = undefined;
        const started = Date.now();
        try {
          await saveCache(cache, { model: modelVersion, tokenizer }, next(), this.index);
          log.info(`search: cache saved in ${Date.now() - started} ms`);
        } catch (err) {
          log.warn(`search: cache not saved: ${message(err)}`);
        }
      }
      this.saving = undefined;
    })();
    return this.saving;
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
