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
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
}

/** A file's model as it travels between threads and rests in the cache. */
export interface PackedFile {
  path: string;
  encoding: string;
  metadata: Metadata;
  problems: Problem[];
  summary: FileSummary;
  /**
   * The text's length in UTF-16 code units (4 bytes, little-endian), then, deflated, the text as
   * UTF-16 and `{ source, articles }` in V8's serialisation: a third of their size (69 → 24 MB for
   * the benchmark corpus), for 0.1 ms a file to inflate when one is read.
   */
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

export function summarize(file: CorpusFile): FileSummary {
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
  const deflated = deflateRawSync(Buffer.concat([Buffer.from(file.text, 'utf16le'), serialize({ source: file.source, articles: file.articles })]), { level: 1 });
  const bytes = new Uint8Array(new SharedArrayBuffer(HEAD + deflated.length));
  new DataView(bytes.buffer).setUint32(0, file.text.length, true);
  bytes.set(deflated, HEAD);
  // Kept in every thread as long as the file: detached from the text they were cut from.
  const { metadata, problems, summary } = detached({ metadata: file.metadata, problems: file.problems, summary: summarize(file) });
  return { path: file.path, encoding: file.encoding, metadata, problems, summary, bytes };
}

/** The bytes before the deflated part: the text's length. */
const HEAD = 4;

/** The length of a packed file's text (UTF-16 code units), read without inflating; -1 when the bytes hold none. */
export function textLengthOf(bytes: Uint8Array): number {
  return bytes.length < HEAD ? -1 : new DataView(bytes.buffer, bytes.byteOffset, HEAD).getUint32(0, true);
}

const inflate = ({ bytes }: PackedFile): Buffer => inflateRawSync(bytes.subarray(HEAD));

/** The text alone: far cheaper than decoding the model. */
function decodeText(packed: PackedFile): string {
  return inflate(packed).toString('utf16le', 0, textLengthOf(packed.bytes) * 2);
}

function decode(packed: PackedFile): Heavy {
  const inflated = inflate(packed);
  const textBytes = textLengthOf(packed.bytes) * 2;
  const { source, articles } = deserialize(inflated.subarray(textBytes)) as Omit<Heavy, 'text'>;
  return { text: inflated.toString('utf16le', 0, textBytes), articles, ...(source && { source }) };
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
export function summaryOf(file: CorpusFile): FileSummary {
  return packedFiles.get(file)?.summary ?? summarize(file);
}
