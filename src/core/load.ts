import type { CorpusFile, Metadata } from './model';
import { readCorpusFile } from './corpus/read';
import { annotateStatistics, type AnnotateOptions } from './stats/annotate';

/** Bytes → outlined file with its statistics: the one pipeline the engine, the CLI and tests share. */
export function loadCorpusFile(bytes: Uint8Array, path: string, metadata?: Metadata, options?: AnnotateOptions): CorpusFile {
  const file = readCorpusFile(bytes, path, metadata);
  annotateStatistics(file, options);
  return file;
}
