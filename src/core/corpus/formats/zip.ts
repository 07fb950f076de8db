/**
 * The few members of a ZIP archive a Word document needs, read with bounded memory: the central
 * directory names them, and a member is inflated only up to a size limit, so a damaged or
 * malicious archive (a "zip bomb") is reported instead of filling memory.
 */
import { inflateRawSync } from 'node:zlib';
import { Unreadable } from './builder';

interface Member {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class Zip {
  private readonly members = new Map<string, Member>();
  private readonly data: Buffer;

  /** Throws Unreadable when the bytes are not a readable ZIP archive. */
  constructor(bytes: Uint8Array) {
    this.data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const data = this.data;
    let end = -1;
    // The end record sits in the last 22 bytes plus a comment of at most 65535.
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
      if (data.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Unreadable('broken ZIP archive: its central directory is missing (the file is cut short or damaged)');
    const count = data.readUInt16LE(end + 10);
    let at = data.readUInt32LE(end + 16);
    for (let n = 0; n < count; n++) {
      if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw new Unreadable('broken ZIP archive: its central directory is damaged');
      const nameLength = data.readUInt16LE(at + 28);
      const name = data.toString('utf8', at + 46, at + 46 + nameLength);
      this.members.set(name, {
        method: data.readUInt16LE(at + 10),
        compressedSize: data.readUInt32LE(at + 20),
        size: data.readUInt32LE(at + 24),
        localOffset: data.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    }
  }

  has(name: string): boolean {
    return this.members.has(name);
  }

  /** A member's content as UTF-8 text; undefined when absent. Throws Unreadable beyond `limit` bytes. */
  text(name: string, limit: number): string | undefined {
    const m = this.members.get(name);
    if (!m) return undefined;
    const data = this.data;
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
    if (m.size > limit) throw new Unreadable(`${name} in the archive is ${mb(m.size)}, more than the ${mb(limit)} read`);
    const at = m.localOffset;
    if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) throw new Unreadable(`broken ZIP archive: ${name} cannot be found where the directory says`);
    const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
    const packed = data.subarray(start, start + m.compressedSize);
    if (packed.length < m.compressedSize) throw new Unreadable(`broken ZIP archive: ${name} is cut short`);
    if (m.method === 0) return packed.toString('utf8');
    if (m.method !== 8) throw new Unreadable(`${name} is compressed with method ${m.method}, which StatCite does not read`);
    try {
      // The stated size can lie: the output limit is what bounds memory.
      return inflateRawSync(packed, { maxOutputLength: limit }).toString('utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new Unreadable(`${name} in the archive expands beyond ${mb(limit)}`);
      throw new Unreadable(`broken ZIP archive: ${name} cannot be decompressed (${(err as Error).message})`);
    }
  }
}
