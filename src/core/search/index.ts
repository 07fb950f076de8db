/**
 * The search index: an inverted index (terms.ts) over passages (paragraphs, with their report and
 * section titles as boosted fields) and statistics (metric, subject, sentence). It follows the
 * corpus file by file: add a file, remove a file. Documents get internal numbers; what they point at
 * is looked up in the corpus model, so the index stores no text. Its postings are kept in segments
 * of files (segment.ts), each saved and loaded on its own (cache.ts), and may be built in another
 * thread (enter, then attach).
 */
import type { Article, CorpusFile, Passage, Report, Section, SourceRange, Statistic } from '../model';
import { packSegment, unpackSegment, type Segment, type SegmentHead } from './segment';
import { makeSnippet, type Snippet } from './snippet';
import { TermIndex, type Query, type TermIndexOptions } from './terms';
import type { Tokenizer } from './tokenizer';
import type { SearchOptions, SearchResult } from './types';
import { vocabularyTokenizer } from './vocabularyCut';

/** Bump when documents, fields or boosts change: cached indexes built before are then rebuilt. */
export const INDEX_FORMAT = 5;

const DEFAULT_LIMIT = 50;
/** Fewer results than this and a query word may also match by its parts. */
const FEW = 10;

/** A document of the index, located in the corpus model. */
interface Hit {
  kind: 'passage' | 'statistic';
  /** 'p:' + passage id or 's:' + statistic id, unique within its file. */
  key: string;
  file: CorpusFile;
  article: Article;
  report: Report;
  section: Section;
  passage?: Passage;
  statistic?: Statistic;
  /** Passages: whether this is the first passage of its article, report, section. */
  heads?: { article: boolean; report: boolean; section: boolean };
}

export interface Fields {
  id: number;
  title: string;
  section: string;
  text: string;
  metric: string;
  subject: string;
}

/** A ranked match: document number, score, the index terms it matched. */
interface Ranked {
  id: number;
  score: number;
  terms: string[];
}

/** MiniSearch 7's query execution without its result building (see SearchIndex.ranked). */
interface MiniSearchInternals {
  executeQuery(
    query: Query,
    options: { boostDocument?: (id: number) => number },
  ): Map<number, { score: number; terms: string[]; match: Record<string, unknown> }>;
  _documentIds: Map<number, number>;
  /** Term → field number → document short id → term frequency. */
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
}

/** A query word that must match: itself or, when parts are tried, all of its parts. */
interface Word {
  term: string;
  parts: string[];
}

/** What the cache keeps of a segment of the index: per file, document number → key; the postings. */
export interface SerializedSegment {
  files: Array<[path: string, docs: Array<[id: number, key: string]>]>;
  head: SegmentHead;
  data: Int32Array;
}

const FIELDS = ['title', 'section', 'text', 'metric', 'subject'] as const;

/** How the fields of a document are indexed, here or in another thread (see indexer.ts). */
export function termIndexOptions(tokenizer: Pick<Tokenizer, 'indexTerms'>): TermIndexOptions<Fields> {
  return {
    fields: FIELDS,
    boost: { metric: 3, title: 2, section: 1.5, subject: 1.5, text: 1 },
    // Terms come folded and filtered from the tokenizer.
    tokenize: (text) => tokenizer.indexTerms(text),
    extract: (fields) => ({ id: fields.id, fields: FIELDS.map((f) => fields[f]) }),
  };
}

export class SearchIndex {
  /** Documents located in the model. */
  private readonly docs = new Map<number, Hit>();
  /**
   * Documents of files restored from a cache and not located in the model yet (see hit): locating
   * all of them (160,000 on the news corpus) was a third of a warm start; a search needs its
   * results' only.
   */
  private readonly restored = new Map<number, { file: CorpusFile; docs: Array<[id: number, key: string]> }>();
  private readonly byFile = new Map<string, number[]>();
  /** The segment holding each file's postings; files added here and not packed yet wait in unpacked. */
  private readonly segmentByFile = new Map<string, Segment>();
  private unpacked: string[] = [];
  private readonly miniSearch: TermIndex<Fields>;
  /** Whether a last query word is complete (see search): the terms of the index. */
  private readonly vocabulary: { has(term: string): boolean };
  /** Cuts queries into the words the index holds (vocabularyCut.ts): searching needs no jieba. */
  private readonly tokenizer: Tokenizer;

  private constructor(
    tokenizer: Tokenizer,
    private nextId = 0,
  ) {
    this.miniSearch = new TermIndex({ ...termIndexOptions(tokenizer), sealed: (segment) => this.packed(segment) });
    this.vocabulary = this.miniSearch;
    this.tokenizer = vocabularyTokenizer(tokenizer, this.miniSearch);
  }

  static create(tokenizer: Tokenizer, nextId = 0): SearchIndex {
    if (!Number.isInteger(nextId) || nextId < 0) throw new Error('search: the saved index is not one');
    return new SearchIndex(tokenizer, nextId);
  }

  /** The number the next document gets: kept with the cache, so numbers are never reused. */
  get nextDocument(): number {
    return this.nextId;
  }

  /**
   * Adds a segment saved by serialize, given the files it holds as the model has them (files it
   * holds that are not given are left out: a later segment holds them, or they are gone). Throws
   * when the saved form does not fit (a file the model has with another number of documents, a
   * segment that does not hold together).
   */
  loadSegment(saved: SerializedSegment, files: ReadonlyMap<string, CorpusFile>): Segment {
    const docsOk = (docs: unknown): boolean =>
      Array.isArray(docs) && docs.every((d) => Array.isArray(d) && Number.isInteger(d[0]) && d[0] >= 0 && d[0] < 2 ** 31 && typeof d[1] === 'string');
    if (!Array.isArray(saved.files) || !saved.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && docsOk(f[1]))) {
      throw new Error('search: the saved index is not one');
    }
    const segment = unpackSegment(saved.head, saved.data);
    const live: number[] = [];
    for (const [path, docs] of saved.files) {
      const file = files.get(path);
      if (!file) continue;
      if (countDocuments(file) !== docs.length) throw new Error(`search: index holds other documents of ${path} than the model`);
      if (this.byFile.has(path)) throw new Error(`search: index holds ${path} twice`);
      const restored = { file, docs };
      for (const [id] of docs) {
        if (id >= this.nextId) throw new Error('search: the saved index is not one');
        this.restored.set(id, restored);
        live.push(id);
      }
      this.byFile.set(path, docs.map(([id]) => id));
      this.segmentByFile.set(path, segment);
    }
    this.miniSearch.attach(segment, new Set(live));
    return segment;
  }

  /** The segments, oldest first (packing what was added here since the last time). */
  segments(): readonly Segment[] {
    this.miniSearch.seal(this.unpacked.length > 0);
    return this.miniSearch.packed();
  }

  /** The segment holding a file's postings; undefined for a file not indexed or not packed yet. */
  segmentOf(path: string): Segment | undefined {
    return this.segmentByFile.get(path);
  }

  /** A segment as the cache keeps it: the files it holds now, and its postings. */
  serialize(segment: Segment): SerializedSegment {
    const files: SerializedSegment['files'] = [];
    for (const [path, s] of this.segmentByFile) if (s === segment) files.push([path, this.byFile.get(path)!.flatMap((id) => this.keyed(id))]);
    return { files, ...packSegment(segment) };
  }

  /** Merges consecutive segments into one of their files still held (fewer segments, no removed documents). */
  merge(segments: readonly Segment[]): void {
    const merged = this.miniSearch.merge(segments);
    let held = false;
    for (const [path, s] of this.segmentByFile) {
      if (!segments.includes(s)) continue;
      this.segmentByFile.set(path, merged);
      held = true;
    }
    // Nothing left in it: no segment at all.
    if (!held) this.miniSearch.drop(merged);
  }

  /** How many of a segment's documents are still searched (removed and replaced files' are not). */
  liveShare(segment: Segment): number {
    return this.miniSearch.liveShare(segment);
  }

  /** Number of indexed documents (passages and statistics). */
  get documentCount(): number {
    return this.docs.size + this.restored.size;
  }

  has(path: string): boolean {
    return this.byFile.has(path);
  }

  /** Indexes a file; a file already indexed under this path is replaced. */
  add(file: CorpusFile): void {
    this.miniSearch.addAll(this.enter(file));
    this.unpacked.push(file.path);
  }

  /**
   * Takes a file in without indexing it: the fields of its documents, to index in another thread
   * (indexer.ts), whose segment then comes back through attach. A file already indexed under this
   * path is replaced.
   */
  enter(file: CorpusFile): Fields[] {
    this.remove(file.path);
    const ids: number[] = [];
    const fields: Fields[] = [];
    for (const hit of documentsOf(file)) {
      const id = this.nextId++;
      this.docs.set(id, hit);
      ids.push(id);
      fields.push(fieldsOf(id, hit));
    }
    this.byFile.set(file.path, ids);
    return fields;
  }

  /** The segment built elsewhere of files taken in by enter, in the order they were (earlier segments first). */
  attach(segment: Segment, paths: readonly string[]): void {
    const live = new Set<number>();
    for (const path of paths) {
      const ids = this.byFile.get(path);
      if (!ids || this.segmentByFile.has(path)) continue;
      this.segmentByFile.set(path, segment);
      for (const id of ids) live.add(id);
    }
    this.miniSearch.attach(segment, live);
  }

  remove(path: string): void {
    const ids = this.byFile.get(path);
    if (!ids) return;
    // discardAll marks the documents gone at once; a merge of their segment drops their postings.
    this.miniSearch.discardAll(ids);
    for (const id of ids) {
      this.docs.delete(id);
      this.restored.delete(id);
    }
    this.byFile.delete(path);
    this.segmentByFile.delete(path);
    this.unpacked = this.unpacked.filter((p) => p !== path);
  }

  /** Files added here are packed: they belong to the new segment. */
  private packed(segment: Segment): void {
    for (const path of this.unpacked) this.segmentByFile.set(path, segment);
    this.unpacked = [];
  }

  /**
   * Ranked results for a query: every term must match (the last one as a prefix while typing);
   * when that finds next to nothing, a query word may also match by its parts (电信诈骗 in
   * 电信|诈骗案); when that finds nothing, any term may match. Never throws on odd input: no terms,
   * no results.
   */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const terms = this.tokenizer.queryTerms(query);
    if (terms.length === 0) return [];
    const filter = this.filter(options);
    const limit = options.limit ?? DEFAULT_LIMIT;
    // While typing, the last word may be unfinished: match it as a prefix, unless it is a whole
    // word of two or more characters that the corpus has (增长 then does not also scan 增长率,
    // 增长点 … — prefix expansion of common words is the slowest part of a search).
    const last = terms[terms.length - 1];
    const unfinished = options.prefixLast === true && ([...last].length === 1 || !this.vocabulary.has(last));
    const prefix = (i: number): boolean => unfinished && i === terms.length - 1;
    // Room for the statistics that share a sentence with a better one (dropped below).
    const room = limit * 3;
    const run = (combineWith: 'AND' | 'OR', parts: boolean): Ranked[] => {
      const queries = terms.map((term, i) => this.termQuery(term, prefix(i), parts));
      const words = terms.filter((_, i) => !prefix(i)).map((term) => ({ term, parts: parts ? this.tokenizer.subWords(term) : [] }));
      const candidates = combineWith === 'AND' && terms.length > 1 ? this.candidates(words) : undefined;
      return this.ranked({ combineWith, queries }, candidates, filter, room);
    };
    let found = run('AND', false);
    // Parts are tried only when the words alone find next to nothing: they cost another pass over
    // the postings of common words (同比, 增长).
    if (found.length < Math.min(limit, FEW) && terms.some((t) => this.tokenizer.subWords(t).length)) found = run('AND', true);
    if (found.length === 0 && terms.length > 1) found = run('OR', true);
    const results: SearchResult[] = [];
    // Several figures of one sentence match alike; the best stands for them, so that one
    // statistics-rich sentence does not fill the list.
    const sentences = new Set<string>();
    for (const r of found) {
      if (results.length >= limit) break;
      const hit = this.hit(r.id);
      if (!hit) continue;
      if (hit.statistic) {
        const sentence = `${hit.file.path}:${hit.statistic.sentenceRange.start}`;
        if (sentences.has(sentence)) continue;
        sentences.add(sentence);
      }
      results.push(this.result(r, hit));
    }
    return results;
  }

  /**
   * One query word: the word itself or, with parts, also all of its two-character parts (jieba
   * may have cut the text otherwise: 电信诈骗 in 电信诈骗案 is 电信|诈骗案).
   */
  private termQuery(term: string, prefix: boolean, parts: boolean): Query {
    const exact: Query = { queries: [term], prefix };
    const subWords = parts ? this.tokenizer.subWords(term) : [];
    if (subWords.length === 0) return exact;
    return { combineWith: 'OR', queries: [exact, { combineWith: 'AND', queries: subWords, prefix: false }] };
  }

  /**
   * The best k documents for a query tree, best first. MiniSearch's search() builds a result
   * object for every matching document and sorts them all; a common word (发展, 中国) matches tens
   * of thousands, so this takes MiniSearch's raw matches and keeps only the top k. Documents
   * outside the candidates (see candidates) or the filter are not scored at all.
   */
  private ranked(query: Query, candidates: Set<number> | undefined, filter: ((id: number) => boolean) | undefined, k: number): Ranked[] {
    const internals = this.miniSearch as unknown as MiniSearchInternals;
    // boostDocument 0 makes MiniSearch skip a document before scoring it.
    const boostDocument =
      candidates || filter ? (id: number): number => ((!candidates || candidates.has(id)) && (!filter || filter(id)) ? 1 : 0) : undefined;
    const raw = internals.executeQuery(query, { boostDocument });
    const shortIds = internals._documentIds;
    // The top k in ascending score order: a candidate only enters when it beats the weakest.
    const top: Array<{ id: number; score: number; match: Record<string, unknown> }> = [];
    for (const [shortId, { score, terms, match }] of raw) {
      const id = shortIds.get(shortId);
      if (id === undefined) continue;
      // MiniSearch's own scoring: documents that match more query terms rank higher.
      const weighted = score * (terms.length || 1);
      if (top.length === k && weighted <= top[0].score) continue;
      let at = top.length === k ? (top.shift(), 0) : 0;
      while (at < top.length && top[at].score < weighted) at++;
      top.splice(at, 0, { id, score: weighted, match });
    }
    return top.reverse().map(({ id, score, match }) => ({ id, score, terms: Object.keys(match) }));
  }

  /**
   * The documents that can match an AND query: those that hold every complete query word (or all
   * of its parts). MiniSearch scores every document of each term before it intersects, and a
   * common word (发展, 增长, 国家) is in tens of thousands; so the intersection is found first on the
   * postings alone — walking the rarest word's documents and probing the others' — and only these
   * get scored. Undefined when no word is complete (nothing to walk).
   */
  private candidates(words: Word[]): Set<number> | undefined {
    if (words.length === 0) return undefined;
    const index = (this.miniSearch as unknown as MiniSearchInternals)._index;
    const postings = new Map<string, Array<Map<number, number>>>();
    const fieldsOf = (term: string): Array<Map<number, number>> => {
      let fields = postings.get(term);
      if (!fields) postings.set(term, (fields = [...(index.get(term)?.values() ?? [])]));
      return fields;
    };
    const count = (term: string): number => fieldsOf(term).reduce((n, docs) => n + docs.size, 0);
    const has = (term: string, doc: number): boolean => fieldsOf(term).some((docs) => docs.has(doc));
    const holds = (word: Word, doc: number): boolean =>
      has(word.term, doc) || (word.parts.length > 0 && word.parts.every((part) => has(part, doc)));
    // A word's documents are among those of the word itself and of its rarest part.
    const sources = (word: Word): string[] => {
      if (word.parts.length === 0) return [word.term];
      const rarest = word.parts.reduce((a, b) => (count(b) < count(a) ? b : a));
      return [word.term, rarest];
    };
    const size = (word: Word): number => sources(word).reduce((n, term) => n + count(term), 0);
    const start = words.reduce((a, b) => (size(b) < size(a) ? b : a));
    const others = words.filter((word) => word !== start);
    const shortIds = (this.miniSearch as unknown as MiniSearchInternals)._documentIds;
    const found = new Set<number>();
    for (const term of sources(start)) {
      for (const docs of fieldsOf(term)) {
        for (const doc of docs.keys()) {
          const id = shortIds.get(doc);
          if (id !== undefined && !found.has(id) && holds(start, doc) && others.every((word) => holds(word, doc))) found.add(id);
        }
      }
    }
    return found;
  }

  private filter(options: SearchOptions): ((id: number) => boolean) | undefined {
    const { statisticsOnly, articleId, reportId } = options;
    if (!statisticsOnly && !articleId && !reportId) return undefined;
    return (id) => {
      const hit = this.hit(id);
      return (
        hit !== undefined &&
        (!statisticsOnly || hit.kind === 'statistic') &&
        (!articleId || hit.article.id === articleId) &&
        (!reportId || hit.report.id === reportId)
      );
    };
  }

  /**
   * A document located in the model; a restored file's documents are all located on the first
   * asked for. Undefined for a document the model does not have (the file changed under the
   * cache: dropped, as the rebuild of a cache that does not fit would).
   */
  private hit(id: number): Hit | undefined {
    const restored = this.restored.get(id);
    if (restored) {
      const hits = new Map(documentsOf(restored.file).map((hit) => [hit.key, hit]));
      for (const [docId, key] of restored.docs) {
        this.restored.delete(docId);
        const hit = hits.get(key);
        if (hit) this.docs.set(docId, hit);
      }
    }
    return this.docs.get(id);
  }

  /** [id, key] of a document the model has, for serialize. */
  private keyed(id: number): Array<[number, string]> {
    const hit = this.hit(id);
    return hit ? [[id, hit.key]] : [];
  }

  private result(r: Ranked, hit: Hit): SearchResult {
    const { file, statistic, passage } = hit;
    const ranges = statistic ? sentenceRanges(hit.section, statistic) : passage!.ranges;
    const snippet: Snippet = makeSnippet(file.text, ranges, r.terms, this.tokenizer.fold);
    const open: SourceRange = statistic ? statistic.range : passage!.ranges[0];
    const page = (statistic ?? passage)!.page;
    return {
      id: statistic ? statistic.id : passage!.id,
      kind: hit.kind,
      file: file.path,
      start: open.start,
      end: open.end,
      ...(page === undefined ? {} : { page }),
      ...(passage && snippet.match ? { match: snippet.match } : {}),
      article: hit.article.title,
      report: hit.report.title,
      section: hit.section === hit.report.intro ? '' : hit.section.title,
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: r.score,
    };
  }
}

/** How many documents documentsOf makes of a file, without making them. */
export function countDocuments(file: CorpusFile): number {
  let n = 0;
  for (const article of file.articles)
    for (const report of article.reports)
      for (const section of [report.intro, ...report.sections]) n += section.passages.length + section.statistics.length;
  return n;
}

/** Every passage and statistic of a file, in reading order, with keys unique within the file. */
function documentsOf(file: CorpusFile): Hit[] {
  const hits: Hit[] = [];
  const seen = new Map<string, number>();
  const unique = (key: string): string => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}#${n}`;
  };
  for (const article of file.articles) {
    let articleHeaded = false;
    for (const report of article.reports) {
      let reportHeaded = false;
      for (const section of [report.intro, ...report.sections]) {
        const at = { file, article, report, section };
        section.passages.forEach((passage, i) => {
          const heads = { article: !articleHeaded, report: !reportHeaded, section: i === 0 && section !== report.intro };
          articleHeaded = reportHeaded = true;
          hits.push({ ...at, kind: 'passage', key: unique(`p:${passage.id}`), passage, heads });
        });
        for (const statistic of section.statistics) {
          hits.push({ ...at, kind: 'statistic', key: unique(`s:${statistic.id}`), statistic });
        }
      }
    }
  }
  return hits;
}

/**
 * A passage's fields. Titles go with the first passage under them only: a title match then
 * brings up where the report or section starts, once, and the index does not repeat each title
 * for every paragraph (on the news corpus that halves its size).
 */
function fieldsOf(id: number, hit: Hit): Fields {
  const { file, article, report, section, passage, statistic, heads } = hit;
  if (statistic) {
    return { id, title: '', section: '', text: clauseOf(file.text, statistic), metric: statistic.metric, subject: statistic.subject ?? report.author ?? '' };
  }
  const titles = [heads?.article ? article.title : '', heads?.report && report.title !== article.title ? report.title : ''];
  return {
    id,
    title: titles.filter(Boolean).join('\n'),
    section: heads?.section ? section.title : '',
    text: passage!.ranges.map((r) => file.text.slice(r.start, r.end)).join(''),
    metric: '',
    subject: '',
  };
}

/** Clause delimiters: a statistic is searched by the clause holding its figure. */
const CLAUSE_END = /[，,；;。：:！!？?]/;

/**
 * The clause of the sentence that holds the figure (未成年人犯罪数同比下降20.3%), not the whole
 * sentence: the passage already holds the sentence, and the clause is what the figure is about.
 */
function clauseOf(text: string, statistic: Statistic): string {
  const { sentenceRange, range } = statistic;
  let start = range.start;
  while (start > sentenceRange.start && !CLAUSE_END.test(text[start - 1])) start--;
  let end = range.end;
  while (end < sentenceRange.end && !CLAUSE_END.test(text[end])) end++;
  return text.slice(start, end);
}

/** A statistic's sentence as pieces of its passage, so a page break inside it leaves no gap. */
function sentenceRanges(section: Section, statistic: Statistic): SourceRange[] {
  const { start, end } = statistic.sentenceRange;
  const passage = section.passages.find((p) => p.id === statistic.passageId);
  if (!passage) return [statistic.sentenceRange];
  return passage.ranges
    .map((r) => ({ start: Math.max(r.start, start), end: Math.min(r.end, end) }))
    .filter((r) => r.start < r.end);
}
