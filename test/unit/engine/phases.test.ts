/**
 * What the engine tells its host while it works: every file for the outline as soon as it is read,
 * never waiting for the index (it is built in another thread, and its first batch may wait seconds
 * for jieba's dictionary), the phases in order, and log lines that say where the time went.
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
  let added = 0;
  // An index that takes its time: nothing is indexed until the read is over.
  let release = (): void => {};
  const indexed = new Promise<void>((resolve) => (release = resolve));
  const index: FileIndex = {
    add: (entry) => {
      added++;
      events.push(`index ${entry.path}`);
    },
    remove: () => {},
    search: () => [],
    ready: async (progress) => {
      await indexed;
      progress?.(added, added);
    },
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
  return { engine, events, lines, release };
}

describe('the engine at work', () => {
  it('shows each file as it is read, and hands it to the index after: the outline never waits for the index', async () => {
    const { engine, events, release } = await run();
    await engine.sync([...texts.keys()]);
    expect(events.filter((e) => e.startsWith('file ') || e.startsWith('index '))).toEqual(
      [...texts.keys()].flatMap((p) => [`file ${p}`, `index ${p}`]),
    );
    expect(events).not.toContain('saved');
    release();
    await engine.settled();
    expect(events).toContain('saved');
  });

  it('reports reading, indexing and saving in turn, with counts, then idle', async () => {
    const { engine, events, release } = await run();
    await engine.sync([...texts.keys()]);
    release();
    await engine.settled();
    const phases = events.filter((e) => e.startsWith('phase ') || e === 'saved' || e.startsWith('progress 5/'));
    expect(phases).toEqual(['phase reading', 'progress 5/5', 'phase indexing', 'progress 5/5', 'phase saving', 'saved', 'phase idle']);
  });

  it('logs one line per read with its counts and where the time went', async () => {
    const { engine, lines, release } = await run();
    await engine.sync([...texts.keys()]);
    release();
    await engine.settled();
    await engine.sync([...texts.keys()].slice(1));
    expect(lines[0]).toMatch(/^corpus: 5 files in \d+\.\d s: 5 read \(disk \d+\.\d s, outline and statistics \d+\.\d s, shown \d+\.\d s\), 0 unchanged, 0 removed$/);
    expect(lines[1]).toMatch(/^search: indexed in \d+\.\d s after the read$/);
    expect(lines[2]).toMatch(/^corpus: 4 files in .*: 0 read \(.*\), 4 unchanged, 1 removed$/);
  });
});
