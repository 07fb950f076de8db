import type { SourceRange } from '../../model';
import { message } from '../message';
import { plainCitationFits, type DraftProblem, type Entry, type ParsedDraft } from './parse';
import { insertionPoint, refusal, type Refusal } from './cursor';
import { SYNTAX } from './syntax';

/** A replacement of [start, end) in the draft as it was parsed; edits never overlap. */
export interface TextEdit extends SourceRange {
  text: string;
}

export interface CiteRequest {
  /** Reference key (the corpus report id). */
  key: string;
  /** The statistic or passage cited. */
  id: string;
  /** Text to insert before the marker, already written for the format (escaped for LaTeX). */
  text: string;
  /** The formatted entry, used when the work is not in the list yet (numbered formats). */
  entry: string;
  /** Heading of a new plain-text list. */
  heading: string;
  /** Pandoc / LaTeX locator, e.g. the section a quotation comes from. */
  locator?: string;
}

export type EditResult =
  | {
      edits: TextEdit[];
      /** The number given to the inserted citation (numbered formats). */
      number?: number;
      /** Where the cursor belongs after an insertion: right after the new marker, in the edited text. */
      cursor?: number;
      problems: DraftProblem[];
    }
  | Refusal;

/** Entry text for a key from the corpus, or undefined when the corpus no longer has it. */
export type EntryFor = (key: string) => string | undefined;

interface Item {
  number?: number;
  key?: string;
  ids: string[];
  text?: string;
}

/**
 * Inserts a citation at `offset`: the text and its marker there, the entry added to (or its id
 * added to an existing entry in) the reference list, and in numbered formats StatCite's markers
 * renumbered so numbers follow first appearance. Existing entry texts are left as written.
 * A cursor inside the reference list puts the text just before the list, as a paragraph of its
 * own; a cursor after the list puts it there and the list stays where it is. Inside code or a
 * comment, where a marker would not be read as a citation, the insertion is refused.
 */
export function insertCitation(draft: ParsedDraft, offset: number, request: CiteRequest): EditResult {
  if (offset < 0 || offset > draft.text.length) return refusal('position {0} is outside the document', offset);
  const { block, text } = draft;
  const start = text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset;
  if (block && start >= block.start && start <= block.inner) {
    return place(draft, { at: block.start, request, after: draft.eol + draft.eol });
  }
  const at = insertionPoint(draft, start);
  if (typeof at !== 'number') return at;
  if (!block && draft.regions.some((r) => r.unclosed)) {
    return refusal('the draft ends inside a code block or verbatim environment that is never closed; close it so the reference list can follow');
  }
  return place(draft, { at, request, after: '' });
}

function place(draft: ParsedDraft, insert: Insert): EditResult {
  return SYNTAX[draft.format].numbered ? renumber(draft, insert) : rekey(draft, insert);
}

/**
 * Rebuilds StatCite's reference entries from its markers: entries in order of first citation,
 * texts regenerated from the corpus where it still has the work, uncited entries removed.
 * Everything that is not StatCite's (see parse.ts) is kept byte for byte; running it twice
 * changes nothing the second time.
 */
export function updateReferences(draft: ParsedDraft, entryFor: EntryFor, heading: string): EditResult {
  return SYNTAX[draft.format].numbered ? renumber(draft, { entryFor, heading }) : rekey(draft, { entryFor, heading });
}

interface Insert {
  at: number;
  request: CiteRequest;
  /** Written after the marker (a paragraph break when the text goes before the list). */
  after: string;
}
interface Update {
  entryFor: EntryFor;
  heading: string;
}

function renumber(draft: ParsedDraft, op: Insert | Update): EditResult {
  const syntax = SYNTAX[draft.format];
  const problems = [...draft.problems];
  const insert = 'request' in op ? op : undefined;
  const keyOf = new Map(draft.entries.map((e) => [e.number!, e.key]));

  // One item per work: two entries with the same key are merged into the first.
  const items = new Map<string, Item>();
  for (const e of draft.entries) {
    const known = items.get(e.key);
    if (known) {
      problems.push({ range: e.range, ...message('references {0} and {1} cite the same source; they are merged', known.number!, e.number!) });
      known.ids.push(...e.ids.filter((i) => !known.ids.includes(i)));
    } else {
      items.set(e.key, { number: e.number, key: e.key, ids: [...e.ids], text: e.text });
    }
  }
  if (insert) {
    const item = items.get(insert.request.key) ?? { key: insert.request.key, ids: [], text: insert.request.entry };
    if (!item.ids.includes(insert.request.id)) item.ids.push(insert.request.id);
    items.set(insert.request.key, item);
  }

  // Numbers follow first appearance (a new marker goes before one that starts where it is
  // inserted) and skip the numbers of the user's own notes.
  const occurrences = draft.markers.map((m) => ({ offset: m.start, key: keyOf.get(m.number!)!, rank: 1 }));
  if (insert) occurrences.push({ offset: insert.at, key: insert.request.key, rank: 0 });
  occurrences.sort((a, b) => a.offset - b.offset || a.rank - b.rank);
  const order = new Set(occurrences.map((o) => o.key));
  // Uncited entries stay after the cited ones when inserting; an update drops them.
  if (insert) for (const key of items.keys()) order.add(key);
  const numberOf = new Map<string, number>();
  let n = 0;
  for (const key of order) {
    do n++;
    while (draft.reserved.has(n));
    numberOf.set(key, n);
  }

  const lines = [...order].map((key) => {
    const item = items.get(key)!;
    const text = insert ? item.text : ((op as Update).entryFor(key) ?? item.text);
    return syntax.line({ number: numberOf.get(key), key, ids: item.ids, text });
  });
  const edits: TextEdit[] = [];
  for (const m of draft.markers) {
    const number = numberOf.get(keyOf.get(m.number!)!)!;
    if (number !== m.number) edits.push({ ...m.digits!, text: String(number) });
  }
  const number = insert && numberOf.get(insert.request.key);
  const marker = insert ? markerText(draft, insert, syntax.marker({ number, key: insert.request.key })) : '';
  return finish(draft, lines, insert, marker, insert ? insert.request.heading : (op as Update).heading, edits, problems, number);
}

/** The inserted text: the request's text and the marker, made to read as a citation where it lands. */
function markerText(draft: ParsedDraft, insert: Insert, marker: string): string {
  const { request } = insert;
  if (draft.format === 'plain') {
    const lineStart = Math.max(draft.text.lastIndexOf('\n', insert.at - 1), draft.text.lastIndexOf('\r', insert.at - 1)) + 1;
    const before = (insert.after ? '' : draft.text.slice(lineStart, insert.at)) + request.text;
    if (!plainCitationFits(before)) return `${request.text} ${marker}${insert.after}`;
  }
  return `${request.text}${marker}${insert.after}`;
}

function rekey(draft: ParsedDraft, op: Insert | Update): EditResult {
  const syntax = SYNTAX[draft.format];
  const insert = 'request' in op ? op : undefined;
  const byKey = new Map<string, Entry>(draft.entries.map((e) => [e.key, e]));
  const items = new Map<string, Item>();
  if (insert) {
    for (const e of draft.entries) items.set(e.key, { key: e.key, ids: [...e.ids] });
    const item = items.get(insert.request.key) ?? { key: insert.request.key, ids: [] };
    if (!item.ids.includes(insert.request.id)) item.ids.push(insert.request.id);
    items.set(insert.request.key, item);
  } else {
    // Cited keys in order of first citation: StatCite's own, or keys the corpus knows.
    for (const key of draft.markers.flatMap((m) => m.keys)) {
      if (items.has(key)) continue;
      const entry = byKey.get(key);
      if (entry) items.set(key, { key, ids: [...entry.ids] });
      else if ((op as Update).entryFor(key) !== undefined) items.set(key, { key, ids: [] });
    }
  }
  const lines = [...items.values()].map((i) => syntax.line(i));
  const marker = insert ? markerText(draft, insert, syntax.marker({ key: insert.request.key, locator: insert.request.locator })) : '';
  return finish(draft, lines, insert, marker, insert ? insert.request.heading : (op as Update).heading, [], [...draft.problems]);
}

/**
 * Adds the inserted text and StatCite's entry lines to the marker edits. The new lines take the
 * places of the old entry lines in order (so the user's lines between them stay where they are);
 * extra ones go after the last entry, surplus entry lines are removed. Edits never overlap: two
 * insertions at one offset are joined, the list's lines first.
 */
function finish(
  draft: ParsedDraft,
  lines: string[],
  insert: Insert | undefined,
  marker: string,
  heading: string,
  markerEdits: TextEdit[],
  problems: DraftProblem[],
  number?: number,
): EditResult {
  const { eol, text, block } = draft;
  const listEdits: TextEdit[] = [];
  if (block) {
    draft.entries.forEach((slot, i) => {
      if (i >= lines.length) listEdits.push({ start: slot.range.start, end: slot.next, text: '' });
      else {
        const edit = minimalEdit(text.slice(slot.range.start, slot.range.end), lines[i], slot.range.start);
        if (edit) listEdits.push(edit);
      }
    });
    const extra = lines.slice(draft.entries.length);
    if (extra.length) {
      const at = draft.entries.length ? draft.entries[draft.entries.length - 1].next : block.append;
      const open = at === text.length && !/[\r\n]$/.test(text) && text !== '';
      listEdits.push({ start: at, end: at, text: (open ? eol : '') + extra.map((l) => l + eol).join('') });
    }
  } else if (lines.length) {
    // A new list goes at the end, after a blank line.
    const tail = insert?.at === text.length ? text + marker : text;
    const breaks = trailingBreaks(tail);
    const sep = tail === '' || breaks >= 2 ? '' : breaks === 1 ? eol : eol + eol;
    listEdits.push({ start: text.length, end: text.length, text: sep + SYNTAX[draft.format].blockStart(heading) + eol + lines.map((l) => l + eol).join('') });
  }
  const edits = [...markerEdits, ...listEdits];
  let cursor: number | undefined;
  if (insert) {
    const joined = listEdits.find((e) => e.start === insert.at && e.end === insert.at);
    cursor = insert.at + marker.length - insert.after.length;
    for (const e of edits) if (e !== joined && e.end <= insert.at) cursor += e.text.length - (e.end - e.start);
    if (!joined) edits.push({ start: insert.at, end: insert.at, text: marker });
    else if (block) {
      // The list sits above the cursor: its new lines come first.
      cursor += joined.text.length;
      joined.text += marker;
    } else joined.text = marker + joined.text;
  }
  edits.sort((a, b) => a.start - b.start);
  return { edits, number, cursor, problems };
}

/** How many line breaks (up to two) end a text. */
function trailingBreaks(text: string): number {
  let end = text.length;
  let n = 0;
  while (n < 2 && end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) {
    end -= text[end - 1] === '\n' && text[end - 2] === '\r' ? 2 : 1;
    n++;
  }
  return n;
}

/** The smallest single replacement turning `old` (at `base`) into `next`. */
export function minimalEdit(old: string, next: string, base: number): TextEdit | undefined {
  if (old === next) return undefined;
  let p = 0;
  while (p < old.length && p < next.length && old[p] === next[p]) p++;
  let s = 0;
  while (s < old.length - p && s < next.length - p && old[old.length - 1 - s] === next[next.length - 1 - s]) s++;
  return { start: base + p, end: base + old.length - s, text: next.slice(p, next.length - s) };
}

/** Applies edits to a string (for the CLI and tests; VS Code applies them as one WorkspaceEdit). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
