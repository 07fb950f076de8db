/**
 * The first index in [from, to) at which `before` stops holding, for a `before` that holds on a
 * prefix of the range and nowhere after it (sorted data: a binary search); `to` when it always holds.
 */
export function partitionPoint(to: number, before: (i: number) => boolean, from = 0): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
