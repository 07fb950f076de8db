/**
 * The best documents of MiniSearch's raw matches. MiniSearch's search() builds a result object for
 * every matching document and sorts them all; a common word (发展, 中国) matches tens of thousands,
 * so these keep only the best k.
 */

/** MiniSearch 7's raw matches by document short id (see SearchIndex.ranked). */
export type RawMatches = Map<number, { score: number; terms: string[]; match: Record<string, unknown> }>;

/** A ranked match: document number, score, the index terms it matched. */
export interface Ranked {
  id: number;
  score: number;
  terms: string[];
}

/** MiniSearch's own scoring: documents that match more query terms rank higher. */
const weighted = (score: number, terms: string[]): number => score * (terms.length || 1);

/** The best k, best first: a match only enters when it beats the weakest so far. */
export function best(raw: RawMatches, shortIds: Map<number, number>, k: number): Ranked[] {
  // Ascending score order.
  const top: Array<{ id: number; score: number; match: Record<string, unknown> }> = [];
  for (const [shortId, { score, terms, match }] of raw) {
    const id = shortIds.get(shortId);
    if (id === undefined) continue;
    const weight = weighted(score, terms);
    if (top.length === k && weight <= top[0].score) continue;
    let at = top.length === k ? (top.shift(), 0) : 0;
    while (at < top.length && top[at].score < weight) at++;
    top.splice(at, 0, { id, score: weight, match });
  }
  return top.reverse().map(({ id, score, match }) => ({ id, score, terms: Object.keys(match) }));
}

/**
 * The best k that `accept` takes, best first. A condition may refuse most matches (a phrase, an
 * exclusion), so the matches are taken best first and asked until k are accepted: a condition
 * that one match in five meets is asked of 5k documents, not of all that hold the word.
 */
export function bestAccepted(raw: RawMatches, shortIds: Map<number, number>, accept: (id: number) => boolean, k: number): Ranked[] {
  const ids = new Float64Array(raw.size);
  const scores = new Float64Array(raw.size);
  const matches: Array<Record<string, unknown>> = [];
  let n = 0;
  for (const [shortId, { score, terms, match }] of raw) {
    const id = shortIds.get(shortId);
    if (id === undefined) continue;
    ids[n] = id;
    scores[n++] = weighted(score, terms);
    matches.push(match);
  }
  const out: Ranked[] = [];
  for (const i of bestFirst(scores.subarray(0, n))) {
    if (!accept(ids[i])) continue;
    out.push({ id: ids[i], score: scores[i], terms: Object.keys(matches[i]) });
    if (out.length === k) break;
  }
  return out;
}

/**
 * Indices of `scores` from the highest score down, produced as asked: a heap is built in linear
 * time and only as many are taken off it as the caller reads.
 */
function* bestFirst(scores: Float64Array): Generator<number> {
  const heap = new Uint32Array(scores.length);
  for (let i = 0; i < heap.length; i++) heap[i] = i;
  const sink = (at: number, size: number): void => {
    for (;;) {
      const left = 2 * at + 1;
      let top = at;
      if (left < size && scores[heap[left]] > scores[heap[top]]) top = left;
      if (left + 1 < size && scores[heap[left + 1]] > scores[heap[top]]) top = left + 1;
      if (top === at) return;
      const swap = heap[at];
      heap[at] = heap[top];
      heap[top] = swap;
      at = top;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) sink(i, heap.length);
  for (let size = heap.length; size > 0; size--) {
    yield heap[0];
    heap[0] = heap[size - 1];
    sink(0, size - 1);
  }
}
