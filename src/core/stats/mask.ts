/**
 * Spans of text whose numerals are never statistics: markup (URLs, HTML tags and entities),
 * titles of documents (《十条意见》), and short quoted labels and slogans (“两个确立”, “1361”框架,
 * “十五五”, “12345”). Long quotations are speech and are scanned like any other text.
 */

/** A quotation longer than this many characters is speech, not a label. */
const MAX_LABEL_QUOTE = 16;

const MARKUP = [
  /(?:https?|ftp):\/\/[^\s<>"'）)\]】，。]+/gi,
  /www\.[A-Za-z0-9.-]+[^\s<>"'）)\]】，。]*/gi,
  /<[A-Za-z!/][^<>]{0,2000}>/g, // HTML tags with their attributes (a stray '<' stays text)
  /&#?[A-Za-z0-9]{1,10};/g, // HTML entities
  // Markdown link targets, with one level of parentheses (…/Foo_(bar)). The target stops at an
  // unmatched '(' too: scanning on to the end from every '](' was quadratic.
  /\]\((?:[^()\s]|\([^()\s]*\))*\)/g,
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}/g, // e-mail addresses (bounded: no backtracking over long digit runs)
];

const LABELS = [
  /《[^《》\n]{0,60}》/g,
  new RegExp(`“[^“”\\n]{1,${MAX_LABEL_QUOTE}}”`, 'g'),
  new RegExp(`‘[^‘’\\n]{1,${MAX_LABEL_QUOTE}}’`, 'g'),
  new RegExp(`「[^「」\\n]{1,${MAX_LABEL_QUOTE}}」`, 'g'),
  new RegExp(`"[^"\\n]{1,${MAX_LABEL_QUOTE}}"`, 'g'),
];

/** Sorted, non-overlapping [start, end) spans of `text` to skip. */
export function maskedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [...MARKUP, ...LABELS]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Whether `offset` falls inside one of the sorted spans (binary search). */
export function isMasked(spans: Array<[number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][1] <= offset) lo = mid + 1;
    else if (spans[mid][0] > offset) hi = mid - 1;
    else return true;
  }
  return false;
}
