import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import { CORPUS_EXTENSIONS } from '../core/corpus/read';
import { findFiles, nodeFolderHost } from '../core/corpus/find';
import { CorpusEngine } from '../core/engine/engine';
import { threadIndexer } from '../core/engine/indexerClient';
import { modelVersion } from '../core/engine/modelVersion';
import { nodeHost } from '../core/engine/nodeHost';
import { compileGlobs } from '../core/glob';
import type { CorpusFile } from '../core/model';
import { nodeCacheHost } from '../core/search/nodeCacheHost';
import { SearchStore } from '../core/search/store';
import { loadTokenizer } from '../core/search/tokenizer';
import type { SearchOptions, SearchResult } from '../core/search/types';
import { loadMetricKeys } from '../core/stats/metricKeyFile';
import type { MetricKeys } from '../core/stats/metricKey';

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

/** Where the commands keep their cache: the user's cache folder (default), another one, or none. */
export type CacheChoice = { dir: string } | 'default' | 'none';

let cacheChoice: CacheChoice = 'default';

/**
 * Takes the options every command has, --cache <dir> and --no-cache, out of its arguments (then
 * used by openCorpus); the error when one is wrong.
 */
export function takeCacheOptions(args: string[]): string[] | { error: string } {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--no-cache') cacheChoice = 'none';
    else if (args[i] === '--cache') {
      const dir = args[++i];
      if (dir === undefined || dir.startsWith('--')) return { error: '--cache needs a folder' };
      cacheChoice = { dir };
    } else rest.push(args[i]);
  }
  return rest;
}

/** The user's cache folder for statcite: %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS, else $XDG_CACHE_HOME or ~/.cache. */
export function userCacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return nodePath.join(env.LOCALAPPDATA || nodePath.join(home, 'AppData', 'Local'), 'statcite', 'cache');
  if (platform === 'darwin') return nodePath.join(home, 'Library', 'Caches', 'statcite');
  return nodePath.join(env.XDG_CACHE_HOME && nodePath.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : nodePath.join(home, '.cache'), 'statcite');
}

/** A corpus cache not used for this many days is removed (each takes about 4 times its corpus). */
export const CACHE_UNUSED_DAYS = 30;
const CACHE_FOLDER = /^corpus-[0-9a-f]{16}$/;
const MANIFEST = 'manifest.json';

/**
 * The cache folder of a corpus: one per set of corpus paths and metric aliases (a command with its
 * own aliases reads figures with other metric keys, and would otherwise rebuild the others' cache).
 */
function cacheFolder(paths: string[], metricKeys: MetricKeys): string | undefined {
  if (cacheChoice === 'none') return undefined;
  const root = cacheChoice === 'default' ? userCacheRoot() : nodePath.resolve(cacheChoice.dir);
  const key = createHash('sha1')
    .update([...paths.map((p) => nodePath.resolve(p))].sort().join('\n'))
    .update(`\n${metricKeys.signature}`)
    .digest('hex')
    .slice(0, 16);
  return nodePath.join(root, `corpus-${key}`);
}

/**
 * Marks the cache in `folder` used now (its manifest's time: a command that changes nothing does
 * not write it) and removes the caches beside it that no command used for CACHE_UNUSED_DAYS: one
 * per corpus ever searched would otherwise pile up. Only folders named as StatCite names them are
 * touched; failures are left for the next command.
 */
async function pruneCaches(folder: string): Promise<void> {
  const now = new Date();
  await fs.utimes(nodePath.join(folder, MANIFEST), now, now).catch(() => {});
  const root = nodePath.dirname(folder);
  const oldest = now.getTime() - CACHE_UNUSED_DAYS * 86_400_000;
  for (const name of await fs.readdir(root).catch(() => [])) {
    if (!CACHE_FOLDER.test(name) || name === nodePath.basename(folder)) continue;
    const dir = nodePath.join(root, name);
    const used = await fs.stat(nodePath.join(dir, MANIFEST)).then((s) => s.mtimeMs, () => fs.stat(dir).then((s) => s.mtimeMs, () => now.getTime()));
    if (used < oldest) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export interface CorpusOptions {
  /** The user's metric alias file (--metric-aliases). */
  metricAliases?: string;
  /** The user's jieba dictionary (--user-dictionary). */
  userDictionary?: string;
}

export interface Corpus {
  files: CorpusFile[];
  metricKeys: MetricKeys;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
}

/**
 * Reads the corpus the way the extension does (same engine, same metadata, the same cache: an
 * unchanged corpus is not read again), problems to stderr. New and changed files are indexed in a
 * second thread while the rest is read; the cache is saved before this resolves.
 */
export async function openCorpus(paths: string[], options: CorpusOptions = {}): Promise<Corpus> {
  const log = cliLog;
  const metricKeys = loadMetricKeys(options.metricAliases, log);
  const tokenizer = loadTokenizer({ userDictionary: options.userDictionary, log });
  const folder = cacheFolder(paths, metricKeys);
  const store = new SearchStore({
    tokenizer,
    indexer: threadIndexer(nodePath.join(__dirname, 'indexer.js'), { userDictionary: options.userDictionary }, tokenizer),
    cache: folder ? nodeCacheHost(folder) : undefined,
    modelVersion: modelVersion(__filename, metricKeys),
    log,
    metricKeys,
  });
  const engine = new CorpusEngine(nodeHost(log), log, { file: () => {}, removed: () => {}, progress: () => {} }, store, { metricKeys });
  const found = await expandPaths(paths);
  await engine.sync(found);
  await engine.settled();
  if (folder) await pruneCaches(folder);
  return {
    files: found.flatMap((p) => engine.get(p) ?? []),
    metricKeys,
    search: (query, searchOptions) => engine.search(query, searchOptions),
  };
}

/** The corpus's outlined files (see openCorpus). */
export async function loadCorpus(paths: string[], options?: CorpusOptions): Promise<CorpusFile[]> {
  return (await openCorpus(paths, options)).files;
}
