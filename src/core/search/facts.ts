/**
 * What a query's conditions read of each indexed document (query/match.ts Facts), kept by
 * document number in typed arrays with names interned. A common word is held by tens of thousands
 * of documents; checking `period:2022` or `>10%` against each then reads numbers, not the corpus
 * model, whose objects lie scattered in memory: reading one per document cost more than scoring
 * it. 32 bytes a document.
 */
import type { Article, CorpusFile, Report, Statistic, StatisticKind } from '../model';
import { detached } from '../detached';
import { grown } from '../grown';
import type { Facts, StatisticFacts } from './query/match';

/** A recorded document's scope, for SearchOptions' articleId and reportId. */
export interface Scope {
  articleId: string;
  reportId: string;
}

const NONE = 0;
/** A slot's cells (see cells), and where each fact is among them (the value: in float64 units, see values). */
const CELLS = 8;
const PLACE = 0;
const KIND = 1;
const UNIT = 2;
const METRIC = 3;
const SUBJECT = 4;
const PERIOD = 5;
const VALUE = 3;

export class FactsTable {
  /** Interned names; code 0 stands for none. */
  private readonly names: string[] = [''];
  private readonly codes = new Map<string, number>();
  /**
   * Where documents stand, by place code: their scope, and what conditions read of the place field
   * by field (read for every document a condition is asked of: reaching them through one object
   * per place cost more than the conditions themselves).
   */
  private readonly scopes: Scope[] = [];
  private readonly files: string[] = [];
  private readonly reports: string[] = [];
  private readonly articles: Array<string | undefined> = [];
  private readonly dates: Array<string | undefined> = [];
  private readonly placeCodes = new Map<string, number>();
  /**
   * By document slot, side by side (one cache line holds two documents: reading seven arrays
   * apart cost a miss each): place code + 1 (0: not recorded); the name codes of a statistic's
   * kind (0 for a passage), unit, metric key, subject and period; its value (a float over the last two).
   */
  private cells = new Int32Array(CELLS * 1024);
  private values = new Float64Array(this.cells.buffer);

  /** Records a document in a slot (its number's half: statistic and passage numbers never share one). */
  record(slot: number, file: CorpusFile, article: Article, report: Report, statistic?: Statistic): void {
    this.grow(slot);
    const at = slot * CELLS;
    this.cells[at + PLACE] = this.placeCode(file, article, report) + 1;
    if (!statistic) {
      this.cells[at + KIND] = NONE;
      return;
    }
    this.cells[at + KIND] = this.code(statistic.kind);
    this.cells[at + UNIT] = this.code(statistic.unit);
    this.cells[at + METRIC] = this.code(statistic.metricKey);
    this.cells[at + SUBJECT] = statistic.subject === undefined ? NONE : this.code(statistic.subject);
    this.cells[at + PERIOD] = statistic.period === undefined ? NONE : this.code(statistic.period);
    this.values[(at >> 1) + VALUE] = statistic.value;
  }

  /**
   * Writes a recorded document's facts into `into` and `statistic` (reused: a search reads
   * thousands); false when the slot was never recorded.
   */
  read(slot: number, into: Facts, statistic: StatisticFacts): boolean {
    const { cells, names } = this;
    const at = slot * CELLS;
    const code = at < cells.length ? cells[at + PLACE] - 1 : -1;
    if (code < 0) return false;
    into.file = this.files[code];
    into.report = this.reports[code];
    into.article = this.articles[code];
    into.date = this.dates[code];
    if (cells[at + KIND] === NONE) {
      into.statistic = undefined;
      return true;
    }
    statistic.value = this.values[(at >> 1) + VALUE];
    statistic.kind = names[cells[at + KIND]] as StatisticKind;
    statistic.unit = names[cells[at + UNIT]];
    statistic.metricKey = names[cells[at + METRIC]];
    statistic.subject = cells[at + SUBJECT] === NONE ? undefined : names[cells[at + SUBJECT]];
    statistic.period = cells[at + PERIOD] === NONE ? undefined : names[cells[at + PERIOD]];
    into.statistic = statistic;
    return true;
  }

  /** The scope of a recorded document (see read). */
  scope(slot: number): Scope {
    return this.scopes[this.cells[slot * CELLS + PLACE] - 1];
  }

  private code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      const kept = detached(name);
      code = this.names.push(kept) - 1;
      this.codes.set(kept, code);
    }
    return code;
  }

  private placeCode(file: CorpusFile, article: Article, report: Report): number {
    const date = article.metadata.date ?? file.metadata.date;
    const key = [file.path, article.id, report.id, article.title, report.title, date ?? ''].join('\u0000');
    let code = this.placeCodes.get(key);
    if (code === undefined) {
      const place = detached({ key, articleId: article.id, reportId: report.id, path: file.path, report: report.title, article: article.title, date });
      code = this.scopes.push({ articleId: place.articleId, reportId: place.reportId }) - 1;
      this.files.push(place.path);
      this.reports.push(place.report);
      this.articles.push(place.article);
      this.dates.push(place.date);
      this.placeCodes.set(place.key, code);
    }
    return code;
  }

  private grow(slot: number): void {
    if (slot * CELLS < this.cells.length) return;
    this.cells = grown(this.cells, CELLS * (slot + 1));
    this.values = new Float64Array(this.cells.buffer);
  }
}
