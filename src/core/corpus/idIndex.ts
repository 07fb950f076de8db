/**
 * Which files hold an id, from the files' summaries (packed.ts) alone. At ten times the benchmark
 * corpus there are about 1.7 million report, section, statistic and passage ids: as strings in a
 * Map they would cost over 100 MB on the extension host. Here each id is a 32-bit hash in an
 * open-addressing table of typed arrays (8 bytes a slot, at most 3/4 full), pointing to the file's
 * number; a lookup gives the files whose ids hash the same, newest first, and the caller finds the
 * id in them (a hash shared by two ids only costs a look into one more file).
 */
const EMPTY = 0;
const MAX_LOAD = 0.75;

/** FNV-1a over `s` from `start` to `end`; never 0 (0 marks an empty slot). */
function hashOf(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h || 1;
}

/** Where a hash goes in a table of `size` slots: its share of 2^32 (a multiplication, not a division). */
function slotOf(h: number, size: number): number {
  return Math.floor(((h >>> 0) * size) / 4294967296);
}

export class IdIndex {
  private hashes = new Int32Array(0);
  /** The number of the file (an index into `paths`) each slot's id belongs to. */
  private owners = new Int32Array(0);
  /** Slots in use, including those of files since replaced or removed. */
  private used = 0;
  /** Ids of the files still held. */
  private live = 0;
  /** By file number: its path, or undefined once the file was replaced or removed. */
  private readonly paths: Array<string | undefined> = [];
  private readonly counts: number[] = [];
  /** The current number of each path. */
  private readonly numbers = new Map<string, number>();

  /** Puts in a file's ids (space-separated, as FileSummary.ids), in place of what its path held. */
  add(path: string, ids: string): void {
    this.remove(path);
    const count = countIds(ids);
    // Growing by what is held at least: a corpus read file by file rebuilds the table a few times only.
    if (this.used + count > this.hashes.length * MAX_LOAD) this.reserve(Math.max(count, this.live));
    const n = this.paths.length;
    this.paths.push(path);
    this.counts.push(count);
    this.numbers.set(path, n);
    for (let start = 0; start < ids.length; ) {
      let end = ids.indexOf(' ', start);
      if (end < 0) end = ids.length;
      if (end > start) this.insert(hashOf(ids, start, end), n);
      start = end + 1;
    }
    this.live += count;
  }

  remove(path: string): void {
    const n = this.numbers.get(path);
    if (n === undefined) return;
    this.numbers.delete(path);
    this.paths[n] = undefined;
    this.live -= this.counts[n];
  }

  /** The paths of the files that may hold `id`, the one put in last first. */
  candidates(id: string): string[] {
    const size = this.hashes.length;
    if (!size) return [];
    const h = hashOf(id);
    const found: number[] = [];
    for (let i = slotOf(h, size); this.hashes[i] !== EMPTY; i = i + 1 === size ? 0 : i + 1) {
      if (this.hashes[i] === h && this.paths[this.owners[i]] !== undefined && !found.includes(this.owners[i])) found.push(this.owners[i]);
    }
    return found.sort((a, b) => b - a).map((n) => this.paths[n]!);
  }

  /** Room for `more` ids than are held: the table is rebuilt for them, without the ids of files no longer held. */
  private reserve(more: number): void {
    const { hashes, owners } = this;
    const size = Math.ceil((this.live + more) / MAX_LOAD) + 1;
    this.hashes = new Int32Array(size);
    this.owners = new Int32Array(size);
    this.used = 0;
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== EMPTY && this.paths[owners[i]] !== undefined) this.insert(hashes[i], owners[i]);
  }

  private insert(h: number, owner: number): void {
    const size = this.hashes.length;
    let i = slotOf(h, size);
    while (this.hashes[i] !== EMPTY) i = i + 1 === size ? 0 : i + 1;
    this.hashes[i] = h;
    this.owners[i] = owner;
    this.used++;
  }
}

/** The ids in a space-separated list, without splitting it. */
function countIds(ids: string): number {
  let n = 0;
  for (let start = 0; start < ids.length; ) {
    let end = ids.indexOf(' ', start);
    if (end < 0) end = ids.length;
    if (end > start) n++;
    start = end + 1;
  }
  return n;
}
