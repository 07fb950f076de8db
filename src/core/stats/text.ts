/** Sentences of a passage's joined text, for the sentence a statistic stands in. */
import { partitionPoint } from '../partition';

/** Sentence ends: a statistic's sentence runs between two of them. */
const SENTENCE_END = /[。！？!?；;\n]/g;

/** The sentences of a text, found once, looked up by offset (long lines stay linear). */
export class Sentences {
  /** Offsets just after each sentence end. */
  private readonly ends: number[] = [];

  constructor(private readonly text: string) {
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) this.ends.push(m.index + 1);
    this.ends.push(text.length);
  }

  /** [start, end) of the sentence holding offset `i`: full stop kept, blanks trimmed. */
  around(i: number): [number, number] {
    const lo = partitionPoint(this.ends.length - 1, (k) => this.ends[k] <= i);
    let start = lo === 0 ? 0 : this.ends[lo - 1];
    let end = this.ends[lo];
    while (start < end && /\s/.test(this.text[start])) start++;
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return [start, end];
  }
}
