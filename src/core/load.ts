import type { CorpusFile, Metadata } from './model';
import { readExtractedFile } from './corpus/formats/read';
import { formatOf } from './corpus/formats/kinds';
import { assignPages } from './corpus/formats/sourceMap';
import { applyTableHeaders } from './corpus/formats/table';
import { readCorpusFile } from './corpus/read';
import { annotateStatistics, type AnnotateOptions } from './stats/annotate';
import { SHIPPED_METRIC_KEYS } from './stats/metricKey';

/** Bytes → outlined file with its statistics: the one pipeline the engine, the CLI and tests share. */
export function loadCorpusFile(bytes: Uint8Array, path: string, metadata?: Metadata, options?: AnnotateOptions): CorpusFile {
  const file = readCorpusFile(bytes, path, metadata);
  annotateStatistics(file, options);
  return file;
}

/**
 * The same for any corpus file, text or a format text is extracted from (HTML, PDF, Word): the
 * statistics of an extracted text also take the page they stand on and the headers of their table.
 */
export async function loadAnyFile(bytes: Uint8Array, path: string, metadata?: Metadata, options: AnnotateOptions = {}): Promise<CorpusFile> {
  if (!formatOf(path)) return loadCorpusFile(bytes, path, metadata, options);
  const { file, cells } = await readExtractedFile(bytes, path, metadata);
  annotateStatistics(file, options);
  applyTableHeaders(file, cells, options.metricKeys ?? SHIPPED_METRIC_KEYS);
  assignPages(file);
  return file;
}
