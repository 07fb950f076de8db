import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/cli/corpus';
import { sectionsOf } from '../../../src/core/corpus/walk';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { corpusLookup, referenceFor } from '../../../src/core/cite/reference';
import { CorpusEngine, type EngineHost } from '../../../src/core/engine/engine';
import { loadCorpusFile } from '../../../src/core/load';
import type { CorpusFile } from '../../../src/core/model';
import { root, sampleText } from './helpers';

/** Every node id with a readable name, in reading order. */
function ids(file: CorpusFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of file.articles) {
    out.set(`article ${a.title}`, a.id);
    for (const r of a.reports) {
      out.set(`report ${r.title}`, r.id);
      for (const s of [r.intro, ...r.sections]) {
        out.set(`section ${r.title}/${s.title}`, s.id);
        s.passages.forEach((p, i) => out.set(`passage ${r.title}/${s.title}/${i}`, p.id));
      }
    }
  }
  return out;
}

const read = (text: string) => readCorpusFile(Buffer.from(text), 'corpus/page.txt');
const original = sampleText();
const before = ids(read(original));

describe('stable ids', () => {
  it('are the same when the file is read again, and distinct within it', () => {
    expect(ids(read(original))).toEqual(before);
    expect(new Set(before.values()).size).toBe(before.size);
  });

  it('do not depend on where the corpus folder is, on any system', () => {
    for (const where of ['/elsewhere/corpus/page.txt', 'C:\\Users\\x\\Corpus\\page.txt', 'page.txt', '/a/b/page.txt']) {
      expect(ids(readCorpusFile(Buffer.from(original), where)), where).toEqual(before);
    }
    const inProvince = ids(readCorpusFile(Buffer.from(original), '/w/corpus/北京/page.txt'));
    expect(ids(readCorpusFile(Buffer.from(original), 'D:\\moved\\corpus\\北京\\page.txt'))).toEqual(inProvince);
  });

  it('differ for files of the same name in two folders of a corpus', () => {
    const beijing = [...ids(readCorpusFile(Buffer.from(original), '/w/corpus/北京/page.txt')).values()];
    const shanghai = [...ids(readCorpusFile(Buffer.from(original), '/w/corpus/上海/page.txt')).values()];
    expect(beijing.filter((id) => shanghai.includes(id))).toEqual([]);
    expect(beijing.filter((id) => [...before.values()].includes(id))).toEqual([]);
  });

  it('are unique per file: an identical copy under another name shares no id', () => {
    const copy = ids(readCorpusFile(Buffer.from(original), 'corpus/page-copy.txt'));
    const shared = [...copy.values()].filter((id) => [...before.values()].includes(id));
    expect(shared).toEqual([]);
  });

  it('let cite tell two identical files with different sidecar metadata apart', () => {
    const text = '2025年工作报告\n\n某省人民政府\n\n一、总体情况。全省刑事发案同比下降21.5%。\n';
    const a = loadCorpusFile(Buffer.from(text), '/c/a.txt', { publication: '甲报' });
    const b = loadCorpusFile(Buffer.from(text), '/c/b.txt', { publication: '乙报' });
    const lookup = corpusLookup([a, b]);
    for (const file of [a, b]) {
      const [statistic] = [...sectionsOf(file)].flatMap(({ section }) => section.statistics);
      expect(statistic.text).toBe('21.5%');
      const found = lookup.statistic(statistic.id)!;
      expect(found.file.metadata.publication).toBe(file.metadata.publication);
      expect(referenceFor(found).publication).toBe(file.metadata.publication);
    }
  });

  it('survive an edit inside one paragraph: every id stays', () => {
    const edited = original.replace('推出71项高质量研究成果', '推出72项高质量研究成果');
    expect(edited).not.toBe(original);
    expect(ids(read(edited))).toEqual(before);
  });

  it('survive a paragraph added elsewhere: only the new passage is new, though all offsets move', () => {
    const marker = '2025年,在中央政法委有力指导下';
    const edited = original.replace(marker, `新增的一段导语,说明背景情况,并且足够长以成为独立段落。\n\n${marker}`);
    const after = ids(read(edited));
    const added = [...after.entries()].filter(([, id]) => ![...before.values()].includes(id));
    expect(added).toHaveLength(1);
    expect(added[0][0]).toBe('passage 牢记使命责任 忠诚履职担当 坚决捍卫首都安全//0');
    for (const [name, id] of before) if (!name.startsWith('passage 牢记使命责任')) expect(after.get(name)).toBe(id);
  });

  it('change for a renamed report and its sections only', () => {
    const edited = original.replace('着力加强政法基础设施建设', '着力加强政法基础建设');
    const after = [...ids(read(edited)).values()];
    const changed = [...before.entries()].filter(([, id]) => !after.includes(id)).map(([name]) => name);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((n) => n.includes('着力加强政法基础设施建设'))).toBe(true);
  });
});

describe('ids of a corpus folder', () => {
  it('stay the same when the folder moves (another workspace, another machine)', async () => {
    const statisticIds = (files: CorpusFile[]): Map<string, string[]> =>
      new Map(files.map((f) => [path.basename(f.path), [...sectionsOf(f)].flatMap(({ section }) => section.statistics.map((s) => s.id))]));
    const first = await fs.mkdtemp(path.join(os.tmpdir(), 'statcite-move-'));
    const moved = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'statcite-moved-')), 'deeper', 'corpus');
    try {
      await fs.cp(path.join(root, 'sample/corpus'), path.join(first, 'corpus'), { recursive: true });
      const before = statisticIds(await loadCorpus([path.join(first, 'corpus')]));
      expect([...before.values()].flat().length).toBeGreaterThan(10);
      await fs.mkdir(path.dirname(moved), { recursive: true });
      await fs.rename(path.join(first, 'corpus'), moved);
      expect(statisticIds(await loadCorpus([moved]))).toEqual(before);
    } finally {
      await fs.rm(first, { recursive: true, force: true });
      await fs.rm(path.dirname(path.dirname(moved)), { recursive: true, force: true });
    }
  });
});


describe('ids shared by two files', () => {
  it('are reported by the engine, naming both files, once', async () => {
    const text = '政府工作报告\n\n某省人民政府\n\n一、总体情况。全省刑事发案同比下降21.5%。\n';
    const files = new Map([
      ['/x/北京/report.txt', text],
      ['/y/上海/report.txt', text],
      ['/z/corpus/北京/report.txt', text],
    ]);
    const host: EngineHost = {
      readFile: async (p) => Buffer.from(files.get(p)!),
      stat: async (p) => ({ size: Buffer.byteLength(files.get(p)!), mtime: 1, ctime: 1 }),
      sidecarMetadata: async () => undefined,
    };
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (m: string) => void warnings.push(m), error: () => {} };
    const engine = new CorpusEngine(host, log, { file: () => {}, removed: () => {}, progress: () => {} });
    await engine.sync([...files.keys()]);
    expect(warnings).toEqual([
      '/y/上海/report.txt: gives the same ids as /x/北京/report.txt (the same name below a corpus folder, the same titles), so citations cannot tell the two apart: rename one of them (see README, Stable ids)',
    ]);
    await engine.update(['/y/上海/report.txt']);
    expect(warnings).toHaveLength(1);
  });
});
