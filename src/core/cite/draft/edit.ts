import type { SourceRange } from '../../model';
import { message } from '../message';
import { lineColumn } from '../../position';
import type { DraftProblem, Entry, ParsedDraft } from './parse';
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
  | { error: string };

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
 * added to an existing entry in) the reference list, and in numbered formats every marker
 * renumbered so numbers follow first appearance. Existing entry texts are left as written.
 */
export function insertCitation(draft: ParsedDraft, offset: number, request: CiteRequest): EditResult {
  if (offset < 0 || offset > draft.text.length) return { error: `offset ${offset} is outside the document` };
  if (draft.block && offset >= draft.block.start) {
    return { error: 'the cursor is inside the reference list; place it in the text where the citation belongs' };
  }
  const inside = draft.markers.find((m) => m.start < offset && offset < m.end);
  const at = inside ? inside.end : offset;
  return SYNTAX[draft.format].numbered ? renumber(draft, { at, request }) : rekey(draft, { at, request });
}

/**
 * Rebuilds the reference list from the markers: entries in order of first citation, texts
 * regenerated from the corpus where it still has the work, uncited StatCite entries removed.
 * Hand-written entries and lines StatCite does not understand are kept.
 */
export function updateReferences(draft: ParsedDraft, entryFor: EntryFor, heading: string): EditResult {
  return SYNTAX[draft.format].numbered ? renumber(draft, { entryFor, heading }) : rekey(draft, { entryFor, heading });
}

interface Insert {
  at: number;
  request: CiteRequest;
}
interface Update {
  entryFor: EntryFor;
  heading: string;
}

function renumber(draft: ParsedDraft, op: Insert | Update): EditResult {
  const syntax = SYNTAX[draft.format];
  const problems = [...draft.problems];
  const insert = 'request' in op ? op : undefined;
  const byNumber = new Map(draft.entries.map((e) => [e.number!, e]));
  const identity = (n: number) => {
    const e = byNumber.get(n);
    return e ? (e.key ?? `#${n}`) : `missing#${n}`;
  };

  // One item per work: two entries with the same key are merged into the first.
  const items = new Map<string, Item>();
  for (const e of draft.entries) {
    const id = identity(e.number!);
    const known = items.get(id);
    if (known) {
      problems.push({ range: e.range, ...message('references {0} and {1} cite the same source; they are merged', known.number!, e.number!) });
      known.ids.push(...e.ids.filter((i) => !known.ids.includes(i)));
    } else {
      items.set(id, { number: e.number, key: e.key, ids: [...e.ids], text: e.text });
    }
  }
  for (const m of draft.markers) {
    if (!byNumber.has(m.number!)) {
      problems.push({ range: m, ...message('line {0}: citation {1} has no entry in the reference list', lineColumn(draft.text, m.start).line, m.number!) });
    }
  }
  if (insert) {
    const item = items.get(insert.request.key) ?? { key: insert.request.key, ids: [], text: insert.request.entry };
    if (!item.ids.includes(insert.request.id)) item.ids.push(insert.request.id);
    items.set(insert.request.key, item);
  }

  // Numbers follow first appearance; a new marker goes before one that starts where it is inserted.
  const occurrences = draft.markers.map((m) => ({ offset: m.start, id: identity(m.number!), rank: 1 }));
  if (insert) occurrences.push({ offset: insert.at, id: insert.request.key, rank: 0 });
  occurrences.sort((a, b) => a.offset - b.offset || a.rank - b.rank);
  const order: string[] = [];
  for (const o of occurrences) if (!order.includes(o.id)) order.push(o.id);
  // Uncited entries stay after the cited ones when inserting; a rebuild drops StatCite's own.
  for (const [id, item] of items) {
    if (!order.includes(id) && (insert || !item.key)) order.push(id);
  }
  const numberOf = new Map(order.map((id, i) => [id, i + 1]));

  const lines: string[] = [];
  for (const id of order) {
    const item = items.get(id);
    if (!item) continue; // a marker without entry keeps a number but gets no line
    const regenerated = !insert && item.key ? (op as Update).entryFor(item.key) : undefined;
    lines.push(syntax.line({ number: numberOf.get(id), key: item.key, ids: item.ids, text: regenerated ?? item.text }));
  }

  const edits: TextEdit[] = [];
  for (const m of draft.markers) {
    const n = numberOf.get(identity(m.number!))!;
    if (n !== m.number) edits.push({ ...m.digits!, text: String(n) });
  }
  const marker = insert ? insert.request.text + syntax.marker({ number: numberOf.get(insert.request.key), key: insert.request.key }) : '';
  return finish(draft, lines, insert, marker, 'request' in op ? op.request.heading : op.heading, edits, problems, insert && numberOf.get(insert.request.key));
}

function rekey(draft: ParsedDraft, op: Insert | Update): EditResult {
  const syntax = SYNTAX[draft.format];
  const insert = 'request' in op ? op : undefined;
  const byKey = new Map<string, Entry>(draft.entries.map((e) => [e.key!, e]));
  const items: Item[] = [];
  if (insert) {
    items.push(...draft.entries.map((e) => ({ key: e.key, ids: [...e.ids] })));
    let item = items.find((i) => i.key === insert.request.key);
    if (!item) items.push((item = { key: insert.request.key, ids: [] }));
    if (!item.ids.includes(insert.request.id)) item.ids.push(insert.request.id);
  } else {
    // Cited keys in order of first citation: StatCite's own, or keys the corpus knows.
    for (const key of draft.markers.flatMap((m) => m.keys)) {
      if (items.some((i) => i.key === key)) continue;
      const entry = byKey.get(key);
      if (entry) items.push({ key, ids: [...entry.ids] });
      else if ((op as Update).entryFor(key) !== undefined) items.push({ key, ids: [] });
    }
  }
  const lines = items.map((i) => syntax.line(i));
  const marker = insert ? insert.request.text + syntax.marker({ key: insert.request.key, locator: insert.request.locator }) : '';
  return finish(draft, lines, insert, marker, insert ? insert.request.heading : (op as Update).heading, [], [...draft.problems]);
}

/** Adds the inserted text and the rewritten block (as one minimal edit) to the marker edits. */
function finish(
  draft: ParsedDraft,
  lines: string[],
  insert: Insert | undefined,
  marker: string,
  heading: string,
  edits: TextEdit[],
  problems: DraftProblem[],
  number?: number,
): EditResult {
  const { eol, text } = draft;
  const body = [...lines, ...draft.stray].map((l) => l + eol).join('');
  let cursor: number | undefined;
  if (insert) {
    cursor = insert.at + marker.length + edits.filter((e) => e.end <= insert.at).reduce((sum, e) => sum + e.text.length - (e.end - e.start), 0);
    edits.push({ start: insert.at, end: insert.at, text: marker });
  }
  if (draft.block) {
    const old = text.slice(draft.block.start, draft.block.end);
    const next = draft.block.startLine + eol + body;
    const edit = minimalEdit(old, old.endsWith(eol) || !old ? next : next.slice(0, -eol.length), draft.block.start);
    if (edit) edits.push(edit);
  } else if (lines.length) {
    // A new block goes at the end, after a blank line.
    const tail = insert?.at === text.length ? text + marker : text;
    const sep = tail.endsWith(eol + eol) || tail === '' ? '' : tail.endsWith(eol) ? eol : eol + eol;
    const block = sep + SYNTAX[draft.format].blockStart(heading) + eol + body;
    const last = edits[edits.length - 1];
    if (last && last.start === text.length) last.text += block;
    else edits.push({ start: text.length, end: text.length, text: block });
  }
  edits.sort((a, b) => a.start - b.start);
  return { edits, number, cursor, problems };
}

/** The smallest single replacement turning `old` (at `base`) into `next`. */
function minimalEdit(old: string, next: string, base: number): TextEdit | undefined {
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
