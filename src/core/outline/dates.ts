/** The date a corpus file is about: stated in its metadata, or carried by its name (20221115.md). */
import type { CorpusFile } from '../model';
import { isoDate, nameDate, type FileDate } from '../corpus/dates';
import { baseName } from '../corpus/text';
import { summaryOf } from '../corpus/packed';

export type { FileDate } from '../corpus/dates';

const known = new WeakMap<CorpusFile, FileDate | null>();

/** Metadata (front matter, sidecar) first: it is what the user stated; then the file name. */
export function fileDate(file: CorpusFile): FileDate | undefined {
  let date = known.get(file);
  if (date === undefined) {
    // The summary's article date: nothing of the file is decoded.
    const stated = file.metadata.date ?? summaryOf(file).articleDate;
    date = (stated ? isoDate(stated) : undefined) ?? nameDate(baseName(file.path)) ?? null;
    known.set(file, date);
  }
  return date ?? undefined;
}
