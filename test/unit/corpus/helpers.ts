/** Shared fixtures of the corpus reader tests. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusFile, SourceRange } from '../../../src/core/model';

export const root = path.resolve(__dirname, '../../..');
export const fixtures = path.join(root, 'test/fixtures/unit/corpus');
export const samplePath = path.join(root, 'sample/corpus/000_fadfd726848b77a0.txt');
export const sampleBytes = (): Buffer => readFileSync(samplePath);
export const sampleText = (): string => readFileSync(samplePath, 'utf8');

export const slice = (file: CorpusFile, r: SourceRange): string => file.text.slice(r.start, r.end);
export const join = (file: CorpusFile, ranges: SourceRange[]): string => ranges.map((r) => slice(file, r)).join('');

/** The tree without paths: what must not depend on how the file was stored (its ids depend on its name). */
export function tree(file: CorpusFile): unknown {
  return { text: file.text, articles: file.articles };
}
