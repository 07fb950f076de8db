/**
 * Stable ids: a short hash of what identifies a node (its parent's id, its kind, its own text and
 * the occurrence number among equal siblings), never of its offset, so ids survive edits elsewhere.
 */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  // FNV-1a, 52 bits kept so the arithmetic stays exact in doubles.
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (const part of parts) {
    for (const ch of String(part) + '\u0000') {
      h ^= BigInt(ch.codePointAt(0)!);
      h = (h * prime) & mask;
    }
  }
  return `${prefix}-${(h >> 12n).toString(36)}`;
}

/** Counts occurrences of a key so equal siblings get distinct, order-based ids. */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();
  next(key: string): number {
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return n;
  }
}
