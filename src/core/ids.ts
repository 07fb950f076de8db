/**
 * Stable ids: a short hash of what identifies a node (its parent's id, its kind, its own text and
 * the occurrence number among equal siblings), never of its offset, so ids survive edits elsewhere.
 */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  // cyrb53: two 32-bit lanes mixed into 53 bits, exact in doubles and fast (no BigInt).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    const s = `${part}\u0000`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${prefix}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
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
