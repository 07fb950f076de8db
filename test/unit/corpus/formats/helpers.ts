/** Shared by the format tests: reading fixtures and comparing their statistics with the plain text's. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAnyFile, loadCorpusFile } from '../../../../src/core/load';
import { sectionsOf } from '../../../../src/core/corpus/walk';
import type { CorpusFile, Statistic } from '../../../../src/core/model';
import { FORMATS_DIR } from '../../../fixtures/formats/documents';

export function fixture(name: string): string {
  return path.join(FORMATS_DIR, name);
}

export async function load(name: string, bytes: Uint8Array = readFileSync(fixture(name))): Promise<CorpusFile> {
  return loadAnyFile(bytes, fixture(name));
}

/** The fixture's plain-text twin, read as a text file. */
export function loadText(name: string): CorpusFile {
  return loadCorpusFile(readFileSync(fixture(name)), fixture(name));
}

export function statistics(file: CorpusFile): Statistic[] {
  return [...sectionsOf(file)].flatMap(({ section }) => section.statistics);
}

/** What a statistic's figure says, without where it stands or what it measures. */
export function figures(file: CorpusFile): string[] {
  return statistics(file).map((s) => [s.text, s.value, s.unit, s.kind, s.change ?? '', s.basis ?? ''].join(' '));
}

/**
 * Where a document's metrics differ from its plain-text twin's (same figures in the same order):
 * "figure: twin's metric → document's metric". Table headers name metrics the text alone cannot.
 */
export function metricChanges(twin: CorpusFile, document: CorpusFile): string[] {
  const a = statistics(twin);
  const b = statistics(document);
  return b.flatMap((s, i) => (a[i] && a[i].metric !== s.metric ? [`${s.text}: ${a[i].metric} → ${s.metric}`] : []));
}

export function titles(file: CorpusFile): string[] {
  return file.articles.flatMap((a) => a.reports.flatMap((r) => [r.title, ...r.sections.map((s) => s.title)]));
}
