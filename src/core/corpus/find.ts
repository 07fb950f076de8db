/**
 * Finding the corpus files by walking the file system: a few folders read at a time, each read
 * asynchronous, so nothing waits on a search service and nothing blocks the thread for long.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { Glob } from '../glob';
import { CORPUS_FILE } from './read';

export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder' | 'other';
}

/** What the walk needs from the file system. */
export interface FolderHost {
  /** A folder's entries, symbolic links as what they point at. */
  list(folder: string): Promise<FolderEntry[]>;
  /** The folder's real path: linked folders are walked once, and a link loop ends. */
  realPath(folder: string): Promise<string>;
}

/** A folder to walk; paths inside it are matched relative to it, with `/`. */
export interface CorpusRoot {
  folder: string;
  /** Which files belong; without it, every file whose name a corpus reader takes. */
  include?: Glob;
}

export interface FindOptions {
  exclude: Glob;
  /** Called as the count of files found grows. */
  onFound?(count: number): void;
  /** A folder that could not be read; the walk goes on without it. */
  onProblem?(folder: string, reason: string): void;
}

/** Folders read at the same time: enough to keep a slow disk busy, few enough to stay light. */
const PARALLEL = 8;
/** Entries matched in one turn before the walk lets other work run. */
const ENTRIES_PER_TURN = 2000;

/** Whether the walk goes into a folder (`path` below its root, with `/`): not hidden, not excluded, where the include may match. */
function entersFolder(root: CorpusRoot, exclude: Glob, path: string, name: string): boolean {
  if (name.startsWith('.') || exclude.matches(path) || exclude.matchesAllUnder(path)) return false;
  return !root.include || root.include.mayMatchUnder(path);
}

/** Whether a file of a folder the walk went into belongs to the corpus. */
function takesFile(root: CorpusRoot, exclude: Glob, path: string, name: string): boolean {
  return (root.include ? root.include.matches(path) : CORPUS_FILE.test(name)) && !exclude.matches(path);
}

/**
 * Whether findFiles would find the file at this absolute path (a file watcher's event: a watcher
 * sees all the include globs match, excluded folders too).
 */
export function isCorpusFile(roots: readonly CorpusRoot[], exclude: Glob, file: string): boolean {
  return roots.some((root) => {
    const relative = nodePath.relative(root.folder, file);
    if (!relative || relative.startsWith('..') || nodePath.isAbsolute(relative)) return false;
    const names = relative.split(nodePath.sep);
    for (let i = 1; i < names.length; i++) if (!entersFolder(root, exclude, names.slice(0, i).join('/'), names[i - 1])) return false;
    return takesFile(root, exclude, names.join('/'), names[names.length - 1]);
  });
}

/** Every corpus file under the roots, as sorted absolute paths. Hidden folders (.git …) are skipped. */
export async function findFiles(roots: readonly CorpusRoot[], host: FolderHost, options: FindOptions): Promise<string[]> {
  const found = new Set<string>();
  const visited = new Set<string>();
  type Job = { root: CorpusRoot; folder: string; relative: string };
  const queue: Job[] = roots.map((root) => ({ root, folder: root.folder, relative: '' }));

  async function visit({ root, folder, relative }: Job): Promise<void> {
    let entries: FolderEntry[];
    try {
      const real = await host.realPath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await host.list(folder);
    } catch (err) {
      // A folder gone while the walk went on is no problem; a root that is not there is.
      if (relative && (err as NodeJS.ErrnoException).code === 'ENOENT') return;
      options.onProblem?.(folder, err instanceof Error ? err.message : String(err));
      return;
    }
    let matched = 0;
    for (const { name, kind } of entries) {
      if (++matched % ENTRIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      const path = relative ? `${relative}/${name}` : name;
      if (kind === 'folder') {
        if (entersFolder(root, options.exclude, path, name)) queue.push({ root, folder: nodePath.join(folder, name), relative: path });
      } else if (kind === 'file' && takesFile(root, options.exclude, path, name)) {
        found.add(nodePath.join(folder, name));
      }
    }
    options.onFound?.(found.size);
  }

  await new Promise<void>((resolve) => {
    let running = 0;
    const pump = (): void => {
      while (running < PARALLEL && queue.length) {
        running++;
        void visit(queue.shift()!).finally(() => {
          running--;
          pump();
        });
      }
      if (!running && !queue.length) resolve();
    };
    pump();
  });
  return [...found].sort();
}

/** The walk on a local file system. */
export const nodeFolderHost: FolderHost = {
  async list(folder) {
    const out: FolderEntry[] = [];
    for (const e of await fs.readdir(folder, { withFileTypes: true })) {
      // Only links need a second look at what they point to.
      const target = e.isSymbolicLink() ? await fs.stat(nodePath.join(folder, e.name)).catch(() => undefined) : e;
      out.push({ name: e.name, kind: target?.isDirectory() ? 'folder' : target?.isFile() ? 'file' : 'other' });
    }
    return out;
  },
  realPath: (folder) => fs.realpath(folder),
};
