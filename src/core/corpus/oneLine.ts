/**
 * Values that must stay on one line (metadata fields, text put into a draft's line): a line break
 * there would split a footnote from its note, or end a LaTeX paragraph.
 */

/** Line breaks of every kind a viewer may break at, and the other control characters. */
const BREAK_OR_CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/;

/** True when the text holds a line break or a control character (tabs aside). */
export function breaksLine(text: string): boolean {
  return BREAK_OR_CONTROL.test(text);
}

/** The text on one line: each run of white space, line breaks and control characters becomes one space; ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/[\s\x00-\x1f\x7f-\x9f]+/g, ' ').trim();
}
