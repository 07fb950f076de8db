// Reads and outlines a corpus with the core reader and prints figures (no pass/fail).
//   node bench/outline.mjs [folder|file …]      default: ../shared/bench/xwlb/news
// The TypeScript core is bundled on the fly with esbuild into a temporary module.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { corpusPaths, loadCore } from './lib.mjs';

const { readCorpusFile } = await loadCore("export { readCorpusFile } from './src/core/corpus/read';");
const paths = await corpusPaths(process.argv.slice(2));

let t0 = performance.now();
const files = await Promise.all(paths.map(async (p) => ({ path: p, bytes: await fs.readFile(p) })));
const readMs = performance.now() - t0;

function outline(batch) {
  const totals = { bytes: 0, articles: 0, reports: 0, sections: 0, passages: 0, problems: 0, errors: 0, slowest: { ms: 0, path: '' } };
  const start = performance.now();
  for (const { path: p, bytes } of batch) {
    const s = performance.now();
    const file = readCorpusFile(bytes, p);
    const ms = performance.now() - s;
    if (ms > totals.slowest.ms) totals.slowest = { ms, path: p };
    totals.bytes += bytes.length;
    totals.problems += file.problems.length;
    totals.errors += file.problems.filter((x) => x.severity === 'error').length;
    for (const a of file.articles) {
      totals.articles++;
      for (const r of a.reports) {
        totals.reports++;
        totals.sections += r.sections.length;
        totals.passages += r.intro.passages.length + r.sections.reduce((n, sec) => n + sec.passages.length, 0);
      }
    }
  }
  return { ms: performance.now() - start, ...totals };
}

function print(label, r) {
  const mb = r.bytes / 1024 / 1024;
  console.log(
    `${label.padEnd(6)} ${String(r.files).padStart(5)} files  ${mb.toFixed(1).padStart(5)} MiB  ${r.ms.toFixed(0).padStart(5)} ms  ${(mb / (r.ms / 1000)).toFixed(1)} MiB/s  ` +
      `articles ${r.articles}  reports ${r.reports}  sections ${r.sections}  passages ${r.passages}  ` +
      `problems ${r.problems} (errors ${r.errors})  slowest ${r.slowest.ms.toFixed(1)} ms ${path.basename(r.slowest.path)}`,
  );
}

console.log(`files read from disk: ${files.length} in ${readMs.toFixed(0)} ms`);
// The first pass includes the JIT's warm-up, as a first read of the corpus would; the others do not.
print('cold', { files: files.length, ...outline(files) });
const points = [100, 1000, files.length].filter((n, i, a) => n <= files.length && a.indexOf(n) === i);
for (const n of points) print('warm', { files: n, ...outline(files.slice(0, n)) });
