/**
 * The search index: MiniSearch over passages (paragraphs, with their report and section titles as
 * boosted fields) and statistics (metric, subject, sentence). It follows the corpus file by file:
 * add a file, remove a file. Documents get internal numbers; what they point at is looked up in the
 * corpus model, so the index stores no text.
 */
import MiniSearch, { type Options, type Query } from 'minisearch';
import type { Article, CorpusFile, Passage, Report, Section, SourceRange, Statistic } from '../model';
import { arrange, type Entry } from './arrange';
import { packMiniSearch, unpackMiniSearch, type PackedMiniSearch } from './packed';
import { matchesPassage, matchesStatistic, type MatchContext } from './query/match';
import { asksForStatistics, parseQuery, type Query as ParsedQuery } from './query/parse';
import { makeSnippet } from './snippet';
import { MAX_QUERY_TERMS, type Tokenizer } from './tokenizer';
import type { SearchOptions, SearchResult } from './types';

/** Bump when documents, fields or boosts change: cached indexes built before are then rebuilt. */
export const INDEX_FORMAT = 4;

const DEFAULT_LIMIT = 50;
/** Fewer results than this and a query word may also match by its parts. */
const FEW = 10;

/** A document of the index, located in the corpus model. */
export interface Hit {
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

interface Fields {
  id: number;
  title: string;
  section: string;
  text: string;
  metric: string;
  subject: string;
}

/** A ranked match: document number, score, the index terms it matched. */
export interface Ranked {
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

/** What the cache keeps of an index: MiniSearch's own form and, per file, document number → key. */
export interface SerializedIndex {
  format: number;
  tokenizer: string;
  nextId: number;
  files: Array<[path: string, docs: Array<[id: number, key: string]>]>;
  miniSearch: PackedMiniSearch;
}

function miniSearchOptions(tokenizer: Tokenizer, vocabulary: Set<string>): Options<Fields> {
  return {
    fields: ['title', 'section', 'text', 'metric', 'subject'],
    storeFields: [],
    tokenize: (text) => {
      const terms = tokenizer.indexTerms(text);
      for (const term of terms) vocabulary.add(term);
      return terms;
    },
    // Terms come folded and filtered from the tokenizer.
    processTerm: (term) => term,
    searchOptions: {
      // Query strings reaching MiniSearch are single terms, already cut by the tokenizer.
      tokenize: (term) => [term],
      processTerm: (term) => term,
      boost: { metric: 3, title: 2, section: 1.5, subject: 1.5, text: 1 },
    },
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
  private readonly miniSearch: MiniSearch<Fields>;
  /**
   * Every term ever indexed (terms of removed files stay: it only decides whether a last query
   * word is complete, see search).
   */
  private readonly vocabulary = new Set<string>();

  private constructor(
    private readonly tokenizer: Tokenizer,
    saved?: PackedMiniSearch,
    private nextId = 0,
  ) {
    const options = miniSearchOptions(tokenizer, this.vocabulary);
    this.miniSearch = saved ? unpackMiniSearch(saved, options) : new MiniSearch(options);
    for (const term of saved?.terms ?? []) this.vocabulary.add(term);
  }

  static create(tokenizer: Tokenizer): SearchIndex {
    return new SearchIndex(tokenizer);
  }

  /**
   * Restores an index saved by serialize, given the same files it was built from. Throws when the
   * saved form does not fit (another format or tokenizer, a file the model does not have or has
   * with another number of documents).
   */
  static load(saved: SerializedIndex, tokenizer: Tokenizer, files: ReadonlyMap<string, CorpusFile>): SearchIndex {
    if (saved.format !== INDEX_FORMAT) throw new Error(`search: index format ${saved.format}, expected ${INDEX_FORMAT}`);
    if (saved.tokenizer !== tokenizer.version) throw new Error('search: index built by another tokenizer');
    const index = new SearchIndex(tokenizer, saved.miniSearch, saved.nextId);
    for (const [path, docs] of saved.files) {
      const file = files.get(path);
      if (!file) throw new Error(`search: index holds ${path}, which the model does not`);
      if (countDocuments(file) !== docs.length) throw new Error(`search: index holds other documents of ${path} than the model`);
      const restored = { file, docs };
      for (const [id] of docs) index.restored.set(id, restored);
      index.byFile.set(path, docs.map(([id]) => id));
    }
    return index;
  }

  serialize(): SerializedIndex {
    return {
      format: INDEX_FORMAT,
      tokenizer: this.tokenizer.version,
      nextId: this.nextId,
      files: [...this.byFile].map(([path, ids]) => [path, ids.flatMap((id) => this.keyed(id))]),
      miniSearch: packMiniSearch(this.miniSearch),
    };
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
    this.remove(file.path);
    const ids: number[] = [];
    const fields: Fields[] = [];
    for (const hit of documentsOf(file)) {
      const id = this.nextId++;
      this.docs.set(id, hit);
      ids.push(id);
      fields.push(fieldsOf(id, hit));
    }
    this.miniSearch.addAll(fields);
    this.byFile.set(file.path, ids);
  }

  remove(path: string): void {
    const ids = this.byFile.get(path);
    if (!ids) return;
    // discardAll marks the documents gone at once; MiniSearch vacuums the stale terms later.
    this.miniSearch.discardAll(ids);
    for (const id of ids) {
      this.docs.delete(id);
      this.restored.delete(id);
    }
    this.byFile.delete(path);
  }

  /**
   * Ranked results for a query in the query language (see query/parse.ts): every word must match
   * (the last one as a prefix while typing); when that finds next to nothing, a query word may
   * also match by its parts (电信诈骗 in 电信|诈骗案); when that finds nothing, any word may.
   * Phrases, exclusions, fields and figure conditions then decide which matches are results; a
   * query of conditions alone lists what meets them in reading order. Never throws on odd input:
   * a malformed query or one without terms finds nothing.
   */
  search(text: string, options: SearchOptions = {}): SearchResult[] {
    const parsed = parseQuery(text);
    if (!parsed.ok) return [];
    const query = parsed.query;
    const limit = options.limit ?? DEFAULT_LIMIT;
    // Room for the figures of a sentence and the passages that fold into them (see arrange).
    const room = limit * 3;
    const accepts = this.acceptor(query, options);
    const wordTerms = this.tokenizer.queryTerms(query.words.map((w) => w.text).join(' '));
    const phraseTerms = this.tokenizer.queryTerms(query.phrases.map((p) => p.text).join(' '));
    const terms = [...new Set([...phraseTerms, ...wordTerms])].slice(0, MAX_QUERY_TERMS);
    let found: Entry[];
    if (terms.length > 0) found = this.matching(terms, query.endsWithWord && options.prefixLast === true && terms[terms.length - 1] === wordTerms[wordTerms.length - 1], accepts, room, limit);
    else if (query.words.length || query.phrases.length) return [];
    else found = this.meeting(accepts, room);
    const phrases = query.phrases.map((p) => this.tokenizer.fold(p.text));
    const highlight = (entry: Entry): string[] => [...entry.ranked.terms, ...phrases];
    return arrange(found, query, accepts, highlight, this.tokenizer.fold)
      .slice(0, limit)
      .map((entry) => this.result(entry, highlight(entry)));
  }

  /** The documents that match the terms and pass `accepts`, best first (see search). */
  private matching(terms: string[], typing: boolean, accepts: (hit: Hit) => boolean, room: number, limit: number): Entry[] {
    // While typing, the last word may be unfinished: match it as a prefix, unless it is a whole
    // word of two or more characters that the corpus has (增长 then does not also scan 增长率,
    // 增长点 … — prefix expansion of common words is the slowest part of a search).
    const last = terms[terms.length - 1];
    const unfinished = typing && ([...last].length === 1 || !this.vocabulary.has(last));
    const prefix = (i: number): boolean => unfinished && i === terms.length - 1;
    const accept = (id: number): Hit | undefined => {
      const hit = this.hit(id);
      return hit && accepts(hit) ? hit : undefined;
    };
    const run = (combineWith: 'AND' | 'OR', parts: boolean): Entry[] => {
      const queries = terms.map((term, i) => this.termQuery(term, prefix(i), parts));
      const words = terms.filter((_, i) => !prefix(i)).map((term) => ({ term, parts: parts ? this.tokenizer.subWords(term) : [] }));
      const candidates = combineWith === 'AND' && terms.length > 1 ? this.candidates(words) : undefined;
      return this.ranked({ combineWith, queries }, candidates, accept, room);
    };
    let found = run('AND', false);
    // Parts are tried only when the words alone find next to nothing: they cost another pass over
    // the postings of common words (同比, 增长).
    if (found.length < Math.min(limit, FEW) && terms.some((t) => this.tokenizer.subWords(t).length)) found = run('AND', true);
    if (found.length === 0 && terms.length > 1) found = run('OR', true);
    return found;
  }

  /** A query of conditions alone: the first documents that meet them, in reading order. */
  private meeting(accepts: (hit: Hit) => boolean, room: number): Entry[] {
    const found: Entry[] = [];
    for (const ids of this.byFile.values()) {
      const file = ids.length ? (this.docs.get(ids[0]) ?? this.restored.get(ids[0]))?.file : undefined;
      if (!file) continue;
      for (const hit of documentsOf(file)) {
        if (!accepts(hit)) continue;
        found.push({ hit, ranked: { id: -1, score: 0, terms: [] } });
        if (found.length >= room) return found;
      }
    }
    return found;
  }

  /**
   * Whether a document is a result: in the scope of the options and meeting the query's
   * conditions (its words the index has matched already).
   */
  private acceptor(query: ParsedQuery, options: SearchOptions): (hit: Hit) => boolean {
    const { articleId, reportId } = options;
    const statisticsOnly = options.statisticsOnly === true || asksForStatistics(query);
    return (hit) => {
      if ((statisticsOnly && hit.kind !== 'statistic') || (articleId && hit.article.id !== articleId) || (reportId && hit.report.id !== reportId)) return false;
      const context: MatchContext = {
        file: hit.file.path,
        report: hit.report.title,
        article: hit.article.title,
        date: hit.article.metadata.date ?? hit.file.metadata.date,
      };
      if (hit.statistic) return matchesStatistic(hit.statistic, query, context, { words: false });
      const { text } = hit.file;
      return matchesPassage(query, context, () => hit.passage!.ranges.map((r) => text.slice(r.start, r.end)).join(''), { words: false });
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
   * The best k documents for a query tree, best first. MiniSearch's search() builds a result
   * object for every matching document and sorts them all; a common word (发展, 中国) matches tens
   * of thousands, so this takes MiniSearch's raw matches and keeps only the top k. Documents
   * outside the candidates (see candidates) or the filter are not scored at all.
   */
  private ranked(query: Query, candidates: Set<number> | undefined, accept: (id: number) => Hit | undefined, k: number): Entry[] {
    const internals = this.miniSearch as unknown as MiniSearchInternals;
    // boostDocument 0 makes MiniSearch skip a document before scoring it.
    const boostDocument = candidates ? (id: number): number => (candidates.has(id) ? 1 : 0) : undefined;
    const raw = internals.executeQuery(query, { boostDocument });
    const shortIds = internals._documentIds;
    // The top k in ascending score order: a candidate only enters when it beats the weakest, and
    // only then are the query's conditions checked (a common word matches tens of thousands).
    const top: Array<{ id: number; hit: Hit; score: number; match: Record<string, unknown> }> = [];
    for (const [shortId, { score, terms, match }] of raw) {
      const id = shortIds.get(shortId);
      if (id === undefined) continue;
      // MiniSearch's own scoring: documents that match more query terms rank higher.
      const weighted = score * (terms.length || 1);
      if (top.length === k && weighted <= top[0].score) continue;
      const hit = accept(id);
      if (!hit) continue;
      let at = top.length === k ? (top.shift(), 0) : 0;
      while (at < top.length && top[at].score < weighted) at++;
      top.splice(at, 0, { id, hit, score: weighted, match });
    }
    return top.reverse().map(({ id, hit, score, match }) => ({ hit, ranked: { id, score, terms: Object.keys(match) } }));
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

  private result({ hit, ranked }: Entry, terms: string[]): SearchResult {
    const { file, statistic, passage } = hit;
    const ranges = statistic ? sentenceRanges(hit.section, statistic) : passage!.ranges;
    const snippet = makeSnippet(file.text, ranges, terms, this.tokenizer.fold);
    const extent: SourceRange = statistic ? statistic.range : { start: ranges[0].start, end: ranges[ranges.length - 1].end };
    return {
      id: statistic ? statistic.id : passage!.id,
      kind: hit.kind,
      file: file.path,
      start: extent.start,
      end: extent.end,
      match: statistic ? statistic.range : (snippet.match ?? ranges[0]),
      article: hit.article.title,
      report: hit.report.title,
      section: hit.section === hit.report.intro ? '' : hit.section.title,
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: ranked.score,
    };
  }
}

/** How many documents documentsOf makes of a file, without making them. */
function countDocuments(file: CorpusFile): number {
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
