/**
 * Bytes → text. A byte-order mark decides (UTF-8, UTF-16 LE/BE); without one:
 * - bytes with NULs are UTF-16 when they decode to text (LE or BE, whichever reads as text), else
 *   binary data: UTF-8 and GBK text never hold a NUL;
 * - else the bytes must be UTF-8, else GB18030 (a superset of GBK and GB2312, the usual legacy
 *   Chinese encodings). UTF-8 damaged in a few places (a file cut mid-character, a stray byte, even
 *   before the first character) stays UTF-8, with the bad bytes replaced by U+FFFD and a warning
 *   naming their offsets. GBK text read as UTF-8 has several bad bytes for every valid multi-byte
 *   character (at least 3.4 per character in every file of the benchmark corpus encoded as GBK),
 *   damaged UTF-8 has few: the ratio tells them apart.
 * Anything else, or bytes with many control characters, is not text, and the reason says why.
 * Offsets everywhere else are indices into the returned text, which never includes the BOM.
 */

export type Decoded =
  | { ok: true; text: string; encoding: string; /** Set when some bytes had to be replaced. */ warning?: string }
  | { ok: false; reason: string };

/** Control characters other than tab, newline, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/** Share of control characters above which decoded bytes are taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;
/** Valid multi-byte UTF-8 characters before the first bad byte that prove the file is UTF-8. */
const UTF8_EVIDENCE = 16;
/** Damaged UTF-8: at least this many valid multi-byte characters per bad byte (GBK has under 1/3). */
const UTF8_GOOD_PER_BAD = 4;
/** Share of the code units of BOM-less UTF-16 that must be characters of ordinary text. */
const UTF16_TEXT_SHARE = 0.9;
/** Code units judged for that share: enough to tell, cheap on a large binary file. */
const UTF16_SAMPLE = 1 << 16;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8(bytes.subarray(3), 'utf-8 (BOM)', true)!;
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), 'utf-16be');

  const nul = bytes.indexOf(0);
  if (nul >= 0) return utf16WithoutBom(bytes) ?? { ok: false, reason: `not text: binary data (NUL byte at byte ${nul})` };
  const u = utf8(bytes, 'utf-8', false);
  if (u) return u;
  const gb = strict('gb18030', bytes, 'gb18030');
  if (gb.ok) return gb;
  return {
    ok: false,
    reason: `not text: neither UTF-8 (invalid byte sequence at byte ${scanUtf8(bytes).bad[0]}) nor GB18030/GBK`,
  };
}

/** UTF-8, or damaged UTF-8 when `sure` (a BOM) or the bytes prove it; else undefined. */
function utf8(bytes: Uint8Array, name: string, sure: boolean): Decoded | undefined {
  const exact = strict('utf-8', bytes, name);
  // Valid UTF-8 full of control characters is binary data, not some other encoding.
  if (exact.ok || exact.reason.startsWith('not text')) return exact;
  const scan = scanUtf8(bytes);
  const proven = scan.multibyteBeforeBad >= UTF8_EVIDENCE || (scan.multibyte >= UTF8_GOOD_PER_BAD && scan.bad.length * UTF8_GOOD_PER_BAD <= scan.multibyte);
  if (!sure && !proven) return undefined;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const binary = controlReason(text, name);
  if (binary) return { ok: false, reason: binary };
  return { ok: true, text, encoding: name, warning: `invalid UTF-8 ${badPlaces(scan.bad)}: bad bytes shown as U+FFFD (�)` };
}

/** "at byte 7", "at bytes 7 and 90 (3 bad bytes)", "at bytes 7, 90, 91 and 12 more places (15 bad bytes)". */
function badPlaces(bad: number[]): string {
  // Places: runs of adjacent bad bytes.
  const places = bad.filter((at, i) => i === 0 || bad[i - 1] !== at - 1);
  if (bad.length === 1) return `at byte ${bad[0]}`;
  const shown = places.slice(0, 3);
  const more = places.length - shown.length;
  const list = more > 0 ? `${shown.join(', ')} and ${more} more place${more > 1 ? 's' : ''}` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : `${shown[0]}`;
  return `at byte${places.length > 1 ? 's' : ''} ${list} (${bad.length} bad bytes)`;
}

/**
 * UTF-16 without a byte-order mark (some Windows tools write it): the byte order whose decoding
 * reads as ordinary text (Chinese, Latin, punctuation, line breaks); undefined when neither does.
 */
function utf16WithoutBom(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let best: { label: 'utf-16le' | 'utf-16be'; share: number } | undefined;
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    let end = Math.min(bytes.length, 2 * UTF16_SAMPLE);
    // Not in the middle of a surrogate pair.
    const last = label === 'utf-16le' ? bytes[end - 2] | (bytes[end - 1] << 8) : (bytes[end - 2] << 8) | bytes[end - 1];
    if (end < bytes.length && last >= 0xd800 && last <= 0xdbff) end -= 2;
    let sample: string;
    try {
      sample = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end));
    } catch {
      continue; // an unpaired surrogate: not this byte order
    }
    const share = textShare(sample);
    if (share >= UTF16_TEXT_SHARE && (!best || share > best.share)) best = { label, share };
  }
  return best ? strict(best.label, bytes, best.label) : undefined;
}

/** The share of characters that ordinary text is made of. */
function textShare(text: string): number {
  let ordinary = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 9 || c === 10 || c === 13 ||
      (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x24f) || // ASCII, Latin
      (c >= 0x2000 && c <= 0x27bf) || // punctuation, symbols, circled numbers, shapes (□)
      (c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || // CJK punctuation, kana, ideographs
      (c >= 0xff00 && c <= 0xffef) // full-width forms
    ) ordinary++;
  }
  return text.length ? ordinary / text.length : 0;
}

function strict(label: string, bytes: Uint8Array, name: string): Decoded {
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `not valid ${name}` };
  }
  const binary = controlReason(text, name);
  return binary ? { ok: false, reason: binary } : { ok: true, text, encoding: name };
}

function controlReason(text: string, name: string): string | undefined {
  CONTROL.lastIndex = 0;
  let n = 0;
  while (CONTROL.exec(text)) n++;
  return n > 0 && n > text.length * MAX_CONTROL_SHARE ? `not text: binary data (${n} control characters as ${name})` : undefined;
}

/**
 * The bad bytes of UTF-8 (offsets; after a bad byte the scan goes on at the next one) and the
 * valid multi-byte characters, in all and before the first bad byte.
 */
function scanUtf8(bytes: Uint8Array): { bad: number[]; multibyte: number; multibyteBeforeBad: number } {
  const bad: number[] = [];
  let multibyte = 0;
  let multibyteBeforeBad = 0;
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len === 0) {
      if (!bad.length) multibyteBeforeBad = multibyte;
      bad.push(i++);
      continue;
    }
    if (len > 1) multibyte++;
    i += len;
  }
  return { bad, multibyte, multibyteBeforeBad: bad.length ? multibyteBeforeBad : multibyte };
}

/** Length of the valid UTF-8 sequence at i (overlong forms and surrogates excluded), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  const second = bytes[i + 1];
  const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return len;
}
