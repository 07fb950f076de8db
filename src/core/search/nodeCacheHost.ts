import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { CacheHost } from './cache';

/** The cache's host on a local file system: files in one folder, written aside then renamed. */
export function nodeCacheHost(dir: string): CacheHost {
  return {
    // Into shared memory: the models in a segment file are posted to other threads as they lie in
    // it, without a copy each (see cache.ts decodeSegment).
    async read(name) {
      const file = await fs.open(nodePath.join(dir, name), 'r').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (!file) return undefined;
      try {
        const { size } = await file.stat();
        const bytes = new Uint8Array(new SharedArrayBuffer(size));
        let at = 0;
        for (let n = 1; at < size && n > 0; at += n) n = (await file.read(bytes, at, size - at, at)).bytesRead;
        return bytes.subarray(0, at);
      } finally {
        await file.close();
      }
    },
    async write(name, data) {
      await fs.mkdir(dir, { recursive: true });
      const target = nodePath.join(dir, name);
      const aside = `${target}.${process.pid}.tmp`;
      await fs.writeFile(aside, data);
      await fs.rename(aside, target);
    },
    async list() {
      return fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      });
    },
    async remove(name) {
      await fs.rm(nodePath.join(dir, name), { force: true });
    },
  };
}
