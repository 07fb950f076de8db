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
  | { kind: 'char'; test: Test }
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
        if (last?.kind === 'char' && last.test === slash) out.splice(out.length - 1, 1, { kind: 'below' });
        else out.push({ kind: 'any' });
        continue;
      }
      this.i++;
      const atStart = segmentStart;
      segmentStart = c === '/';
      if (c === '*') {
        while (this.p[this.i] === '*') this.i++;
        out.push({ kind: 'star' });
      } else if (c === '?') out.push({ kind: 'char', test: notSlash });
      else if (c === '[') out.push(this.charClass());
      else if (c === '{') out.push(this.braces(atStart));
      else if (c === '/') out.push({ kind: 'char', test: slash });
      else out.push({ kind: 'char', test: (x) => x === c });
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
    return { kind: 'char', test: (x) => x === '{' };
  }

  /** `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`; never a slash. Without a closing `]`, a plain `[`. */
  private charClass(): Node {
    const close = this.p.indexOf(']', this.i + 1);
    if (close < 0) return { kind: 'char', test: (x) => x === '[' };
    let body = this.p.slice(this.i, close);
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

const slash: Test = (c) => c === '/';

// ---- Automaton --------------------------------------------------------------------------------

type State =
  | { type: 'char'; test: Test; out: number }
  | { type: 'split'; out: number[]; universal?: boolean }
  | { type: 'match' };

const MATCH = 0;

/** A Thompson automaton, built back to front: each node is compiled knowing where it continues. */
class Automaton {
  private readonly states: State[] = [{ type: 'match' }];
  private readonly start: number;
  private readonly seen: number[] = [];
  private generation = 0;

  constructor(root: Node) {
    this.start = this.node(root, MATCH);
  }

  /** The states reached after reading `input` (empty: no continuation can match). */
  run(input: string): number[] {
    let current = this.closure([this.start]);
    for (const c of input) {
      const next: number[] = [];
      for (const s of current) {
        const state = this.states[s];
        if (state.type === 'char' && state.test(c)) next.push(state.out);
      }
      current = this.closure(next);
      if (!current.length) break;
    }
    return current;
  }

  accepts(states: number[]): boolean {
    return states.includes(MATCH);
  }

  /** A state from which any rest of the path matches. */
  universal(s: number): boolean {
    const state = this.states[s];
    return state.type === 'split' && state.universal === true;
  }

  private closure(from: number[]): number[] {
    const out: number[] = [];
    const mark = ++this.generation;
    const stack = [...from];
    while (stack.length) {
      const s = stack.pop()!;
      if (this.seen[s] === mark) continue;
      this.seen[s] = mark;
      out.push(s);
      const state = this.states[s];
      if (state.type === 'split') stack.push(...state.out);
    }
    return out;
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
        const segment = this.loop(notSlash, this.add({ type: 'char', test: slash, out: split }));
        (this.states[split] as Extract<State, { type: 'split' }>).out = [segment, next];
        return split;
      }
      case 'below':
        // (/.*)? then next
        return this.add({ type: 'split', out: [this.add({ type: 'char', test: slash, out: this.loop(anything, next) }), next] });
      case 'alt':
        return this.add({ type: 'split', out: node.options.map((option) => this.sequence(option, next)) });
    }
  }
}

const anything: Test = () => true;
