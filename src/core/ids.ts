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
    // Each part as it is (no joined copy to allocate), then a 0 between parts.
    const s = typeof part === 'string' ? part : String(part);
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${prefix}-${base36(4294967296 * (2097151 & h2) + (h1 >>> 0))}`;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A non-negative integer below 2^53 in base 36, as Number#toString(36) writes it (several times faster). */
function base36(n: number): string {
  let s = '';
  let rest = n;
  do {
    s = DIGITS[rest % 36] + s;
    rest = Math.floor(rest / 36);
  } while (rest > 0);
  return s;
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
