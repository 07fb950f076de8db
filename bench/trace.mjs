// Figure tracing speed (no pass/fail): long drafts made of sentences of the corpus — figures as the
// source writes them, rounded, mistyped, and sentences without figures — checked against the
// corpus as the extension's worker does (traceDraft over a built TraceIndex). Prints the time to
// build the index, and per draft size its figures, statuses and check time (first run and median).
//   node bench/trace.mjs [folder|file …]      default: ../shared/bench/xwlb/news
import { promises as fs } from 'node:fs';
import { corpusPaths, loadCore } from './lib.mjs';

const core = await loadCore(`
  export { readCorpusFile } from './src/core/corpus/read';
  export { annotateStatistics } from './src/core/stats/annotate';
  export { TraceIndex } from './src/core/trace/index';
  export { traceDraft } from './src/core/trace/trace';
`);
const paths = await corpusPaths(process.argv.slice(2));
let t = performance.now();
const files = await Promise.all(paths.map(async (p) => core.readCorpusFile(await fs.readFile(p), p)));
for (const file of files) core.annotateStatistics(file);
console.log(`${files.length} files read and annotated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

t = performance.now();
const index = core.TraceIndex.of(files);
index.near('%', 1, 0.1); // builds the sorted tables
console.log(`trace index: ${index.size} statistics in ${(performance.now() - t).toFixed(0)} ms`);

// Sentences holding statistics, in a fixed pseudo-random order (the same drafts every run).
const sentences = [];
for (const file of files) for (const a of file.articles) for (const r of a.reports) for (const s of [r.intro, ...r.sections]) {
  for (const stat of s.statistics) if (stat.sentence.length < 200) sentences.push(stat.sentence);
}
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** A draft of about `chars` characters: a third of its sentences with a figure changed, some with none. */
function draft(chars) {
  const parts = [];
  let length = 0;
  while (length < chars) {
    let s = sentences[Math.floor(random() * sentences.length)];
    const r = random();
    if (r < 0.3) s = s.replace(/\d+(?:\.\d+)?/, (n) => String(Number(n) + 1));
    else if (r < 0.4) s = '这方面的工作还需要继续推进，各地要结合实际抓好落实。';
    parts.push(s);
    length += s.length;
    if (parts.length % 6 === 0) parts.push('\n\n');
  }
  return parts.join('');
}

// A Chinese word is about 1.6 characters: 10,000 words ≈ 16,000 characters.
for (const words of [2_500, 10_000, 40_000]) {
  const text = draft(Math.round(words * 1.6));
  const times = [];
  let traced;
  for (let run = 0; run < 7; run++) {
    t = performance.now();
    traced = core.traceDraft(text, 'markdown', index);
    times.push(performance.now() - t);
  }
  const first = times[0];
  const median = [...times].sort((a, b) => a - b)[3];
  const count = (s) => traced.filter((f) => f.status === s).length;
  console.log(
    `${String(words).padStart(6)} words (${text.length} chars): ${traced.length} figures — ${count('found')} found, ${count('differs')} differ, ${count('unsourced')} unsourced — ` +
      `first ${first.toFixed(0)} ms, median ${median.toFixed(0)} ms`,
  );
}
