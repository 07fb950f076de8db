/**
 * Which files hold an id, from the files' summaries (packed.ts) alone. At ten times the benchmark
 * corpus there are about 1.7 million report, section, statistic and passage ids: as strings in a
 * Map they would cost over 100 MB on the extension host. Here each id is a 32-bit hash in an
 * open-addressing table of typed arrays (8 bytes a slot, at most 3/4 full), pointing to the file's
 * number; a lookup gives the files whose ids hash the same, newest first, and the caller finds the
 * id in them (a hash shared by two ids only costs a look into one more file).
 *
 * The table is cut in shards by the hash's low bits, each grown on its own: one table grown whole
 * blocked the extension host 32–62 ms at a million ids, once per doubling while a corpus is read.
 */
const EMPTY = 0;
const MAX_LOAD = 0.75;
const SHARD_BITS = 6;

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

/** One shard of the table: hashes and the number of the file (an index into IdIndex's paths) of each slot. */
interface Shard {
  hashes: Int32Array;
  owners: Int32Array;
  /** Slots in use, including those of files since replaced or removed. */
  used: number;
}

export class IdIndex {
  private readonly shards: Shard[] = Array.from({ length: 1 << SHARD_BITS }, () => ({ hashes: new Int32Array(0), owners: new Int32Array(0), used: 0 }));
  /** By file number: its path, or undefined once the file was replaced or removed. */
  private readonly paths: Array<string | undefined> = [];
  /** The current number of each path. */
  private readonly numbers = new Map<string, number>();

  /** Puts in a file's ids (space-separated, as FileSummary.ids), in place of what its path held. */
  add(path: string, ids: string): void {
    this.remove(path);
    const n = this.paths.length;
    this.paths.push(path);
    this.numbers.set(path, n);
    for (let start = 0; start < ids.length; ) {
      let end = ids.indexOf(' ', start);
      if (end < 0) end = ids.length;
      if (end > start) this.insert(hashOf(ids, start, end), n);
      start = end + 1;
    }
  }

  remove(path: string): void {
    const n = this.numbers.get(path);
    if (n === undefined) return;
    this.numbers.delete(path);
    this.paths[n] = undefined;
  }

  /** The paths of the files that may hold `id`, the one put in last first. */
  candidates(id: string): string[] {
    const h = hashOf(id);
    const { hashes, owners } = this.shardOf(h);
    const size = hashes.length;
    if (!size) return [];
    const found: number[] = [];
    for (let i = slotOf(h, size); hashes[i] !== EMPTY; i = i + 1 === size ? 0 : i + 1) {
      if (hashes[i] === h && this.paths[owners[i]] !== undefined && !found.includes(owners[i])) found.push(owners[i]);
    }
    return found.sort((a, b) => b - a).map((n) => this.paths[n]!);
  }

  private shardOf(h: number): Shard {
    return this.shards[h & ((1 << SHARD_BITS) - 1)];
  }

  private insert(h: number, owner: number): void {
    const shard = this.shardOf(h);
    if (shard.used + 1 > shard.hashes.length * MAX_LOAD) this.grow(shard);
    place(shard, h, owner);
  }

  /** Twice the room for the ids the shard still holds: rebuilt without those of files no longer held. */
  private grow(shard: Shard): void {
    const { hashes, owners } = shard;
    const held = (i: number): boolean => hashes[i] !== EMPTY && this.paths[owners[i]] !== undefined;
    let live = 0;
    for (let i = 0; i < hashes.length; i++) if (held(i)) live++;
    const size = Math.max(16, Math.ceil((2 * (live + 1)) / MAX_LOAD));
    shard.hashes = new Int32Array(size);
    shard.owners = new Int32Array(size);
    shard.used = 0;
    for (let i = 0; i < hashes.length; i++) if (held(i)) place(shard, hashes[i], owners[i]);
  }
}

function place(shard: Shard, h: number, owner: number): void {
  const { hashes } = shard;
  const size = hashes.length;
  let i = slotOf(h, size);
  while (hashes[i] !== EMPTY) i = i + 1 === size ? 0 : i + 1;
  hashes[i] = h;
  shard.owners[i] = owner;
  shard.used++;
}
