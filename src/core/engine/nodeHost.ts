import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { Metadata } from '../model';
import type { EngineHost, FileStamp } from './engine';

/** The engine's host on a local file system (worker thread, CLI). */
export function nodeHost(): EngineHost {
  return {
    readFile: (path) => fs.readFile(path),
    async stat(path): Promise<FileStamp> {
      const s = await fs.stat(path);
      if (!s.isFile()) throw new Error('not a file');
      return { size: s.size, mtime: s.mtimeMs };
    },
    sidecarMetadata: async (_path): Promise<Metadata | undefined> => undefined,
  };
}

export const SIDECAR = 'statcite.meta.json';
export const sidecarPath = (path: string): string => nodePath.join(nodePath.dirname(path), SIDECAR);
