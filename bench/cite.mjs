// Reference formatting speed (no pass/fail): the references of every report of a corpus, formatted
// as one list by the built-in GB/T 7714 styles and through citeproc-js by CSL files (the GB/T 7714
// CSL of ../shared/csl and the APA style of the citation-js CSL plugin). Prints the time to load a
// CSL style, the first entry, and entries per second for a whole list and one entry at a time.
//   node bench/cite.mjs [folder|file …]      default: ../shared/bench/xwlb/news
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpusPaths, loadCore, root } from './lib.mjs';

const core = await loadCore(`
  export { readCorpusFile } from './src/core/corpus/read';
  export { corpusLookup, referenceFor } from './src/core/cite/reference';
  export { formatEntries, styleFor } from './src/core/cite/styles';
  export { cslStyle } from './src/core/cite/styles/cslEngine';
`);
const paths = await corpusPaths(process.argv.slice(2));
const files = await Promise.all(paths.map(async (p) => core.readCorpusFile(await fs.readFile(p), p)));
const refs = core.corpusLookup(files).reports().map(core.referenceFor);
console.log(`${refs.length} references from ${files.length} files`);

const styles = [
  ['gbt7714-numeric (built-in)', () => core.styleFor('gbt7714-numeric')],
  ['gbt7714-author-year (built-in)', () => core.styleFor('gbt7714-author-year')],
  ['GB/T 7714 numeric CSL', () => core.cslStyle(readFileSync(path.resolve(root, '../shared/csl/gbt7714-2015-numeric-no-uppercase.csl'), 'utf8'), 'gbt.csl')],
  ['APA CSL', () => core.cslStyle(JSON.parse(readFileSync(path.join(root, 'node_modules/@citation-js/plugin-csl/lib/styles.json'), 'utf8')).apa, 'apa.csl')],
];
for (const [name, load] of styles) {
  let t = performance.now();
  const style = load();
  const loadMs = performance.now() - t;
  // One entry at a time, as hovers, copies and insertions ask.
  const sample = refs.slice(0, 200);
  t = performance.now();
  for (const ref of sample) style.entry(ref, 'markdown');
  const oneMs = (performance.now() - t) / sample.length;
  t = performance.now();
  const list = core.formatEntries(style, refs, 'markdown');
  const listMs = performance.now() - t;
  console.log(
    `${name.padEnd(32)} load+first entry ${loadMs.toFixed(0).padStart(5)} ms   list of ${list.length}: ${listMs.toFixed(0).padStart(6)} ms (${((list.length / listMs) * 1000).toFixed(0)} entries/s)   one entry: ${oneMs.toFixed(2)} ms`,
  );
}
