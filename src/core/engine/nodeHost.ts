import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { parseSidecar, sidecarMetadata, SIDECAR_NAME, type Sidecar } from '../corpus/metadata';
import type { Logger, Metadata } from '../model';
import type { EngineHost, FileStamp } from './engine';

/** The engine's host on a local file system (worker thread, CLI). */
export function nodeHost(log: Logger): EngineHost {
  // Parsed sidecars by path, re-read when their mtime changes.
  const sidecars = new Map<string, { mtime: number; sidecar: Sidecar }>();
  // During one read, by path: every file of a folder looks for the same sidecars (the folder's,
  // then each one above it), which made most of a warm start's calls to the file system.
  let looked = new Map<string, Promise<Sidecar | undefined>>();

  function sidecarAt(path: string): Promise<Sidecar | undefined> {
    let found = looked.get(path);
    if (!found) looked.set(path, (found = readSidecar(path)));
    return found;
  }

  async function readSidecar(path: string): Promise<Sidecar | undefined> {
    const stat = await fs.stat(path).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    const known = sidecars.get(path);
    if (known && known.mtime === stat.mtimeMs) return known.sidecar;
    const { sidecar, problems } = parseSidecar(await fs.readFile(path, 'utf8'), path);
    for (const p of problems) log.warn(`${path}: ${p.message}`);
    sidecars.set(path, { mtime: stat.mtimeMs, sidecar });
    return sidecar;
  }

  return {
    begin() {
      looked = new Map();
    },
    readFile: (path) => fs.readFile(path),
    async stat(path): Promise<FileStamp> {
      const s = await fs.stat(path);
      if (!s.isFile()) throw new Error('not a file');
      return { size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs };
    },
    /** The nearest statcite.meta.json in the file's folder or above it applies. */
    async sidecarMetadata(path): Promise<Metadata | undefined> {
      for (let dir = nodePath.dirname(path); ; dir = nodePath.dirname(dir)) {
        const sidecar = await sidecarAt(nodePath.join(dir, SIDECAR_NAME));
        if (sidecar) return sidecarMetadata(sidecar, path);
        if (nodePath.dirname(dir) === dir) return undefined;
      }
    },
  };
}
