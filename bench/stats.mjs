// Statistic extraction throughput (no pass/fail): reads and outlines each file with the core reader,
// then times annotateStatistics on it, and prints MB/s and the statistics found. The CPU time of the
// extraction is printed beside the elapsed time: on a machine shared with other work it varies less.
//   node bench/stats.mjs [folder|file …]      default: ../shared/bench/xwlb/news
// The TypeScript core is bundled on the fly with esbuild into a temporary module.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { corpusPaths, loadCore } from './lib.mjs';

const { readCorpusFile, annotateStatistics } = await loadCore("export { readCorpusFile } from './src/core/corpus/read'; export { annotateStatistics } from './src/core/stats/annotate';");
const paths = await corpusPaths(process.argv.slice(2));
const files = await Promise.all(paths.map(async (p) => ({ path: p, bytes: await fs.readFile(p) })));

function run(batch) {
  const totals = { bytes: 0, readMs: 0, statsMs: 0, cpuMs: 0, statistics: 0, kinds: {}, slowest: { ms: 0, path: '' } };
  for (const { path: p, bytes } of batch) {
    let t = performance.now();
    const file = readCorpusFile(bytes, p);
    totals.readMs += performance.now() - t;
    t = performance.now();
    const cpu = process.cpuUsage();
    annotateStatistics(file);
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    totals.cpuMs += (used.user + used.system) / 1000;
    totals.statsMs += ms;
    if (ms > totals.slowest.ms) totals.slowest = { ms, path: p };
    totals.bytes += bytes.length;
    for (const a of file.articles)
      for (const r of a.reports)
        for (const s of [r.intro, ...r.sections])
          for (const st of s.statistics) {
            totals.statistics++;
            totals.kinds[st.kind] = (totals.kinds[st.kind] ?? 0) + 1;
          }
  }
  return totals;
}

run(files.slice(0, 20)); // warm-up, so the figures measure the extractor rather than the JIT's first steps
const points = [100, 1000, files.length].filter((n, i, a) => n <= files.length && a.indexOf(n) === i);
for (const n of points) {
  const r = run(files.slice(0, n));
  const mb = r.bytes / 1024 / 1024;
  const kinds = Object.entries(r.kinds).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(
    `${String(n).padStart(5)} files  ${mb.toFixed(1).padStart(5)} MB  extraction ${r.statsMs.toFixed(0).padStart(5)} ms = ${(mb / (r.statsMs / 1000)).toFixed(1)} MB/s (CPU ${r.cpuMs.toFixed(0)} ms = ${(mb / (r.cpuMs / 1000)).toFixed(1)} MB/s)  ` +
      `(read+extract ${(mb / ((r.readMs + r.statsMs) / 1000)).toFixed(1)} MB/s)  statistics ${r.statistics} [${kinds}]  ` +
      `slowest ${r.slowest.ms.toFixed(1)} ms ${path.basename(r.slowest.path)}`,
  );
}
