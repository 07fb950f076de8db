import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { CORPUS_EXTENSIONS } from '../core/corpus/read';
import { findFiles, nodeFolderHost } from '../core/corpus/find';
import { CorpusEngine, type FileIndex } from '../core/engine/engine';
import { nodeHost } from '../core/engine/nodeHost';
import { compileGlobs } from '../core/glob';
import type { CorpusFile } from '../core/model';
import type { AnnotateOptions } from '../core/stats/annotate';

/** What a command says when the paths hold no file it reads. */
export const NO_CORPUS_FILES = `no corpus files (${CORPUS_EXTENSIONS.map((e) => `.${e}`).join(' ')}) found`;

/** Files named on the command line, folders expanded to their corpus files (hidden folders left out). */
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
    out.push(...(await findFiles([{ folder: abs }], nodeFolderHost, { exclude: compileGlobs([]) })));
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
