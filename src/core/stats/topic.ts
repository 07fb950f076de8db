/**
 * What earlier passages of a section leave in force for the figures of later ones: the time set at
 * the head of a clause (过去一年，… / 1—11月份，…), the body named last (for 该院), and a report's
 * opening time. A passage without figures only matters if a later figure needs the time in force,
 * which most never do: its head times are read then, not before.
 */
export interface Topic {
  /** The time set at a clause head (过去一年，… / 1—11月份，… / the section heading's). */
  period?: string;
  /** The passages read since `period` was set, last last: each gives the time it sets, if any. */
  pending?: Array<() => string | undefined>;
  /** The body or place named last at a clause head, for 该院 / 该港. */
  lastNamed?: string;
  /** Whether the time a paragraph opens with is wanted: a report's opening paragraphs, up to its first figures. */
  readsOpening?: boolean;
  /** Those paragraphs, first first: each gives the time it opens with (2025年，…), if any; read when needed. */
  openings?: Array<() => string | undefined>;
}

/** The time the first opening paragraph that opens with one sets: it dates a report's sections. */
export function openingOf(topic: Topic): string | undefined {
  for (const opening of topic.openings ?? []) {
    const period = opening();
    if (period !== undefined) return period;
  }
  return undefined;
}

/** The time in force: the one the last passage that sets one sets, else the one before. */
export function periodInForce(topic: Topic): string | undefined {
  const pending = topic.pending;
  if (pending) {
    topic.pending = undefined;
    for (let k = pending.length - 1; k >= 0; k--) {
      const period = pending[k]();
      if (period !== undefined) {
        topic.period = period;
        break;
      }
    }
  }
  return topic.period;
}

/** A passage that sets a time: what came before no longer matters. */
export function setPeriod(topic: Topic, period: string): void {
  topic.period = period;
  topic.pending = undefined;
}

/** A passage whose time, if it sets one, is read when first needed. */
export function deferPeriod(topic: Topic, period: () => string | undefined): void {
  (topic.pending ??= []).push(period);
}
