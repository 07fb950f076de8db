/**
 * Glob patterns as VS Code settings write them (`**`, `*`, `?`, `[a-z]`, `{a,b}`), matched against
 * `/`-separated relative paths in time linear in the path: the pattern becomes a small automaton
 * whose states are followed all at once, so no pattern (`**\/*a*a*a*b`, nested braces) can make a
 * match backtrack. It also tells a folder walk where it can stop: below a folder nothing can match,
 * or everything does.
 */

export interface Glob {
  /** Whether this relative path (`/` or `\` separated) matches. */
  matches(path: string): boolean;
  /** Whether some path under this folder could match: false lets a walk skip the folder. */
  mayMatchUnder(folder: string): boolean;
  /** Whether every path under this folder matches: true lets a walk skip an excluded folder. */
  matchesAllUnder(folder: string): boolean;
}

export interface GlobOptions {
  /** Case-insensitive, as file names are on Windows and macOS. */
  ignoreCase?: boolean;
}

/** One glob; an empty pattern matches nothing. */
export function compileGlob(pattern: string, options: GlobOptions = {}): Glob {
  return compileGlobs([pattern], options);
}

/** A path matches when any of the patterns does (one automaton for all of them). */
export function compileGlobs(patterns: readonly string[], options: GlobOptions = {}): Glob {
  const fold = (s: string): string => {
    const slashes = s.replace(/\\/g, '/');
    return options.ignoreCase ? slashes.toLowerCase() : slashes;
  };
  const alternatives = patterns.map((p) => fold(p).replace(/^\.\//, '')).filter((p) => p.length > 0).map((p) => new Parser(p).parse());
  const nfa = new Automaton({ kind: 'alt', options: alternatives });
  return {
    matches: (path) => nfa.accepts(nfa.run(fold(path))),
    mayMatchUnder: (folder) => nfa.run(`${trimSlash(fold(folder))}/`).length > 0,
    matchesAllUnder: (folder) => nfa.run(`${trimSlash(fold(folder))}/`).some((s) => nfa.universal(s)),
  };
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

// ---- Syntax -----------------------------------------------------------------------------------

type Test = (c: string) => boolean;
type Node =
  | { kind: 'char'; test: Test | string } // a string: that character
  | { kind: 'star' } // any run of characters within a segment
  | { kind: 'any' } // any run of characters at all (a lone `**`)
  | { kind: 'segments' } // `**/`: any number of whole segments
  | { kind: 'below' } // a trailing `/**`: the folder itself or anything under it
  | { kind: 'alt'; options: Node[][] };

const notSlash: Test = (c) => c !== '/';

class Parser {
  private i = 0;

  constructor(private readonly p: string) {}

  parse(): Node[] {
    return this.sequence(false, true);
  }

  /** Up to the end, or (inside braces) up to `,` or `}`. */
  private sequence(inBraces: boolean, atSegmentStart: boolean): Node[] {
    const out: Node[] = [];
    let segmentStart = atSegmentStart;
    while (this.i < this.p.length) {
      const c = this.p[this.i];
      if (inBraces && (c === ',' || c === '}')) break;
      if (c === '*' && this.p[this.i + 1] === '*' && segmentStart && this.endsSegment(this.i + 2, inBraces)) {
        this.i += 2;
        if (this.p[this.i] === '/') {
          this.i++;
          out.push({ kind: 'segments' });
          continue;
        }
        const last = out[out.length - 1];
        // `a/**`: the slash before it is part of what `**` may leave out.
        if (last?.kind === 'char' && last.test === '/') out.splice(out.length - 1, 1, { kind: 'below' });
        else out.push({ kind: 'any' });
        continue;
      }
      // A whole code point: paths are read by code points, so 𠮷 (two UTF-16 units) is one character.
      const char = String.fromCodePoint(this.p.codePointAt(this.i)!);
      this.i += char.length;
      const atStart = segmentStart;
      segmentStart = c === '/';
      if (c === '*') {
        while (this.p[this.i] === '*') this.i++;
        out.push({ kind: 'star' });
      } else if (c === '?') out.push({ kind: 'char', test: notSlash });
      else if (c === '[') out.push(this.charClass());
      else if (c === '{') out.push(this.braces(atStart));
      else out.push({ kind: 'char', test: char });
    }
    return out;
  }

  /** Whether a `**` ending at `j` is a whole segment. */
  private endsSegment(j: number, inBraces: boolean): boolean {
    const next = this.p[j];
    return next === undefined || next === '/' || (inBraces && (next === ',' || next === '}'));
  }

  private braces(atSegmentStart: boolean): Node {
    const start = this.i;
    const options: Node[][] = [];
    for (;;) {
      options.push(this.sequence(true, atSegmentStart));
      const c = this.p[this.i++];
      if (c === '}') return { kind: 'alt', options };
      if (c !== ',') break;
    }
    // No closing brace: the `{` was a plain character.
    this.i = start;
    return { kind: 'char', test: '{' };
  }

  /** `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`; never a slash. Without a closing `]`, a plain `[`. */
  private charClass(): Node {
    const close = this.p.indexOf(']', this.i + 1);
    if (close < 0) return { kind: 'char', test: '[' };
    let body = Array.from(this.p.slice(this.i, close));
    this.i = close + 1;
    const negate = body[0] === '!' || body[0] === '^';
    if (negate) body = body.slice(1);
    const ranges: Array<[string, string]> = [];
    for (let k = 0; k < body.length; k++) {
      if (body[k + 1] === '-' && k + 2 < body.length) {
        ranges.push([body[k], body[k + 2]]);
        k += 2;
      } else ranges.push([body[k], body[k]]);
    }
    return { kind: 'char', test: (x) => x !== '/' && ranges.some(([lo, hi]) => lo <= x && x <= hi) !== negate };
  }
}


// ---- Automaton --------------------------------------------------------------------------------

type State =
  | { type: 'char'; test: Test | string; out: number }
  | { type: 'split'; out: number[]; universal?: boolean }
  | { type: 'match' };

const MATCH = 0;
const NONE = -1;
const NOT_SLASH = -2;
const ANY = -3;
const TEST = -4;
const SLASH = 0x2f;

/**
 * A Thompson automaton, built back to front: each node is compiled knowing where it continues.
 * Built, it is flattened into typed arrays, and a run follows every live state at once with
 * preallocated buffers: O(path × pattern) whatever the pattern, with no garbage per character.
 */
class Automaton {
  private readonly states: State[] = [{ type: 'match' }];
  private readonly start: number;
  /**
   * Per state: what it reads (a code point, or NONE, NOT_SLASH, ANY, TEST: tests[s]), where it
   * goes, and a split's targets (edges[edgeStart[s] .. edgeStart[s + 1]]).
   */
  private readonly reads: Int32Array;
  private readonly tests: Array<Test | undefined>;
  private readonly out: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edges: Int32Array;
  private readonly seen: Uint32Array;
  private readonly stack: Int32Array;
  private generation = 0;

  constructor(root: Node) {
    this.start = this.node(root, MATCH);
    const n = this.states.length;
    this.reads = Int32Array.from(this.states, (st) =>
      st.type !== 'char' ? NONE : typeof st.test === 'string' ? st.test.codePointAt(0)! : st.test === notSlash ? NOT_SLASH : st.test === anything ? ANY : TEST,
    );
    this.tests = this.states.map((st) => (st.type === 'char' && typeof st.test !== 'string' ? st.test : undefined));
    this.out = Int32Array.from(this.states, (st) => (st.type === 'char' ? st.out : -1));
    this.edgeStart = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) {
      const st = this.states[k];
      this.edgeStart[k + 1] = this.edgeStart[k] + (st.type === 'split' ? st.out.length : 0);
    }
    this.edges = Int32Array.from(this.states.flatMap((st) => (st.type === 'split' ? st.out : [])));
    this.seen = new Uint32Array(n);
    this.stack = new Int32Array(n);
  }

  /** The states reached after reading `input` (empty: no continuation can match). */
  run(input: string): number[] {
    const { reads, tests, out, seen, stack } = this;
    let current = new Int32Array(this.states.length);
    let next = new Int32Array(this.states.length);
    seen[this.start] = ++this.generation;
    stack[0] = this.start;
    let count = this.closure(current, 1);
    // Read by code points, as the pattern is parsed.
    for (let i = 0; i < input.length && count > 0; ) {
      const code = input.codePointAt(i)!;
      const c = code > 0xffff ? input.slice(i, i + 2) : input[i];
      i += c.length;
      const mark = ++this.generation;
      let size = 0;
      for (let k = 0; k < count; k++) {
        const s = current[k];
        const what = reads[s];
        if (what === NONE) continue;
        if (what >= 0 ? what === code : what === NOT_SLASH ? code !== SLASH : what === ANY || tests[s]!(c)) {
          const to = out[s];
          if (seen[to] !== mark) {
            seen[to] = mark;
            stack[size++] = to;
          }
        }
      }
      count = this.closure(next, size);
      [current, next] = [next, current];
    }
    return Array.from(current.subarray(0, count));
  }

  accepts(states: number[]): boolean {
    return states.includes(MATCH);
  }

  /** A state from which any rest of the path matches. */
  universal(s: number): boolean {
    const state = this.states[s];
    return state.type === 'split' && state.universal === true;
  }

  /** Every state reachable without reading from the `size` states on the stack (marked this generation), into `into`; how many. */
  private closure(into: Int32Array, size: number): number {
    const { edgeStart, edges, seen, stack } = this;
    const mark = this.generation;
    let count = 0;
    while (size > 0) {
      const s = stack[--size];
      into[count++] = s;
      for (let e = edgeStart[s], end = edgeStart[s + 1]; e < end; e++) {
        const to = edges[e];
        if (seen[to] !== mark) {
          seen[to] = mark;
          stack[size++] = to;
        }
      }
    }
    return count;
  }

  private add(state: State): number {
    this.states.push(state);
    return this.states.length - 1;
  }

  private sequence(nodes: Node[], next: number): number {
    for (let k = nodes.length - 1; k >= 0; k--) next = this.node(nodes[k], next);
    return next;
  }

  /** `test*` then `next`. */
  private loop(test: Test, next: number): number {
    const split = this.add({ type: 'split', out: [] });
    const char = this.add({ type: 'char', test, out: split });
    const state = this.states[split] as Extract<State, { type: 'split' }>;
    state.out = [char, next];
    state.universal = next === MATCH && test === anything;
    return split;
  }

  private node(node: Node, next: number): number {
    switch (node.kind) {
      case 'char':
        return this.add({ type: 'char', test: node.test, out: next });
      case 'star':
        return this.loop(notSlash, next);
      case 'any':
        return this.loop(anything, next);
      case 'segments': {
        // (segment/)* then next
        const split = this.add({ type: 'split', out: [] });
        const segment = this.loop(notSlash, this.add({ type: 'char', test: '/', out: split }));
        (this.states[split] as Extract<State, { type: 'split' }>).out = [segment, next];
        return split;
      }
      case 'below':
        // (/.*)? then next
        return this.add({ type: 'split', out: [this.add({ type: 'char', test: '/', out: this.loop(anything, next) }), next] });
      case 'alt':
        return this.add({ type: 'split', out: node.options.map((option) => this.sequence(option, next)) });
    }
  }
}

const anything: Test = () => true;
