import { message } from '../message';
import type { ParsedDraft } from './parse';
import { cursorRegion, escapedAt } from './regions';

/** Why nothing was inserted: `error` in English, `template` and `args` for a translated message. */
export interface Refusal {
  error: string;
  template: string;
  args: string[];
}

export function refusal(template: string, ...args: Array<string | number>): Refusal {
  const m = message(template, ...args);
  return { error: m.message, template: m.template, args: m.args };
}

/**
 * Where text put at `offset` (never between `\r` and `\n`) goes so that it splits nothing the
 * user wrote: never inside a marker or a definition's label (after it), never after an escaping
 * backslash or inside a LaTeX command name (before it), never inside a run of backticks (after
 * it), and in plain text never inside a word or a bracket group, or right before brackets (after
 * them, so `arr[1]` stays an index). Inside code or a comment there is no such place: an error says why.
 */
export function insertionPoint(draft: ParsedDraft, offset: number): number | Refusal {
  const { text, format } = draft;
  let at = offset;
  const region = cursorRegion(draft.regions, at);
  if (region) {
    return region.kind === 'code'
      ? refusal('the cursor is inside code, where a citation would not be read; place it in the text')
      : refusal('the cursor is inside a comment, where a citation would not be read; place it in the text');
  }
  const label = draft.labels.find((l) => l.start <= at && at < l.end);
  if (label) return label.end;
  const marker = [...draft.markers, ...draft.others].find((m) => m.start < at && at < m.end);
  if (marker) return marker.end;
  if (format === 'markdown' || format === 'pandoc') {
    if (escapedAt(text, at)) return at - 1;
    while (text[at - 1] === '`' && text[at] === '`') at++;
  } else if (format === 'latex') {
    let i = at;
    while (i > 0 && /[A-Za-z@]/.test(text[i - 1])) i--;
    if (i < at && escapedAt(text, i)) return i - 1;
    if (escapedAt(text, at)) return at - 1;
  } else {
    // Inside a bracket group: to its start, then past it like any group that follows the cursor.
    const open = Math.max(text.lastIndexOf('[', at - 1), text.lastIndexOf(']', at - 1), text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1));
    const rest = /[^[\]\r\n]*\]/y;
    rest.lastIndex = at;
    if (open >= 0 && text[open] === '[' && rest.test(text)) at = open;
    if (text[at] === '[' || (/\w/.test(text[at - 1] ?? '') && /\w/.test(text[at] ?? ''))) {
      while (/\w/.test(text[at] ?? '')) at++;
      const group = /\[[^[\]\r\n]*\]/y;
      for (group.lastIndex = at; group.exec(text); ) at = group.lastIndex;
    }
  }
  return at;
}
