/**
 * Bytes → text. A byte-order mark decides (UTF-8, UTF-16 LE/BE); without one the bytes must be
 * valid UTF-8, else valid GB18030 (a superset of GBK and GB2312, the usual legacy Chinese
 * encodings). Anything else, or bytes with NULs or many control characters, is not text.
 * Offsets everywhere else are indices into the returned text, which never includes the BOM.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Control characters other than tab, newline, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/** Share of control characters above which decoded bytes are taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strict('utf-8', bytes.subarray(3), 'utf-8 (BOM)');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), 'utf-16be');

  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `not text: binary data (NUL byte at byte ${nul})` };
  const utf8 = strict('utf-8', bytes, 'utf-8');
  // Valid UTF-8 full of control characters is binary data, not some other encoding.
  if (utf8.ok || utf8.reason.startsWith('not text')) return utf8;
  const gb = strict('gb18030', bytes, 'gb18030');
  if (gb.ok) return gb;
  return {
    ok: false,
    reason: `not text: neither UTF-8 (invalid byte sequence at byte ${invalidUtf8At(bytes)}) nor GB18030/GBK`,
  };
}

function strict(label: string, bytes: Uint8Array, name: string): Decoded {
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `not valid ${name}` };
  }
  const controls = countControls(text);
  if (controls > 0 && controls > text.length * MAX_CONTROL_SHARE) {
    return { ok: false, reason: `not text: binary data (${controls} control characters as ${name})` };
  }
  return { ok: true, text, encoding: name };
}

function countControls(text: string): number {
  CONTROL.lastIndex = 0;
  let n = 0;
  while (CONTROL.exec(text)) n++;
  return n;
}

/** Byte offset of the first invalid UTF-8 sequence, for the error message. */
function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
