/** Tables for the terminal: columns aligned by display width (a CJK character takes two columns). */

/** Terminal columns: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** Rows of cells as aligned lines; a column is at most `maxWidth` wide (longer cells run over). */
export function alignRows(rows: string[][], maxWidth = 40): string[] {
  if (!rows.length) return [];
  const widths = rows[0].map((_, c) => Math.min(maxWidth, Math.max(...rows.map((r) => displayWidth(r[c] ?? '')))));
  const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c])).join('  ').trimEnd());
}
