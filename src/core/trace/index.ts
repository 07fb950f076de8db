/**
 * The corpus's statistics as figure tracing looks them up: by unit and value (sorted, with the
 * place value of each figure's last digit, so a rounded figure finds the precise one and the
 * other way round) and by metric key (for a figure written differently from its source). Files
 * come and go one at a time; the sorted tables are rebuilt on the next look-up after a change.
 * Each statistic is kept as the few fields tracing compares, not as the model's object: holding
 * those would keep every file's decoded model alive (see corpus/packed.ts), and detached: cut
 * from the text, they would keep the text.
 */
import type { CorpusFile, Statistic } from '../model';
import { sectionsOf } from '../corpus/walk';
import { detached } from '../detached';
import { figureStep, roundTo } from './precision';
import { partitionPoint } from '../partition';

/** What tracing reads of a statistic. */
export type TracedStatistic = Pick<Statistic, 'id' | 'text' | 'value' | 'unit' | 'metric' | 'metricKey' | 'subject' | 'period' | 'change'>;

/** A statistic with what tracing needs of its report. */
export interface TraceSource {
  stat: TracedStatistic;
  /** The report as a writer names it: 湖北省委政法委《着力加强…》. */
  report: string;
  /** The place value of the figure's last written digit. */
  step: number;
}

interface Tables {
  /** Per unit: sources sorted by value. */
  byUnit: Map<string, TraceSource[]>;
  /** Per unit: the distinct steps its figures are written with. */
  steps: Map<string, number[]>;
  byKey: Map<string, TraceSource[]>;
}

/** Files added later are taken in steps of about this long, between which other work runs. */
const STEP_MS = 8;

export class TraceIndex {
  private readonly files = new Map<string, TraceSource[]>();
  private tables?: Tables;
  /** Files to add in the background (restored from the cache: each must be decoded), by path. */
  private readonly later = new Map<string, CorpusFile>();
  private filling?: Promise<void>;

  static of(files: Iterable<CorpusFile>): TraceIndex {
    const index = new TraceIndex();
    for (const file of files) index.add(file);
    return index;
  }

  /** Adds a file, or replaces it when it was added before. */
  add(file: CorpusFile): void {
    this.later.delete(file.path);
    const sources: TraceSource[] = [];
    for (const { article, report, section } of sectionsOf(file)) {
      const issuer = report.kind === 'report' ? (report.author ?? article.metadata.authors?.[0]) : article.metadata.publication;
      const name = `${issuer ?? ''}《${report.title}》`;
      for (const { id, text, value, unit, metric, metricKey, subject, period, change } of section.statistics) {
        const stat: TracedStatistic = { id, text, value, unit, metric, metricKey, ...(subject !== undefined && { subject }), ...(period !== undefined && { period }), ...(change && { change }) };
        sources.push({ stat, report: name, step: figureStep(text, value) });
      }
    }
    this.files.set(file.path, detached(sources));
    this.tables = undefined;
  }

  /**
   * Adds a file later, in the background (see complete): a warm start shows the corpus without
   * decoding every file's model. A later add or remove of the same path wins.
   */
  addLater(file: CorpusFile): void {
    this.later.set(file.path, file);
  }

  remove(path: string): void {
    this.later.delete(path);
    if (this.files.delete(path)) this.tables = undefined;
  }

  /**
   * Adds the files added later, in steps that let other work run between them; resolves once
   * every one is in (look-ups made before then may miss statistics).
   */
  async complete(): Promise<void> {
    while (this.later.size || this.filling) await (this.filling ??= this.fill());
  }

  /** Adds the files waiting, a few milliseconds at a time, yielding to other work between steps. */
  private async fill(): Promise<void> {
    try {
      while (this.later.size) {
        await new Promise((resolve) => setImmediate(resolve));
        const until = Date.now() + STEP_MS;
        for (const file of this.later.values()) {
          this.add(file);
          if (Date.now() >= until) break;
        }
      }
    } finally {
      this.filling = undefined;
    }
  }

  /** Statistics in the index. */
  get size(): number {
    let n = 0;
    for (const sources of this.files.values()) n += sources.length;
    return n;
  }

  /**
   * Sources of this unit whose value may state `value` written to `step`: those that round to it
   * (a finer source), and those it rounds to at each step the unit's figures are written with (a
   * coarser source). The caller checks the agreement itself (precision.ts).
   */
  near(unit: string, value: number, step: number): TraceSource[] {
    const { byUnit, steps } = this.build();
    const sorted = byUnit.get(unit);
    if (!sorted) return [];
    const out = slice(sorted, value - step / 2, value + step / 2);
    for (const coarse of steps.get(unit) ?? []) {
      if (coarse <= step) continue;
      const target = roundTo(value, coarse);
      for (const source of slice(sorted, target, target)) if (source.step === coarse) out.push(source);
    }
    return out;
  }

  /** Sources whose metric has this key. */
  ofKey(key: string): TraceSource[] {
    return (key && this.build().byKey.get(key)) || [];
  }

  private build(): Tables {
    if (this.tables) return this.tables;
    const byUnit = new Map<string, TraceSource[]>();
    const stepSets = new Map<string, Set<number>>();
    const byKey = new Map<string, TraceSource[]>();
    for (const sources of this.files.values()) {
      for (const source of sources) {
        const { unit, metricKey } = source.stat;
        push(byUnit, unit, source);
        if (metricKey) push(byKey, metricKey, source);
        let set = stepSets.get(unit);
        if (!set) stepSets.set(unit, (set = new Set()));
        set.add(source.step);
      }
    }
    for (const sorted of byUnit.values()) sorted.sort((a, b) => a.stat.value - b.stat.value);
    const steps = new Map([...stepSets].map(([unit, set]) => [unit, [...set].sort((a, b) => a - b)]));
    return (this.tables = { byUnit, steps, byKey });
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sources with lo − ε ≤ value ≤ hi + ε (ε: the binary noise of scaling), from a list sorted by value. */
function slice(sorted: TraceSource[], lo: number, hi: number): TraceSource[] {
  const eps = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
  const a = partitionPoint(sorted.length, (i) => sorted[i].stat.value < lo - eps);
  const out: TraceSource[] = [];
  for (let i = a; i < sorted.length && sorted[i].stat.value <= hi + eps; i++) out.push(sorted[i]);
  return out;
}
