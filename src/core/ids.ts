/**
 * Stable ids: a short hash of what identifies a node (its parent's id, its kind, its own text and
 * the occurrence number among equal siblings), never of its offset, so ids survive edits elsewhere.
 *
 * The root of every chain is the file (fileSeed): drafts keep statistic and report ids as citation
 * keys, so an id must
 * - differ between files: two copies of a text (with different sidecar metadata, say), or two
 *   reports titled 政府工作报告 in corpus/北京/ and corpus/上海/, are different sources, and a
 *   citation must resolve to the one it named;
 * - stay when the file is re-read, edited elsewhere, or the workspace moves (another folder,
 *   machine or system, a checkout in CI), and be the same in the extension and in the CLI,
 *   whatever folder the CLI is given.
 * So a file is named by its path below the nearest folder named `corpus` (the folder StatCite reads
 * by default: corpus/北京/政府工作报告.txt → 北京/政府工作报告.txt), or by its name alone when no
 * folder of its path is named so. Moving the corpus folder keeps every id; renaming a file or a
 * folder below it changes that file's ids (its citations then show as unresolved). Files that
 * still come out the same (the same name outside any corpus folder, or the same path below two
 * corpus folders, and the same titles) would share ids: the engine warns of them.
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

/** What identifies a file in its ids: its path below the nearest `corpus` folder, or its name (NFC). */
export function fileSeed(path: string): string {
  const segments = path.split(/[\\/]/);
  let root = segments.length - 2;
  while (root >= 0 && segments[root].toLowerCase() !== 'corpus') root--;
  return segments.slice(root >= 0 ? root + 1 : -1).join('/').normalize('NFC');
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
