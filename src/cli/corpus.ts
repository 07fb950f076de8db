import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { CORPUS_FILE } from '../core/corpus/read';
import { CorpusEngine, type FileIndex } from '../core/engine/engine';
import { nodeHost } from '../core/engine/nodeHost';
import type { CorpusFile } from '../core/model';
import type { AnnotateOptions } from '../core/stats/annotate';


/** Files named on the command line, folders expanded recursively to their .md/.txt files. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = nodePath.resolve(p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new Error(`${p}: no such file or folder`);
    if (!stat.isDirectory()) {
      out.push(abs);
      continue;
    }
    for (const entry of await fs.readdir(abs, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && CORPUS_FILE.test(entry.name)) out.push(nodePath.join(entry.parentPath, entry.name));
    }
  }
  return [...new Set(out)].sort();
}

/** Problems go to stderr, prefixed with their severity. */
export const cliLog = { info: (): void => {}, warn: (m: string): void => console.error(`warning: ${m}`), error: (m: string): void => console.error(`error: ${m}`) };

/** Reads the corpus the way the extension does (same engine, same metadata), problems to stderr. */
export async function loadCorpus(paths: string[], index?: FileIndex, options?: AnnotateOptions): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const log = cliLog;
  const engine = new CorpusEngine(nodeHost(log), log, { file: (f) => void files.push(f), removed: () => {}, progress: () => {} }, index, options);
  await engine.sync(await expandPaths(paths));
  return files;
}
