import type { CorpusFile, Logger, Metadata } from '../model';
import { loadCorpusFile } from '../load';
import type { SearchOptions, SearchResult } from '../search/types';

/** Size and modification time: enough to tell that a file has not changed since it was read. */
export interface FileStamp {
  size: number;
  mtime: number;
}

/** What the engine needs from its host: file access. */
export interface EngineHost {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStamp>;
  /** Metadata for a file from a sidecar next to it; undefined when there is none. */
  sidecarMetadata(path: string): Promise<Metadata | undefined>;
}

/** Where the engine reports what it has read. */
export interface EngineListener {
  file(file: CorpusFile): void;
  removed(path: string): void;
  progress(done: number, total: number): void;
}

/** A search index that follows the corpus file by file. */
export interface FileIndex {
  add(file: CorpusFile): void;
  remove(path: string): void;
  search(query: string, options?: SearchOptions): SearchResult[];
}

/**
 * Keeps the corpus: reads each file once, re-reads only what changed, and feeds the index.
 * Runs in a worker thread under VS Code and in-process in the CLI and tests.
 */
export class CorpusEngine {
  private readonly files = new Map<string, { stamp: FileStamp; file: CorpusFile }>();

  constructor(
    private readonly host: EngineHost,
    private readonly log: Logger,
    private readonly listener: EngineListener,
    private readonly index?: FileIndex,
  ) {}

  /** Makes the corpus exactly these files: drops the others, reads the new and the changed. */
  async sync(paths: string[]): Promise<void> {
    const wanted = new Set(paths);
    for (const path of [...this.files.keys()]) if (!wanted.has(path)) this.remove(path);
    await this.readAll(paths, false);
  }

  /** Re-reads these files whatever their stamp (they were reported changed), or drops them if gone. */
  async update(paths: string[]): Promise<void> {
    await this.readAll(paths, true);
  }

  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.index?.search(query, options) ?? [];
  }

  get(path: string): CorpusFile | undefined {
    return this.files.get(path)?.file;
  }

  private async readAll(paths: string[], force: boolean): Promise<void> {
    let done = 0;
    for (const path of paths) {
      await this.read(path, force);
      this.listener.progress(++done, paths.length);
      // Let queued requests (a search while typing) run between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async read(path: string, force: boolean): Promise<void> {
    let stamp: FileStamp;
    try {
      stamp = await this.host.stat(path);
    } catch {
      this.remove(path);
      return;
    }
    const known = this.files.get(path);
    if (!force && known && known.stamp.size === stamp.size && known.stamp.mtime === stamp.mtime) return;
    let file: CorpusFile;
    try {
      const [bytes, metadata] = await Promise.all([this.host.readFile(path), this.host.sidecarMetadata(path)]);
      file = loadCorpusFile(bytes, path, metadata);
    } catch (err) {
      file = unreadable(path, err);
    }
    for (const problem of file.problems) {
      const line = `${path}: ${problem.message}`;
      if (problem.severity === 'error') this.log.error(line);
      else if (problem.severity === 'warning') this.log.warn(line);
    }
    this.files.set(path, { stamp, file });
    this.index?.remove(path);
    this.index?.add(file);
    this.listener.file(file);
  }

  private remove(path: string): void {
    if (!this.files.delete(path)) return;
    this.index?.remove(path);
    this.listener.removed(path);
  }
}

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
