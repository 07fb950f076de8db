/**
 * The subjects named at the clause heads of one passage, found for the sentences that hold a
 * statistic only, with what their clauses refer back to: the body named last (该院, 该集团, a bare
 * 公司), the city named last (全市 in a province's report) and the speaker of a quotation (“…全市…”
 * 宁波市商务局副局长介绍 → 宁波市). Each is looked up when first needed and kept for the sentence.
 */
import { clauseSubject, headSubjects, quoteState, type HeadSubject, type Referents, type ReportSubject } from './subject';
import { partitionPoint } from '../partition';

export type HeadAt = HeadSubject & { at: number };

/** How far after a figure inside a quotation its closing mark and the speaker are looked for. */
const MAX_QUOTE = 400;
/** The words that introduce a quotation after its speaker (王海介绍：“…”). */
const SAYS = /(?:说|称|道|表示|介绍|指出|告诉记者)[：:]?$/;

export class PassageSubjects {
  private sentence?: { start: number; found: HeadAt[] };
  private prior?: { start: number; named?: string; city?: string };
  private quote = { at: 0, open: false };
  /** The subject named last at a clause head of the sentences read so far. */
  lastNamed?: string;

  /** `carried` is the body named last in the passages before (该院 in a later paragraph). */
  constructor(
    private readonly text: string,
    private readonly report: ReportSubject,
    private readonly carried: () => string | undefined,
  ) {}

  /** The subject at a clause head of the sentence [start, end) that stands last before `at`. */
  headBefore(start: number, end: number, at: number): HeadAt | undefined {
    if (this.sentence?.start !== start) {
      const open = this.quoteOpenAt(start);
      const found = headSubjects(this.text, this.report, this.referents(start), false, open, start, end);
      this.sentence = { start, found };
      this.lastNamed = found.at(-1)?.subject ?? this.lastNamed;
    }
    const heads = this.sentence.found;
    return heads[partitionPoint(heads.length, (i) => heads[i].at < at) - 1];
  }

  /** Subjects of the clauses of the list before 分别 (天水市、庆阳市), or undefined unless each names one. */
  listSubjects(items: string[]): Array<HeadSubject> | undefined {
    const found: HeadSubject[] = [];
    for (const item of items) {
      const head = clauseSubject(item, this.report);
      if (!head || !item.startsWith(head.written) || head.written === '') return undefined;
      found.push(head);
    }
    return found;
  }

  /** What the clauses of the sentence at `start` refer back to. */
  private referents(start: number): Referents {
    return {
      named: () => this.priorAt(start).named ?? this.carried(),
      city: () => this.priorAt(start).city,
      speaker: (at) => this.speakerAt(at, start),
    };
  }

  /** The body and the city named last before `start` in the passage (read on from the last sentence asked for). */
  private priorAt(start: number): { named?: string; city?: string } {
    if (this.prior?.start !== start) {
      const before = this.prior && this.prior.start < start ? this.prior : { start: 0, named: undefined, city: undefined };
      const heads = headSubjects(this.text, this.report, { named: () => before.named ?? this.carried(), city: () => undefined, speaker: () => undefined }, false, false, before.start, start);
      const cities = heads.filter((h) => h.place && h.subject.endsWith('市'));
      this.prior = { start, named: heads.at(-1)?.subject ?? before.named, city: cities.at(-1)?.subject ?? before.city };
    }
    return this.prior;
  }

  /** Who speaks the quotation open at `at`: named right after it closes, else right before it opens. */
  private speakerAt(at: number, sentenceStart: number): string | undefined {
    const refs: Referents = { named: () => this.priorAt(sentenceStart).named ?? this.carried(), city: () => undefined, speaker: () => undefined };
    const close = this.text.indexOf('”', at);
    if (close >= 0 && close - at <= MAX_QUOTE) {
      const after = /^[^，。；：,;:！？]{2,40}/.exec(this.text.slice(close + 1, close + 41).replace(/^[，,\s]+/, ''));
      const who = after ? clauseSubject(after[0], this.report, refs)?.subject : undefined;
      if (who) return who;
    }
    const open = this.text.lastIndexOf('“', at);
    const before = open > 0 ? /[^，。；,;！？]{2,40}$/.exec(this.text.slice(Math.max(0, open - 40), open)) : null;
    return before && SAYS.test(before[0]) ? clauseSubject(before[0], this.report, refs)?.subject : undefined;
  }

  /** Whether a quotation is open at `start` (sentences are asked for in reading order). */
  private quoteOpenAt(start: number): boolean {
    if (start < this.quote.at) this.quote = { at: 0, open: false };
    this.quote = { at: start, open: quoteState(this.text, this.quote.at, start, this.quote.open) };
    return this.quote.open;
  }
}
