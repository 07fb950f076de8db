/**
 * Property test over drafts in every format: random prose with code, brackets, the user's own
 * footnotes (definitions, duplicates, orphans) and notes, plus StatCite citations and lists. Every
 * character is tagged as the user's or StatCite's; after any sequence of insert / update / undo,
 * no edit has touched a character of the user's (so every byte outside StatCite's markers and list
 * is unchanged and in order), an update run twice changes nothing the second time, and an inserted
 * citation reads as one. Seeded: STATCITE_FUZZ_SEED=<n> STATCITE_FUZZ_CASES=<n> reproduce or widen a run.
 */
import { describe, expect, it } from 'vitest';
import { insertCitation, updateReferences, type CiteRequest, type TextEdit } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';

const SEED = Number(process.env.STATCITE_FUZZ_SEED ?? 20240521);
const CASES = Number(process.env.STATCITE_FUZZ_CASES ?? 3000);
const FORMATS: DraftFormat[] = ['markdown', 'pandoc', 'latex', 'plain'];
const KEYS = ['rep-a', 'rep-b', 'rep-c', 'rep-d', 'rep-e'];

/** mulberry32: small, fast, reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text with a tag per UTF-16 unit: 'u' the user's, 's' StatCite's. */
interface Tagged {
  text: string;
  tags: string;
}

class Builder {
  text = '';
  tags = '';
  user(s: string): void {
    this.text += s;
    this.tags += 'u'.repeat(s.length);
  }
  mine(s: string): void {
    this.text += s;
    this.tags += 's'.repeat(s.length);
  }
}

/** A random draft: prose pieces, then StatCite's list (with the user's notes), then perhaps more text. */
function draft(format: DraftFormat, rnd: () => number, eol: string): Tagged {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const b = new Builder();
  // StatCite's numbers, and labels of the user's that never equal them.
  const mine = [1, 2, 3, 4, 5, 6].filter(() => rnd() < 0.5).slice(0, 4);
  const keyOf = new Map(mine.map((n, i) => [n, KEYS[i]]));
  const userLabels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12].filter((n) => !mine.includes(n));
  const ownMarker = () => (format === 'markdown' ? `[^${pick(mine)}]` : format === 'plain' ? `[${pick(mine)}]` : format === 'latex' ? `\\cite{${pick(KEYS)}}` : `[@${pick(KEYS)}]`);
  const prose = ['今年', '数据显示', '增长', '，', '。', ' ', '2023年', '21.5%', '“引语”', '（注）', 'the ', 'arr', 'x1', 'f(x)'];
  const byFormat: Record<DraftFormat, Array<() => string>> = {
    markdown: [
      () => `[^${pick(userLabels)}]`,
      () => `[^note]`,
      () => `${eol}[^${pick(userLabels)}]: 我的注释${eol}`,
      () => `${eol}[^${pick([...userLabels, ...mine])}]: 我的注释（可能与 StatCite 的编号重复）${eol}`,
      // Code spans and comments stand apart (a backslash or backtick right before one would change what is code).
      () => ` \`x[^${pick([...mine, ...userLabels])}]\` `,
      () => ` \`\`a\`[^${pick(mine.length ? mine : [1])}]\`\` `,
      () => `${eol}\`\`\`js${eol}b[^${pick([...mine, 1])}] = c[1];${eol}\`\`\`${eol}`,
      () => `${eol}~~~~${eol}[^${pick([...mine, 2])}]${eol}~~~~${eol}`,
      () => ` <!-- [^${pick([...mine, 3])}] -->`,
      () => '\\',
      () => '[',
      () => ']',
      () => '[链接](http://a.b/c)',
    ],
    pandoc: [
      () => '[@knuth84]',
      () => `[see @${pick(KEYS)}, p. 3]`,
      () => ` \`[@${pick(KEYS)}]\` `,
      () => `${eol}\`\`\`${eol}[@${pick(KEYS)}]${eol}\`\`\`${eol}`,
      () => ` <!-- [@${pick(KEYS)}] -->`,
      () => '[',
      () => ']',
    ],
    latex: [
      () => '\\cite{knuth84}',
      () => `% 注释 \\cite{${pick(KEYS)}}${eol}`,
      () => `\\verb|\\cite{${pick(KEYS)}}|`,
      () => `${eol}\\begin{verbatim}${eol}\\cite{${pick(KEYS)}}${eol}\\end{verbatim}${eol}`,
      () => '\\%',
      () => '\\\\',
      () => '\\textbf{粗体}',
      () => '{',
      () => '}',
    ],
    plain: [
      () => `据报道[${pick(userLabels)}]`,
      () => `arr[${pick([...mine, ...userLabels])}]`,
      () => `m[${pick([...mine, 1])}][${pick([...mine, 2])}]`,
      () => `f(x)[${pick([...mine, 3])}]`,
      () => `${eol}[${pick(userLabels)}] 我的要点${eol}`,
      () => '[2024]号文',
    ],
  };
  const pieces = 5 + Math.floor(rnd() * 25);
  for (let i = 0; i < pieces; i++) {
    const r = rnd();
    if (r < 0.45) b.user(pick(prose));
    else if (r < 0.55) b.user(eol);
    else if (r < 0.7 && (mine.length || format === 'latex' || format === 'pandoc')) {
      b.user(pick(['据统计', '增长了', '下降']));
      b.mine(ownMarker());
    } else b.user(pick(byFormat[format])());
  }
  if (rnd() < 0.85 && (mine.length || format === 'latex' || format === 'pandoc')) {
    b.user(eol + eol);
    b.mine((format === 'plain' ? '参考文献' : format === 'latex' ? '% statcite: references' : '<!-- statcite: references -->') + eol);
    const entries = format === 'markdown' || format === 'plain' ? mine : KEYS.filter(() => rnd() < 0.5);
    const shuffled = [...entries].sort(() => rnd() - 0.5);
    for (const item of shuffled) {
      if (rnd() < 0.3) b.user((format === 'latex' ? '% 我的说明' : format === 'plain' ? '（我的说明）' : '我的说明') + eol);
      const key = typeof item === 'number' ? keyOf.get(item)! : item;
      const id = `s-${Math.floor(rnd() * 5)}`;
      b.mine(
        format === 'markdown'
          ? `[^${item}]: E(${key}) <!-- statcite ${key}: ${id} -->${eol}`
          : format === 'plain'
            ? `[${item}] E(${key}) {{statcite ${key}: ${id}}}${eol}`
            : format === 'latex'
              ? `% statcite ${key}: ${id}${eol}`
              : `<!-- statcite ${key}: ${id} -->${eol}`,
      );
    }
    if (rnd() < 0.4) b.user((format === 'markdown' ? `${eol}[^${pick(userLabels)}]: 列表后的脚注` : '后记：') + eol);
  }
  return { text: b.text, tags: b.tags };
}

/** Applies edits to text and tags; fails when an edit replaces or removes a character of the user's. */
function apply(state: Tagged, edits: TextEdit[], context: () => string): Tagged {
  let { text, tags } = state;
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].end > sorted[i - 1].start) throw new Error(`overlapping edits ${JSON.stringify(sorted)}\n${context()}`);
  }
  for (const e of sorted) {
    const touched = tags.slice(e.start, e.end);
    if (touched.includes('u')) {
      throw new Error(`an edit changed the user's text ${JSON.stringify(text.slice(e.start, e.end))} at ${e.start} → ${JSON.stringify(e.text)}\n${context()}`);
    }
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    tags = tags.slice(0, e.start) + 's'.repeat(e.text.length) + tags.slice(e.end);
  }
  return { text, tags };
}

const entryFor = (key: string) => (KEYS.includes(key) ? `E(${key}) 新` : undefined);

function runCase(n: number): number {
  const rnd = random(SEED + n);
  const format = FORMATS[n % FORMATS.length];
  const r = rnd();
  const eol = r < 0.15 ? '\r\n' : r < 0.2 ? '\r' : '\n';
  let state = draft(format, rnd, eol);
  const history: Tagged[] = [];
  const log: string[] = [];
  const context = () => `seed ${SEED + n} (case ${n}, ${format})\n${log.join('\n')}\n--- text:\n${state.text}`;
  let edits = 0;
  const update = () => {
    const result = updateReferences(parseDraft(state.text, format), entryFor, '参考文献');
    if ('error' in result) throw new Error(`${result.error}\n${context()}`);
    return result.edits;
  };
  const steps = 1 + Math.floor(rnd() * 6);
  for (let step = 0; step < steps; step++) {
    const op = rnd();
    if (op < 0.5) {
      const offset = Math.floor(rnd() * (state.text.length + 1));
      const key = KEYS[Math.floor(rnd() * KEYS.length)];
      const request: CiteRequest = { key, id: `t-${step}`, text: rnd() < 0.15 ? 'GDP' : '新句', entry: `E(${key})`, heading: '参考文献' };
      log.push(`insert ${key} at ${offset}`);
      const result = insertCitation(parseDraft(state.text, format), offset, request);
      if ('error' in result) {
        expect(result.error, context()).toMatch(/inside code|inside a comment|never closed/);
        continue;
      }
      history.push(state);
      state = apply(state, result.edits, context);
      edits += result.edits.length;
      // The new citation reads as one, right before the cursor.
      const parsed = parseDraft(state.text, format);
      const marker = parsed.markers.find((m) => m.end === result.cursor);
      expect(marker, `inserted marker not read back\n${context()}`).toBeDefined();
      const cited = marker!.number !== undefined ? parsed.entries.find((e) => e.number === marker!.number)?.key : marker!.keys.find((k) => k === key);
      expect(cited, context()).toBe(key);
      expect(parsed.entries.some((e) => e.key === key && e.ids.includes(request.id)), context()).toBe(true);
    } else if (op < 0.85) {
      log.push('update');
      const result = update();
      history.push(state);
      state = apply(state, result, context);
      edits += result.length;
      expect(update(), `a second update changed the draft\n${context()}`).toEqual([]);
    } else if (history.length) {
      log.push('undo');
      state = history.pop()!;
    }
  }
  log.push('final update');
  state = apply(state, update(), context);
  expect(update(), `a second update changed the draft\n${context()}`).toEqual([]);
  return edits;
}

describe('draft edits: property test', () => {
  it(`${CASES} random drafts and edit sequences keep every byte of the user's, and updates are idempotent`, () => {
    let edits = 0;
    for (let n = 0; n < CASES; n++) edits += runCase(n);
    expect(edits).toBeGreaterThan(CASES); // the cases did edit drafts
  });
});
