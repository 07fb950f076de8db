/**
 * The globs of a sidecar's `files` keys, matched without backtracking. A regular expression built
 * from a glob backtracks exponentially on many stars (`*****x` against a long name never
 * returned), and a sidecar is user input: here a pattern runs as a set of states over the path,
 * O(path × pattern) at worst.
 *
 * Meaning: `*` any characters but '/', `?` one character but '/', `**` followed by '/' zero or more
 * whole folders, `**` elsewhere any characters including '/'; everything else (braces and brackets
 * included) stands for itself, case-sensitively. The whole path must match.
 */

type Step =
  | { kind: 'char'; char: string }
  /** ? */
  | { kind: 'one' }
  /** * */
  | { kind: 'name' }
  /** ** not followed by '/' */
  | { kind: 'any' }
  /** `**` + '/': empty, or anything that ends with '/' */
  | { kind: 'folders' };

function steps(glob: string): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const folders = glob[i + 2] === '/';
      out.push({ kind: folders ? 'folders' : 'any' });
      i += folders ? 2 : 1;
    } else if (c === '*') out.push({ kind: 'name' });
    else if (c === '?') out.push({ kind: 'one' });
    else out.push({ kind: 'char', char: c });
  }
  return out;
}

/** A test for whole paths ('/'-separated) against `glob`. */
export function compileGlob(glob: string): (path: string) => boolean {
  const pattern = steps(glob);
  const m = pattern.length;
  // at[k]: the path read so far can stand before step k (k = m: the pattern is complete);
  // inside[k]: it has entered the `**/` step k, which it leaves only after a '/'.
  let at = new Uint8Array(m + 1);
  let inside = new Uint8Array(m);
  let nextAt = new Uint8Array(m + 1);
  let nextInside = new Uint8Array(m);
  // Stars may match nothing: the state after them is reached without reading.
  const close = (): void => {
    for (let k = 0; k < m; k++) if (nextAt[k] && pattern[k].kind !== 'char' && pattern[k].kind !== 'one') nextAt[k + 1] = 1;
  };
  return (path) => {
    nextAt.fill(0);
    nextAt[0] = 1;
    close();
    [at, nextAt] = [nextAt, at];
    inside.fill(0);
    for (let i = 0; i < path.length; i++) {
      const c = path[i];
      nextAt.fill(0);
      nextInside.fill(0);
      let alive = false;
      for (let k = 0; k < m; k++) {
        const step = pattern[k];
        if (step.kind === 'folders' && (at[k] || inside[k])) {
          nextInside[k] = 1;
          if (c === '/') nextAt[k + 1] = 1;
          alive = true;
        } else if (at[k]) {
          // Where the step leads after reading c: the next step, the same (a star), or nowhere.
          const to = step.kind === 'char' ? (step.char === c ? k + 1 : -1) : step.kind === 'one' ? (c !== '/' ? k + 1 : -1) : step.kind === 'any' || c !== '/' ? k : -1;
          if (to >= 0) {
            nextAt[to] = 1;
            alive = true;
          }
        }
      }
      if (!alive) return false;
      close();
      [at, nextAt] = [nextAt, at];
      [inside, nextInside] = [nextInside, inside];
    }
    return at[m] === 1;
  };
}
