import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { CacheHost } from './cache';

/** The cache's host on a local file system: files in one folder, written aside then renamed. */
export function nodeCacheHost(dir: string): CacheHost {
  return {
    async read(name) {
      try {
        return await fs.readFile(nodePath.join(dir, name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
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
