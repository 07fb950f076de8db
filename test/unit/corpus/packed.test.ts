import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { lazyFile, pack, packedOf, summaryOf, textLengthOf } from '../../../src/core/corpus/packed';
import { loadCorpusFile } from '../../../src/core/load';

const SEED = path.resolve(__dirname, '../../../../shared/corpus/seed');

function seedFile(): ReturnType<typeof loadCorpusFile> {
  const name = '000_fadfd726848b77a0.txt';
  return loadCorpusFile(readFileSync(path.join(SEED, name)), path.join(SEED, name));
}

describe('packed files', () => {
  it('decode to the model they were packed from', () => {
    const file = seedFile();
    const packed = pack(file);
    const lazy = lazyFile(packed);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(file)));
    // Deflated to less than half of the text as UTF-16 and the model serialised; the text's length readable without inflating.
    expect(packed.bytes.length).toBeLessThan((file.text.length * 2 + serialize({ source: file.source, articles: file.articles }).length) / 2);
    expect(textLengthOf(packed.bytes)).toBe(file.text.length);
    expect(lazy.text).toBe(file.text);
  });

  it('travel in shared memory and keep their summary without decoding', () => {
    const file = seedFile();
    const packed = pack(file);
    expect(packed.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const statistics = file.articles.flatMap((a) => a.reports.flatMap((r) => [r.intro, ...r.sections].flatMap((s) => s.statistics)));
    expect(statistics.length).toBeGreaterThan(0);
    const summary = summaryOf(lazyFile(packed));
    expect(summary.statistics).toBe(statistics.length);
    expect(summary.ids.split(' ')).toEqual(expect.arrayContaining(statistics.map((s) => s.id)));
    expect(summary.articles).toEqual(file.articles.map((a) => a.id));
  });

  it('keep the same decoded objects while they are read, and give back their packed form', () => {
    const packed = pack(seedFile());
    const lazy = lazyFile(packed);
    const articles = lazy.articles;
    expect(lazy.articles).toBe(articles);
    expect(packedOf(lazy)).toBe(packed);
  });
});
