/**
 * The search index: an inverted index (terms.ts) over passages (paragraphs, with their report and
 * section titles as boosted fields) and statistics (metric, subject, sentence). It follows the
 * corpus file by file: add a file, remove a file. Documents get internal numbers; what they point at
 * is looked up in the corpus model, so the index stores no text. Its postings are kept in segments
 * of files (segment.ts), each saved and loaded on its own (cache.ts), and may be built in another
 * thread (enter, then attach).
 */
import type { CorpusFile } from '../model';
import { partitionPoint } from '../partition';
import { summaryOf } from '../corpus/packed';
import type { MetricKeys } from '../stats/metricKey';
import { arrange, type Entry } from './arrange';
import { best, bestAccepted, type Ranked } from './best';
import { candidatesOf } from './candidates';
import { documentNumber, documentsOf, fieldsOf, isStatistic, slotOf, type Fields, type Hit } from './documents';
import { FactsTable } from './facts';
import { queryMatcher, type Facts, type StatisticFacts } from './query/match';
import { asksForStatistics, isEmptyQuery, parseQuery, type Query as ParsedQuery } from './query/parse';
import { packSegment, unpackSegment, type Segment, type SegmentHead } from './segment';
import { admitter, searchResult, textual } from './results';
import type { Domain, Query } from './matches';
import { TermIndex, type TermIndexOptions } from './terms';
import { MAX_QUERY_TERMS, type Tokenizer } from './tokenizer';
import type { SearchOptions, SearchResult } from './types';
import { Unlocated } from './unlocated';
import { vocabularyTokenizer } from './vocabularyCut';

/** Bump when documents, fields or boosts change: cached indexes built before are then rebuilt. */
export const INDEX_FORMAT = 6;

const DEFAULT_LIMIT = 50;
/** Documents ranked per result asked for: room for the figures of a sentence and folded passages. */
const ROOM = 3;
/** Of a longer query, the rarest this many words rank the results (and, when no document has every word, find them). */
const ANY_TERMS = 8;
/** Fewer results than this and a query word may also match by its parts. */
const FEW = 10;

/**
 * What the cache keeps of a segment of the index: per file, the slot of its first document and
 * how many it has (a file's documents have consecutive slots, see enter: their numbers are the
 * segment's within them); the postings.
 */
export interface SerializedSegment {
  files: Array<[path: string, first: number, count: number]>;
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

/** What a search asks of documents besides their words (see matching). */
interface Conditions {
  /** Everything: asked of the best candidates only. */
  accepts?: (hit: Hit) => boolean;
  /** The cheap part that refuses most, by document number: asked before scoring. */
  narrows?: (id: number) => boolean;
}

export class SearchIndex {
  /** Documents located in the model. */
  private readonly docs = new Map<number, Hit>();
  /** Documents of files restored from a cache or entered for indexing, not located in the model yet (see hit). */
  private readonly unlocated = new Unlocated();
  /** Each file's document numbers, in the order of its documents. */
  private readonly byFile = new Map<string, Int32Array>();
  /** What conditions read of each located document (see facts.ts). */
  private readonly facts = new FactsTable();
  /** The segment holding each file's postings; files added here and not packed yet wait in unpacked. */
  private readonly segmentByFile = new Map<string, Segment>();
  private unpacked: string[] = [];
  private readonly inverted: TermIndex<Fields>;
  /** Whether a last query word is complete (see search): the terms of the index. */
  private readonly vocabulary: { has(term: string): boolean };
  /** Cuts queries into the words the index holds (vocabularyCut.ts): searching needs no jieba. */
  private readonly tokenizer: Tokenizer;

  private constructor(
    tokenizer: Tokenizer,
    private nextId = 0,
  ) {
    this.inverted = new TermIndex({ ...termIndexOptions(tokenizer), sealed: (segment) => this.packed(segment) });
    this.vocabulary = this.inverted;
    this.tokenizer = vocabularyTokenizer(tokenizer, this.inverted);
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
    const count = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0 && (n as number) < 2 ** 30;
    if (!Array.isArray(saved.files) || !saved.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && count(f[1]) && count(f[2]))) {
      throw new Error('search: the saved index is not one');
    }
    const segment = unpackSegment(saved.head, saved.data);
    for (const [path, first, n] of saved.files) {
      const file = files.get(path);
      if (!file) continue;
      if (this.byFile.has(path)) throw new Error(`search: index holds ${path} twice`);
      if (first + n > this.nextId) throw new Error('search: the saved index is not one');
      // Its numbers are the segment's from its first slot on, one per slot (Unlocated.add checks
      // that), as many as the model has documents. A copy: a view would keep the segment's postings
      // after a merge.
      const from = partitionPoint(segment.ids.length, (i) => segment.ids[i] < 2 * first);
      const ids = segment.ids.slice(from, from + n);
      const fits = ids.length === n && (n === 0 || slotOf(ids[0]) === first) && summaryOf(file).documents === n;
      if (!fits || !this.unlocated.add(file, ids)) throw new Error(`search: index holds other documents of ${path} than the model`);
      this.byFile.set(path, ids);
      this.segmentByFile.set(path, segment);
    }
    this.inverted.attach(segment, (id) => this.unlocated.has(id));
    return segment;
  }

  /** The segments, oldest first (packing what was added here since the last time). */
  segments(): readonly Segment[] {
    this.inverted.seal(this.unpacked.length > 0);
    return this.inverted.packed();
  }

  /** The segment holding a file's postings; undefined for a file not indexed or not packed yet. */
  segmentOf(path: string): Segment | undefined {
    return this.segmentByFile.get(path);
  }

  /** A segment as the cache keeps it: the files it holds now, and its postings. */
  serialize(segment: Segment): SerializedSegment {
    const files: SerializedSegment['files'] = [];
    for (const [path, s] of this.segmentByFile) {
      const ids = this.byFile.get(path)!;
      if (s === segment) files.push([path, ids.length ? slotOf(ids[0]) : 0, ids.length]);
    }
    return { files, ...packSegment(segment) };
  }

  /** Merges consecutive segments into one of their files still held (fewer segments, no removed documents). */
  merge(segments: readonly Segment[]): void {
    const merged = this.inverted.merge(segments);
    let held = false;
    for (const [path, s] of this.segmentByFile) {
      if (!segments.includes(s)) continue;
      this.segmentByFile.set(path, merged);
      held = true;
    }
    // Nothing left in it: no segment at all.
    if (!held) this.inverted.drop(merged);
  }

  /** How many of a segment's documents are still searched (removed and replaced files' are not). */
  liveShare(segment: Segment): number {
    return this.inverted.liveShare(segment);
  }

  /** Number of indexed documents (passages and statistics). */
  get documentCount(): number {
    return this.docs.size + this.unlocated.size;
  }

  has(path: string): boolean {
    return this.byFile.has(path);
  }

  /** Indexes a file; a file already indexed under this path is replaced. */
  add(file: CorpusFile): void {
    this.inverted.addAll(this.enter(file));
    this.unpacked.push(file.path);
  }

  /**
   * Takes a file in without indexing it: the fields of its documents, to index in another thread
   * (indexer.ts), whose segment then comes back through attach. A file already indexed under this
   * path is replaced.
   */
  enter(file: CorpusFile): Fields[] {
    this.remove(file.path);
    const hits = documentsOf(file);
    const ids = new Int32Array(hits.length);
    const fields = hits.map((hit, i) => {
      const id = (ids[i] = documentNumber(this.nextId++, hit.kind));
      this.facts.record(slotOf(id), file, hit.article, hit.report, hit.statistic);
      return fieldsOf(id, hit);
    });
    // Left to be located again when a search needs them, as a cached file's are (see unlocated):
    // kept located, a build's documents took as much memory as the files' models.
    this.unlocated.add(file, ids);
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
    this.inverted.attach(segment, (id) => live.has(id));
  }

  remove(path: string): void {
    const ids = this.byFile.get(path);
    if (!ids) return;
    // discardAll marks the documents gone at once; a merge of their segment drops their postings.
    this.inverted.discardAll(ids);
    for (const id of ids) this.docs.delete(id);
    this.unlocated.drop(ids);
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
   * Ranked results for a query in the query language (see query/parse.ts): every word must match
   * (the last one as a prefix while typing); when that finds next to nothing, a query word may
   * also match by its parts (电信诈骗 in 电信|诈骗案); when that finds nothing, any word may.
   * Phrases, exclusions, fields and figure conditions then decide which matches are results; a
   * query of conditions alone lists what meets them in reading order. Never throws on odd input:
   * a malformed query or one without terms finds nothing.
   */
  search(text: string, options: SearchOptions = {}, metricKeys?: MetricKeys): SearchResult[] {
    const parsed = parseQuery(text);
    if (!parsed.ok || isEmptyQuery(parsed.query)) return [];
    const query = parsed.query;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const statisticsOnly = options.statisticsOnly === true || asksForStatistics(query);
    const narrows = this.narrower(query, options, statisticsOnly, metricKeys);
    // Phrases and exclusions read the text: asked of the best candidates only.
    const accepts = query.phrases.length + query.excluded.length > 0 ? admitter(textual(query), {}, false) : undefined;
    const admits = admitter(query, options, statisticsOnly, metricKeys);
    // A metric: or subject: value is searched for too (then checked): it finds its statistics
    // through the index rather than a walk over the corpus; a metric by its key as well (客运量 finds
    // 旅客发送量 when an alias makes them one).
    const named = query.fields
      .filter((f) => !f.negated && f.values.length === 1 && (f.field === 'metric' || f.field === 'subject'))
      .flatMap((f) => (f.field === 'metric' && metricKeys ? [f.values[0], metricKeys.keyOf(f.values[0])] : [f.values[0]]));
    const wordTerms = this.tokenizer.queryTerms(query.words.map((w) => w.text).join(' '));
    const otherTerms = this.tokenizer.queryTerms([...query.phrases.map((p) => p.text), ...named].join(' '));
    const terms = [...new Set([...otherTerms, ...wordTerms])].slice(0, MAX_QUERY_TERMS);
    const typing = query.endsWithWord && options.prefixLast === true && terms[terms.length - 1] === wordTerms[wordTerms.length - 1];
    // A phrase is checked in the text; of its words, the rarest ranks it (a phrase of common
    // words, 高质量发展, would otherwise walk the postings of 发展).
    const unranked = new Set(
      query.phrases.flatMap((p) => {
        const own = this.tokenizer.queryTerms(p.text);
        const rarest = this.rarest(own, 1);
        return own.filter((t) => !rarest.includes(t) && !wordTerms.includes(t));
      }),
    );
    let found: Ranked[];
    if (terms.length > 0) found = this.matching(terms, typing, { accepts, narrows }, limit, unranked);
    else if (query.words.length || query.phrases.length) return [];
    else found = this.meeting({ accepts, narrows }, limit * ROOM);
    const phrases = query.phrases.map((p) => this.tokenizer.fold(p.text));
    const highlight = (entry: Entry): string[] => [...entry.ranked.terms, ...phrases];
    // The figures of a sentence and the passages that fold into them change how many results
    // the first documents make (see arrange): more are taken when they make too few.
    for (let take = limit; ; take += limit) {
      const entries = found.slice(0, take).flatMap((f): Entry[] => this.entry(f));
      const results = arrange(entries, query, admits, highlight, this.tokenizer.fold, metricKeys);
      if (results.length >= limit || take >= found.length) return results.slice(0, limit).map((entry) => searchResult(entry, highlight(entry), this.tokenizer.fold));
    }
  }

  /** A ranked document as an entry, located in the model (none when the model lost it). */
  private entry(found: Ranked): Entry[] {
    const hit = this.hit(found.id);
    return hit ? [{ hit, ranked: found }] : [];
  }

  /**
   * The documents that match the terms and pass `accepts`, best first (see search). Those that
   * fail `narrows` (cheap, and what refuses most) are not even scored; `accepts` is asked of the
   * best until enough pass.
   */
  private matching(terms: string[], typing: boolean, { accepts, narrows }: Conditions, limit: number, unranked: Set<string>): Ranked[] {
    // While typing, the last word may be unfinished: match it as a prefix, unless it is a whole
    // word of two or more characters that the corpus has (增长 then does not also scan 增长率,
    // 增长点 … — prefix expansion of common words is the slowest part of a search).
    const last = terms[terms.length - 1];
    const unfinished = typing && ([...last].length === 1 || !this.vocabulary.has(last));
    const prefix = (term: string): boolean => unfinished && term === last;
    const accept = accepts && ((id: number): boolean => {
      const hit = this.hit(id);
      return hit !== undefined && accepts(hit);
    });
    // The rarest few words of a long query, and the one being typed: enough to rank by.
    const fewest = (asked: string[]): string[] => {
      if (asked.length <= ANY_TERMS) return asked;
      const rarest = this.rarest(asked.filter((term) => !prefix(term)), ANY_TERMS);
      return unfinished && asked.includes(last) ? [...rarest, last] : rarest;
    };
    const run = (combineWith: 'AND' | 'OR', parts: boolean, asked = terms): Ranked[] => {
      const words = asked.filter((term) => !prefix(term)).map((term) => ({ term, parts: parts ? this.tokenizer.subWords(term) : [] }));
      const candidates = combineWith === 'AND' && asked.length > 1 ? candidatesOf(this.inverted, words) : undefined;
      // No document holds every word (a pasted paragraph, most often): nothing to score.
      if (candidates?.length === 0) return [];
      // The documents that hold every word are scored by the rarest of them: the postings of a
      // pasted paragraph's common words would be most of the work.
      const queries = fewest(asked.filter((term) => !unranked.has(term))).map((term) => this.termQuery(term, prefix(term), parts));
      return this.ranked({ combineWith, queries }, { within: candidates, keep: narrows }, accept, limit * ROOM);
    };
    let found = run('AND', false);
    // Parts are tried only when the words alone find next to nothing: they cost another pass over
    // the postings of common words (同比, 增长).
    if (found.length < Math.min(limit, FEW) && terms.some((t) => this.tokenizer.subWords(t).length)) found = run('AND', true);
    // Any word: of a long query, the rarest few (they say most of what it is about).
    if (found.length === 0 && terms.length > 1) found = run('OR', terms.length <= ANY_TERMS, fewest(terms));
    return found;
  }

  /** A query of conditions alone: the first documents that meet them, in reading order. */
  private meeting({ accepts, narrows }: Conditions, room: number): Ranked[] {
    const found: Ranked[] = [];
    for (const ids of this.byFile.values()) {
      for (const id of ids) {
        if (narrows && !narrows(id)) continue;
        const hit = accepts && this.hit(id);
        if (accepts && !(hit && accepts(hit))) continue;
        if (found.push({ id, score: 0, terms: [] }) >= room) return found;
      }
    }
    return found;
  }

  /**
   * Whether a document meets what a query asks of its facts (see facts.ts), and lies in the scope
   * of the options: asked of every document a word holds, so it reads the facts table, not the
   * model. Undefined when every document does.
   */
  private narrower(query: ParsedQuery, options: SearchOptions, statisticsOnly: boolean, metricKeys: MetricKeys | undefined): ((id: number) => boolean) | undefined {
    const { articleId, reportId } = options;
    const conditions = query.fields.length + query.dates.length + query.figures.length > 0;
    if (!statisticsOnly && !articleId && !reportId && !conditions) return undefined;
    const matcher = queryMatcher({ ...query, words: [], phrases: [], excluded: [] }, { metricKeys });
    const facts: Facts = { file: '', report: '' };
    const statistic: StatisticFacts = { value: 0, unit: '', kind: 'count', metricKey: '' };
    return (id) => {
      if (statisticsOnly && !isStatistic(id)) return false;
      const slot = slotOf(id);
      // A document of a restored file is recorded once its file is located.
      if (!this.facts.read(slot, facts, statistic) && !(this.hit(id) && this.facts.read(slot, facts, statistic))) return false;
      const scope = articleId || reportId ? this.facts.scope(slot) : undefined;
      if (scope && ((articleId && scope.articleId !== articleId) || (reportId && scope.reportId !== reportId))) return false;
      return !conditions || matcher.facts(facts);
    };
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
   * The best k documents for a query tree, best first (see best.ts). Documents outside the domain
   * (the candidates, see candidates.ts; those meeting the query's conditions) are not scored at
   * all; `accept` is asked of the best until k pass.
   */
  private ranked(query: Query, domain: Domain, accept: ((id: number) => boolean) | undefined, k: number): Ranked[] {
    const matches = this.inverted.matches(query, domain);
    return accept ? bestAccepted(matches, accept, k) : best(matches, k);
  }

  /** The n terms the fewest documents hold (and some do), rarest first. */
  private rarest(terms: string[], n: number): string[] {
    return terms
      .map((term) => ({ term, n: this.inverted.countOf(term) }))
      .filter((t) => t.n > 0)
      .sort((a, b) => a.n - b.n)
      .slice(0, n)
      .map((t) => t.term);
  }

  /**
   * A document located in the model; a waiting file's documents are all located on the first
   * asked for, by their order. Undefined for a document the model does not have (one of another
   * kind at its place, or other documents altogether: the model is not the one indexed).
   */
  private hit(id: number): Hit | undefined {
    const waiting = this.unlocated.take(id);
    const hits = waiting && documentsOf(waiting.file);
    if (waiting && hits!.length === waiting.ids.length) {
      waiting.ids.forEach((docId, i) => {
        const hit = hits![i];
        if (isStatistic(docId) !== (hit.kind === 'statistic')) return;
        this.docs.set(docId, hit);
        this.facts.record(slotOf(docId), hit.file, hit.article, hit.report, hit.statistic);
      });
    }
    return this.docs.get(id);
  }
}
