/**
 * The best of a query's matches (matches.ts). A common word (发展, 中国) matches tens of thousands;
 * these keep only the best k rather than sort them all, and make the details of those only.
 */
import type { Matches } from './matches';

/** A ranked match: document number, score, the index terms it matched. */
export interface Ranked {
  id: number;
  score: number;
  terms: string[];
}

/** The best k, best first; of equal weights, the first in MiniSearch's order: a match only enters when it beats the weakest so far. */
export function best(matches: Matches, k: number): Ranked[] {
  const { weights } = matches;
  // Places in matches, weakest first.
  const top: number[] = [];
  for (let i = 0; i < weights.length && k > 0; i++) {
    const weight = weights[i];
    if (top.length === k && weight <= weights[top[0]]) continue;
    let at = top.length === k ? (top.shift(), 0) : 0;
    while (at < top.length && weights[top[at]] < weight) at++;
    top.splice(at, 0, i);
  }
  return ranked(matches, top.reverse());
}

/**
 * The best k that `accept` takes, best first. A condition may refuse most matches (a phrase, an
 * exclusion), so the matches are taken best first and asked until k are accepted: a condition
 * that one match in five meets is asked of 5k documents, not of all that hold the word.
 */
export function bestAccepted(matches: Matches, accept: (id: number) => boolean, k: number): Ranked[] {
  const out: number[] = [];
  for (const i of bestFirst(matches.weights)) {
    if (!accept(matches.ids[i])) continue;
    if (out.push(i) === k) break;
  }
  return ranked(matches, out);
}

/** The matches at these places, in this order, with the index terms each matched. */
function ranked(matches: Matches, places: number[]): Ranked[] {
  const details = matches.details(places);
  return places.map((i) => {
    const id = matches.ids[i];
    return { id, score: matches.weights[i], terms: Object.keys(details.get(id)!.match) };
  });
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
