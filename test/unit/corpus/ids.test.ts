import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/corpus/read';
import type { CorpusFile } from '../../../src/core/model';
import { sampleText } from './helpers';

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

  it('do not depend on the file path', () => {
    expect(ids(readCorpusFile(Buffer.from(original), '/elsewhere/renamed.txt'))).toEqual(before);
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
