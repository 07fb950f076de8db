/**
 * Bytes → text. A byte-order mark decides (UTF-8, UTF-16 LE/BE); without one the bytes must be
 * valid UTF-8, else valid GB18030 (a superset of GBK and GB2312, the usual legacy Chinese
 * encodings). UTF-8 damaged in a few places (a file cut mid-character, a stray byte) stays UTF-8,
 * with the bad bytes replaced by U+FFFD and a warning: GBK text never reads as long valid UTF-8.
 * Anything else, or bytes with NULs or many control characters, is not text.
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

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8(bytes.subarray(3), 'utf-8 (BOM)', true)!;
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), 'utf-16be');

  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `not text: binary data (NUL byte at byte ${nul})` };
  const u = utf8(bytes, 'utf-8', false);
  if (u) return u;
  const gb = strict('gb18030', bytes, 'gb18030');
  if (gb.ok) return gb;
  return {
    ok: false,
    reason: `not text: neither UTF-8 (invalid byte sequence at byte ${scanUtf8(bytes).badAt}) nor GB18030/GBK`,
  };
}

/** UTF-8, or damaged UTF-8 when `sure` (a BOM) or the bytes before the damage prove it; else undefined. */
function utf8(bytes: Uint8Array, name: string, sure: boolean): Decoded | undefined {
  const exact = strict('utf-8', bytes, name);
  // Valid UTF-8 full of control characters is binary data, not some other encoding.
  if (exact.ok || exact.reason.startsWith('not text')) return exact;
  const scan = scanUtf8(bytes);
  if (!sure && scan.multibyte < UTF8_EVIDENCE) return undefined;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const binary = controlReason(text, name);
  if (binary) return { ok: false, reason: binary };
  return { ok: true, text, encoding: name, warning: `invalid UTF-8 at byte ${scan.badAt}: bad bytes shown as U+FFFD (�)` };
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

/** The first invalid UTF-8 sequence (byte offset) and the valid multi-byte characters before it. */
function scanUtf8(bytes: Uint8Array): { badAt: number; multibyte: number } {
  let i = 0;
  let multibyte = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { badAt: i, multibyte };
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return { badAt: i, multibyte };
    if (len > 1) multibyte++;
    i += len;
  }
  return { badAt: i, multibyte };
}
