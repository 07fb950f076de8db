/**
 * A file's model kept as bytes, decoded when something reads it. Every thread used to hold every
 * file's model as objects: about 13 million of them (1.2 GB of heap) per thread for 14,000 news
 * transcripts, and most of a warm start went to making them and collecting their garbage. A packed
 * file is a few small fields (what the outline and the lookups by id need) and bytes in a
 * SharedArrayBuffer, which the worker, the cache and the extension host share without a copy.
 *
 * `lazyFile` wraps a packed file as a CorpusFile: its text, source map and articles decode on
 * first read and stay while anything holds them or they were read recently.
 */
import { deserialize, serialize } from 'node:v8';
import { detached } from '../detached';
import type { Article, CorpusFile, Metadata, Problem, SourceMap } from '../model';

/** What is known of a packed file without decoding it. */
export interface FileSummary {
  /** The ids of its articles, in order. */
  articles: string[];
  /**
   * The ids of its reports, sections, statistics and passages, separated by spaces: lookups by id
   * find the file here. One string, not thousands (at ten times the benchmark corpus, 1.7 million
   * strings would cost about 100 MB in each thread).
   */
  ids: string;
  statistics: number;
  /** Passages and statistics: the documents the search index makes of it (search/documents.ts). */
  documents: number;
  /** The first date an article states, where the file's metadata states none. */
  articleDate?: string;
  /** UTF-16 code units of the text at the start of `bytes`; the serialised rest follows. */
  textLength: number;
}

/** A file's model as it travels between threads and rests in the cache. */
export interface PackedFile {
  path: string;
  encoding: string;
  metadata: Metadata;
  problems: Problem[];
  summary: FileSummary;
  /** The text as UTF-16, then `{ source, articles }` in V8's serialisation. */
  bytes: Uint8Array;
}

/** What decoding gives back. */
interface Heavy {
  text: string;
  source?: SourceMap;
  articles: Article[];
}

/** Files decoded lately, kept whatever holds them: a hover or a search result reads the same few again. */
const RECENT = 64;
const recent: Heavy[] = [];

const packedFiles = new WeakMap<CorpusFile, PackedFile>();

export function summarize(file: CorpusFile): Omit<FileSummary, 'textLength'> {
  const ids: string[] = [];
  let statistics = 0;
  let documents = 0;
  for (const article of file.articles)
    for (const report of article.reports) {
      ids.push(report.id);
      for (const section of [report.intro, ...report.sections]) {
        ids.push(section.id);
        for (const s of section.statistics) ids.push(s.id);
        for (const p of section.passages) ids.push(p.id);
        statistics += section.statistics.length;
        documents += section.statistics.length + section.passages.length;
      }
    }
  const articleDate = file.articles.find((a) => a.metadata.date)?.metadata.date;
  return { articles: file.articles.map((a) => a.id), ids: ids.join(' '), statistics, documents, ...(articleDate && { articleDate }) };
}

/** A file packed: bytes in shared memory, so that posting it to another thread copies nothing. */
export function pack(file: CorpusFile): PackedFile {
  const known = packedFiles.get(file);
  if (known) return known;
  const rest = serialize({ source: file.source, articles: file.articles });
  const textBytes = file.text.length * 2;
  const bytes = new Uint8Array(new SharedArrayBuffer(textBytes + rest.length));
  bytes.set(Buffer.from(file.text, 'utf16le'));
  bytes.set(rest, textBytes);
  // Kept in every thread as long as the file: detached from the text they were cut from.
  const { metadata, problems, summary } = detached({ metadata: file.metadata, problems: file.problems, summary: summarize(file) });
  return { path: file.path, encoding: file.encoding, metadata, problems, summary: { ...summary, textLength: file.text.length }, bytes };
}

const viewOf = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The text alone: a copy of its bytes, far cheaper than decoding the model. */
function decodeText({ bytes, summary }: PackedFile): string {
  return viewOf(bytes).toString('utf16le', 0, summary.textLength * 2);
}

function decode(packed: PackedFile): Heavy {
  const { source, articles } = deserialize(viewOf(packed.bytes).subarray(packed.summary.textLength * 2)) as Omit<Heavy, 'text'>;
  return { text: decodeText(packed), articles, ...(source && { source }) };
}

function remember(heavy: Heavy): Heavy {
  const at = recent.indexOf(heavy);
  if (at !== 0) {
    if (at > 0) recent.splice(at, 1);
    recent.unshift(heavy);
    if (recent.length > RECENT) recent.pop();
  }
  return heavy;
}

/**
 * The packed file as a CorpusFile whose text, source and articles decode when first read. The
 * decoded parts stay the same objects as long as anything holds them; `decoded`, when given, is
 * the model just packed (a file just read need not be decoded again).
 */
export function lazyFile(packed: PackedFile, decoded?: CorpusFile): CorpusFile {
  let ref: WeakRef<Heavy> | undefined;
  const heavy = (): Heavy => {
    let h = ref?.deref();
    if (!h) {
      h = decode(packed);
      ref = new WeakRef(h);
    }
    return remember(h);
  };
  if (decoded) {
    const h: Heavy = { text: decoded.text, articles: decoded.articles, ...(decoded.source && { source: decoded.source }) };
    ref = new WeakRef(remember(h));
  }
  const file = { path: packed.path, encoding: packed.encoding, metadata: packed.metadata, problems: packed.problems } as CorpusFile;
  // Own enumerable accessors: JSON, structured clone and deep equality read them as plain fields.
  Object.defineProperties(file, {
    text: { get: () => ref?.deref()?.text ?? decodeText(packed), enumerable: true },
    source: { get: () => heavy().source, enumerable: true },
    articles: { get: () => heavy().articles, enumerable: true },
  });
  packedFiles.set(file, packed);
  return file;
}

/** The packed form of a file lazyFile made, without decoding it; a plain model is packed now. */
export function packedOf(file: CorpusFile): PackedFile {
  return packedFiles.get(file) ?? pack(file);
}

/** What a file holds, from its packed summary when it has one (nothing is decoded), else counted. */
export function summaryOf(file: CorpusFile): Omit<FileSummary, 'textLength'> {
  return packedFiles.get(file)?.summary ?? summarize(file);
}
