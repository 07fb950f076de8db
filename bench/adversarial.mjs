// Hostile input through the real pipeline (no pass/fail): each input is read and outlined, its
// statistics extracted and the file indexed for search, at two sizes; the time of each stage is
// printed with the ratio between the sizes (about 2 when linear, 4 when quadratic), so that a
// super-linear pattern shows. Sidecar globs are matched as the engine matches them.
//   node bench/adversarial.mjs [filter]      e.g. node bench/adversarial.mjs "]("
// The last input is one 50 MB file of Chinese news (the benchmark corpus repeated).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadCore, root } from './lib.mjs';

const core = await loadCore(`
  export { readCorpusFile } from './src/core/corpus/read';
  export { annotateStatistics } from './src/core/stats/annotate';
  export { parseSidecar, sidecarMetadata } from './src/core/corpus/metadata';
  export { SearchIndex } from './src/core/search/index';
  export { loadTokenizer } from './src/core/search/tokenizer';
`);
const filter = process.argv[2];
const tokenizer = core.loadTokenizer();
tokenizer.load();

/** name → [file name, text of about n characters]. */
const INPUTS = {
  'Markdown link openers ](': (n) => ['x.md', `增长5%${'](' .repeat(n / 2)}`],
  'link openers [a]( ': (n) => ['x.md', `${'[a]('.repeat(n / 4)}x`],
  'image openers ![': (n) => ['x.md', '!['.repeat(n / 2)],
  'links with double spaces': (n) => ['x.md', `${'[甲](b)  '.repeat(n / 8)}x`],
  'unclosed tags <a': (n) => ['x.md', '<a'.repeat(n / 2)],
  'unclosed comments + U+2028': (n) => ['x.md', `正文${'<!--'.repeat(n / 4)}\u2028尾`],
  'heading padded with spaces': (n) => ['x.md', `# 标题${' '.repeat(n)}x\n\n正文。`],
  'front matter padded with spaces': (n) => ['x.md', `---\ntitle${' '.repeat(n / 2)}x\nplace: 北京${' '.repeat(n / 2)}# c\n---\n正文。`],
  'nested brackets [[[…]]]': (n) => ['x.md', `${'['.repeat(n / 2)}增长5%${']'.repeat(n / 2)}`],
  'nested parentheses （（（…）））': (n) => ['x.txt', `${'（'.repeat(n / 2)}增长5%${'）'.repeat(n / 2)}`],
  'nested quotes “““…”””': (n) => ['x.txt', `${'“'.repeat(n / 2)}增长5%${'”'.repeat(n / 2)}`],
  'title marks 《《《': (n) => ['x.txt', `${'《'.repeat(n)}增长5%`],
  'long digit run': (n) => ['x.txt', `增长${'1'.repeat(n)}%`],
  'digits with separators 1,000,…': (n) => ['x.txt', `达到${'1,000'.repeat(n / 5)}元`],
  'list of figures 5%、5%、…': (n) => ['x.txt', `分别增长${'5%、'.repeat(n / 3)}6%`],
  'URLs and e-mail openers': (n) => ['x.txt', 'http://a@b.'.repeat(n / 11)],
  '300,000 short lines': (n) => ['x.txt', '甲。\n'.repeat(n / 3)],
  'one line of Chinese news': (n) => ['x.txt', '全市刑事发案同比下降21.5%，矛盾纠纷化解率达98.6%，'.repeat(n / 30)],
};
const SIZES = { '300,000 short lines': 450_000 };
const N = 400_000;

const ms = (t) => performance.now() - t;
const fmt = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0)).padStart(6);

function run(name, text) {
  const bytes = Buffer.from(text);
  let t = performance.now();
  const file = core.readCorpusFile(bytes, `/bench/${name}`);
  const read = ms(t);
  t = performance.now();
  core.annotateStatistics(file);
  const stats = ms(t);
  t = performance.now();
  const index = core.SearchIndex.create(tokenizer);
  index.add(file);
  const indexed = ms(t);
  let statistics = 0;
  for (const a of file.articles) for (const r of a.reports) for (const s of [r.intro, ...r.sections]) statistics += s.statistics.length;
  return { read, stats, indexed, statistics, mb: bytes.length / 1048576 };
}

console.log(`adversarial inputs, node ${process.version}: ms to read+outline | extract statistics | index, at n and 2n characters (×: 2n / n)`);
for (const [label, make] of Object.entries(INPUTS)) {
  if (filter && !label.includes(filter)) continue;
  const n = SIZES[label] ?? N;
  const [name, small] = make(n);
  const [, large] = make(2 * n);
  run(name, small.slice(0, 1000)); // warm-up
  const a = run(name, small);
  const b = run(name, large);
  const cell = (k) => `${fmt(a[k])} →${fmt(b[k])} (×${(b[k] / Math.max(a[k], 0.5)).toFixed(1)})`;
  console.log(`${label.padEnd(34)} ${(b.mb.toFixed(2) + ' MB').padStart(8)}  read ${cell('read')}  stats ${cell('stats')}  index ${cell('indexed')}  ${b.statistics} statistics`);
}

const globs = [
  ['5,000 stars, no match', `${'*'.repeat(5000)}x`],
  ['20 × "*a" on a 40-character name', `${'*a'.repeat(20)}b`],
  ['2,000 × "**/" on a 2,000-folder path', `${'**/'.repeat(2000)}x.md`],
];
if (!filter || 'glob'.includes(filter) || filter.includes('glob')) {
  for (const [label, pattern] of globs) {
    const { sidecar } = core.parseSidecar(JSON.stringify({ files: { [pattern]: { page: '1' } } }), '/c/statcite.meta.json');
    const file = label.includes('folder') ? `/c/${'d/'.repeat(2000)}y.md` : `/c/${'a'.repeat(40)}.md`;
    const t = performance.now();
    for (let i = 0; i < 100; i++) core.sidecarMetadata(sidecar, file);
    console.log(`sidecar glob: ${label.padEnd(38)} ${fmt(ms(t) / 100)} ms per file`);
  }
}

if (!filter || '50 MB'.includes(filter)) {
  const dir = path.resolve(root, '../shared/bench/xwlb/news');
  const names = (await fs.readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const parts = [];
  let size = 0;
  for (let i = 0; size < 50 * 1048576; i++) {
    const text = await fs.readFile(path.join(dir, names[i % names.length]), 'utf8');
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  const r = run('news.md', parts.join('\n\n'));
  console.log(`one 50 MB file of news (Markdown)    ${r.mb.toFixed(1)} MB  read ${fmt(r.read)}  stats ${fmt(r.stats)}  index ${fmt(r.indexed)}  ${r.statistics} statistics`);
}
