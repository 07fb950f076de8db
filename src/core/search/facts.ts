/**
 * What a query's conditions read of each indexed document (query/match.ts Facts), kept by
 * document number in typed arrays with names interned. A common word is held by tens of thousands
 * of documents; checking `period:2022` or `>10%` against each then reads numbers, not the corpus
 * model, whose objects lie scattered in memory: reading one per document cost more than scoring
 * it. About 30 bytes a document.
 */
import type { Article, CorpusFile, Report, Statistic, StatisticKind } from '../model';
import type { Facts, MatchContext, StatisticFacts } from './query/match';

/** Where documents stand: the place conditions read, and the scope a search may keep to. */
interface Place {
  context: MatchContext;
  articleId: string;
  reportId: string;
}

/** A recorded document's scope, for SearchOptions' articleId and reportId. */
export interface Scope {
  articleId: string;
  reportId: string;
}

const NONE = 0;

export class FactsTable {
  /** Interned names; code 0 stands for none. */
  private readonly names: string[] = [''];
  private readonly codes = new Map<string, number>();
  private readonly places: Place[] = [];
  private readonly placeCodes = new Map<string, number>();
  /** By document slot: place code + 1 (0: not recorded). */
  private place = new Uint32Array(1024);
  private value = new Float64Array(1024);
  /** Name codes of a statistic's kind (0 for a passage), unit, metric key, subject and period. */
  private kind = new Uint32Array(1024);
  private unit = new Uint32Array(1024);
  private metric = new Uint32Array(1024);
  private subject = new Uint32Array(1024);
  private period = new Uint32Array(1024);

  /** Records a document in a slot (its number's half: statistic and passage numbers never share one). */
  record(slot: number, file: CorpusFile, article: Article, report: Report, statistic?: Statistic): void {
    this.grow(slot);
    this.place[slot] = this.placeCode(file, article, report) + 1;
    if (!statistic) {
      this.kind[slot] = NONE;
      return;
    }
    this.value[slot] = statistic.value;
    this.kind[slot] = this.code(statistic.kind);
    this.unit[slot] = this.code(statistic.unit);
    this.metric[slot] = this.code(statistic.metricKey);
    this.subject[slot] = statistic.subject === undefined ? NONE : this.code(statistic.subject);
    this.period[slot] = statistic.period === undefined ? NONE : this.code(statistic.period);
  }

  /**
   * A recorded document's facts, written into `into` and `statistic` (reused: a search reads
   * thousands), and its scope; undefined when the slot was never recorded.
   */
  read(slot: number, into: Facts, statistic: StatisticFacts): Scope | undefined {
    const code = slot < this.place.length ? this.place[slot] : 0;
    if (code === 0) return undefined;
    const place = this.places[code - 1];
    into.file = place.context.file;
    into.report = place.context.report;
    into.article = place.context.article;
    into.date = place.context.date;
    if (this.kind[slot] === NONE) {
      into.statistic = undefined;
      return place;
    }
    statistic.value = this.value[slot];
    statistic.kind = this.names[this.kind[slot]] as StatisticKind;
    statistic.unit = this.names[this.unit[slot]];
    statistic.metricKey = this.names[this.metric[slot]];
    statistic.subject = this.subject[slot] === NONE ? undefined : this.names[this.subject[slot]];
    statistic.period = this.period[slot] === NONE ? undefined : this.names[this.period[slot]];
    into.statistic = statistic;
    return place;
  }

  private code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.push(name) - 1;
      this.codes.set(name, code);
    }
    return code;
  }

  private placeCode(file: CorpusFile, article: Article, report: Report): number {
    const date = article.metadata.date ?? file.metadata.date;
    const key = [file.path, article.id, report.id, article.title, report.title, date ?? ''].join('\u0000');
    let code = this.placeCodes.get(key);
    if (code === undefined) {
      code = this.places.push({ context: { file: file.path, report: report.title, article: article.title, date }, articleId: article.id, reportId: report.id }) - 1;
      this.placeCodes.set(key, code);
    }
    return code;
  }

  private grow(slot: number): void {
    if (slot < this.place.length) return;
    const size = Math.max(slot + 1, this.place.length * 2);
    const grown = <T extends Uint32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.place = grown(this.place);
    this.value = grown(this.value);
    this.kind = grown(this.kind);
    this.unit = grown(this.unit);
    this.metric = grown(this.metric);
    this.subject = grown(this.subject);
    this.period = grown(this.period);
  }
}
