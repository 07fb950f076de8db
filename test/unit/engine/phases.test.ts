/**
 * What the engine tells its host while it works: every file for the outline before any indexing
 * (the index's first file waits seconds for jieba's dictionary), the phases in order, and one log
 * line that says where the time went.
 */
import { describe, expect, it } from 'vitest';
import { CorpusEngine, type EngineHost, type FileIndex } from '../../../src/core/engine/engine';

const texts = new Map(Array.from({ length: 5 }, (_, i) => [`/c/${i}.txt`, `报告${i}\n\n某省委政法委\n\n全年办理案件${100 + i}件。\n`]));
const host: EngineHost = {
  readFile: async (p) => Buffer.from(texts.get(p)!),
  stat: async (p) => ({ size: Buffer.byteLength(texts.get(p)!), mtime: 1, ctime: 1 }),
  sidecarMetadata: async () => undefined,
};

function run() {
  const events: string[] = [];
  const lines: string[] = [];
  const index: FileIndex = {
    add: (file) => void events.push(`index ${file.path}`),
    remove: () => {},
    search: () => [],
    save: async () => void events.push('saved'),
  };
  const log = { info: (m: string) => lines.push(m), warn: () => {}, error: () => {} };
  const engine = new CorpusEngine(
    host,
    log,
    {
      file: (f) => void events.push(`file ${f.path}`),
      removed: (p) => void events.push(`removed ${p}`),
      progress: (done, total) => void events.push(`progress ${done}/${total}`),
      phase: (p) => void events.push(`phase ${p}`),
    },
    index,
  );
  return { engine, events, lines };
}

describe('the engine at work', () => {
  it('outlines every file before it indexes any', async () => {
    const { engine, events } = await run();
    await engine.sync([...texts.keys()]);
    const firstIndexed = events.findIndex((e) => e.startsWith('index '));
    const lastShown = events.map((e) => e.startsWith('file ')).lastIndexOf(true);
    expect(events.filter((e) => e.startsWith('file '))).toHaveLength(5);
    expect(events.filter((e) => e.startsWith('index '))).toHaveLength(5);
    expect(lastShown).toBeLessThan(firstIndexed);
  });

  it('reports reading, indexing and saving in turn, with counts, then idle', async () => {
    const { engine, events } = await run();
    await engine.sync([...texts.keys()]);
    await engine.settled();
    const phases = events.filter((e) => e.startsWith('phase ') || e === 'saved' || e.startsWith('progress 5/'));
    expect(phases).toEqual(['phase reading', 'progress 5/5', 'phase indexing', 'progress 5/5', 'phase saving', 'saved', 'phase idle']);
  });

  it('logs one line per read with its counts and where the time went', async () => {
    const { engine, lines } = await run();
    await engine.sync([...texts.keys()]);
    await engine.settled();
    await engine.sync([...texts.keys()].slice(1));
    expect(lines[0]).toMatch(/^corpus: 5 files in \d+\.\d s: 5 read \(disk \d+\.\d s, outline and statistics \d+\.\d s, shown \d+\.\d s, index \d+\.\d s\), 0 unchanged, 0 removed$/);
    expect(lines[1]).toMatch(/^corpus: 4 files in .*: 0 read \(.*\), 4 unchanged, 1 removed$/);
  });
});
