import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CACHE_UNUSED_DAYS, takeCacheOptions, userCacheRoot } from '../../../src/cli/corpus';
import { run } from '../../../src/cli/search';
import { capture } from '../console';

const FIXTURE = path.join(__dirname, '../../fixtures/workspace/corpus');
const SAMPLE = '000_fadfd726848b77a0.txt';

afterEach(() => vi.restoreAllMocks());

/** Files changed this recently are read again to be sure of them (see RACY_MS in engine.ts). */
const RACY_MS = 3000;

/** A copy of the fixture corpus the test may change, and an empty cache folder. */
async function setup(settled: boolean): Promise<{ corpus: string; cache: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statcite-cli-cache-'));
  const corpus = path.join(dir, 'corpus');
  await fs.cp(FIXTURE, corpus, { recursive: true });
  if (settled) await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  return { corpus, cache: path.join(dir, 'cache') };
}

/** A search's JSON results, and the corpus files it read from disk. */
async function search(query: string, corpus: string): Promise<{ results: Array<{ id: string; snippet: string }>; read: string[] }> {
  const readFile = vi.spyOn(fs, 'readFile');
  const { out } = capture();
  expect(await run([query, '--corpus', corpus, '--json'])).toBe(0);
  const read = readFile.mock.calls.map(([p]) => String(p)).filter((p) => p.startsWith(corpus) && !p.endsWith('.json'));
  vi.restoreAllMocks();
  return { results: JSON.parse(out.join('\n')), read };
}

describe('the CLI cache', () => {
  it('keeps a cache in --cache <dir>: a second search over an unchanged corpus reads no file, a changed file is read again', async () => {
    const { corpus, cache } = await setup(true);
    expect(takeCacheOptions(['--cache', cache, '复吸率'])).toEqual(['复吸率']);
    const first = await search('复吸率', corpus);
    expect(first.read).toEqual([path.join(corpus, SAMPLE)]);
    expect(first.results.length).toBeGreaterThan(0);
    const [folder] = await fs.readdir(cache);
    expect(folder).toMatch(/^corpus-/);
    expect((await fs.readdir(path.join(cache, folder))).length).toBeGreaterThan(1);

    const second = await search('复吸率', corpus);
    expect(second.read).toEqual([]);
    expect(second.results).toEqual(first.results);

    await fs.appendFile(path.join(corpus, SAMPLE), '\n\n新增段落：社区矫正对象再犯罪率保持在0.2%以下。\n');
    const changed = await search('社区矫正', corpus);
    expect(changed.read).toEqual([path.join(corpus, SAMPLE)]);
    expect(changed.results.some((r) => r.snippet.includes('再犯罪率'))).toBe(true);
  });

  it('--no-cache reads every file and writes no cache; --cache without a folder is an error', async () => {
    const { corpus, cache } = await setup(false);
    takeCacheOptions(['--cache', cache]);
    await search('复吸率', corpus);
    const written = await fs.readdir(cache);
    takeCacheOptions(['--no-cache']);
    for (let i = 0; i < 2; i++) expect((await search('复吸率', corpus)).read).toEqual([path.join(corpus, SAMPLE)]);
    expect(await fs.readdir(cache)).toEqual(written);
    expect(takeCacheOptions(['--cache'])).toEqual({ error: '--cache needs a folder' });
    expect(takeCacheOptions(['--cache', '--json'])).toEqual({ error: '--cache needs a folder' });
  });

  it('removes the caches of corpora not used for a while, and nothing else in the folder', async () => {
    const { corpus, cache } = await setup(true);
    takeCacheOptions(['--cache', cache]);
    await search('复吸率', corpus);
    const [used] = await fs.readdir(cache);
    const days = (n: number): Date => new Date(Date.now() - n * 86_400_000);
    // A corpus searched long ago, one searched lately, and what is not a corpus cache of StatCite's.
    const stale = path.join(cache, 'corpus-0123456789abcdef');
    const recent = path.join(cache, 'corpus-fedcba9876543210');
    const other = path.join(cache, 'corpus-notes');
    for (const dir of [stale, recent, other]) {
      await fs.mkdir(dir);
      await fs.writeFile(path.join(dir, 'manifest.json'), '{}');
    }
    await fs.utimes(path.join(stale, 'manifest.json'), days(CACHE_UNUSED_DAYS + 1), days(CACHE_UNUSED_DAYS + 1));
    await fs.utimes(path.join(recent, 'manifest.json'), days(CACHE_UNUSED_DAYS - 1), days(CACHE_UNUSED_DAYS - 1));
    await fs.utimes(path.join(other, 'manifest.json'), days(CACHE_UNUSED_DAYS + 1), days(CACHE_UNUSED_DAYS + 1));
    // The cache in use counts as used by every search, even one that changes nothing in it.
    await fs.utimes(path.join(cache, used, 'manifest.json'), days(CACHE_UNUSED_DAYS + 1), days(CACHE_UNUSED_DAYS + 1));
    expect((await search('复吸率', corpus)).read).toEqual([]);
    expect((await fs.readdir(cache)).sort()).toEqual([used, path.basename(other), path.basename(recent)].sort());
  });

  it('by default lives in the user cache folder of the platform', () => {
    expect(userCacheRoot({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache/statcite');
    expect(userCacheRoot({}, 'linux', '/home/u')).toBe('/home/u/.cache/statcite');
    expect(userCacheRoot({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/statcite');
    expect(userCacheRoot({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toBe(path.join('C:\\L', 'statcite', 'cache'));
  });
});
