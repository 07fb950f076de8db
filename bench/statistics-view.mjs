// The Statistics view's table on the benchmark corpus (no pass/fail; prints figures):
//   node bench/statistics-view.mjs [folder|file …]      default: ../shared/bench/xwlb/news
// open   = rows built from the outlined files + the message to the webview (JSON, as postMessage
//          sends it) stringified and parsed + the first query (every row, corpus order);
// filter = StatTable.query with one filter (median of repeated runs; the first run, which folds
//          the texts once, shown apart); sort = a query sorted by a column (first run ranks it).
// It also prints what a round trip per query would carry if filtering ran in the extension host
// (the matching ids), which is why the view filters in the webview.
import { promises as fs } from 'node:fs';
import { corpusPaths, loadCore } from './lib.mjs';

const { loadCorpusFile, fileRows, StatTable, compareChart, encodeFile, decodeFile } = await loadCore(
  "export { loadCorpusFile } from './src/core/load'; export { fileRows } from './src/core/table/row'; export { StatTable } from './src/core/table/query'; export { compareChart } from './src/core/table/compare'; export { encodeFile, decodeFile } from './src/core/table/wire';",
);
const paths = await corpusPaths(process.argv.slice(2));
const files = await Promise.all(paths.map(async (p) => loadCorpusFile(await fs.readFile(p), p)));

const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

// Open: what the extension does (rows, message), then what the webview does (parse, first query).
let t = now();
const perFile = files.map((f) => encodeFile(f.path, fileRows(f)));
const buildMs = now() - t;
t = now();
const message = JSON.stringify({ type: 'rows', files: perFile, removed: [], reset: true, ready: true });
const stringifyMs = now() - t;
t = now();
const received = JSON.parse(message);
const rows = received.files.flatMap(decodeFile);
const table = new StatTable(rows);
const first = table.query({});
const parseMs = now() - t;
t = now();
table.warm();
const warmMs = now() - t;
console.log(`${files.length} files, ${rows.length} statistics, ${new Set(rows.map((r) => r.metricKey)).size} metric keys`);
console.log(
  `open: ${fmt(buildMs + stringifyMs + parseMs)} (rows ${fmt(buildMs)}, message ${(message.length / 2 ** 20).toFixed(1)} M characters stringified ${fmt(stringifyMs)}, parsed + first query ${fmt(parseMs)}; ${first.rows.length} rows); then, once shown, texts folded for filtering in ${fmt(warmMs)}`,
);

function timed(query, runs = 9) {
  const t0 = now();
  const result = table.query(query);
  const firstMs = now() - t0;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t1 = now();
    table.query(query);
    times.push(now() - t1);
  }
  return { firstMs, medianMs: median(times), maxMs: Math.max(...times), count: result.rows.length, result };
}

const filters = [
  ['free text 增长', { text: '增长' }],
  ['free text 北京 增长', { text: '北京 增长' }],
  ['metric 进出口', { metric: '进出口' }],
  ['subject 广东', { subject: '广东' }],
  ['kind change', { kinds: ['change'] }],
  ['value 10–100', { valueMin: 10, valueMax: 100 }],
  ['date 2023-01..2023-06', { dateFrom: '2023-01', dateTo: '2023-06' }],
  ['text 亿元 + kind amount + value ≥ 1e9', { text: '亿元', kinds: ['amount'], valueMin: 1e9 }],
];
for (const [name, query] of filters) {
  const r = timed(query);
  console.log(`filter ${name.padEnd(36)} ${String(r.count).padStart(6)} rows  median ${fmt(r.medianMs)}  max ${fmt(r.maxMs)}  (first ${fmt(r.firstMs)})`);
}
for (const column of ['value', 'metricKey', 'subject', 'period', 'date', 'figure']) {
  const r = timed({ sort: { column, descending: true } });
  console.log(`sort ${column.padEnd(38)} ${String(r.count).padStart(6)} rows  median ${fmt(r.medianMs)}  max ${fmt(r.maxMs)}  (first ${fmt(r.firstMs)})`);
}
const grouped = timed({ groupByMetric: true, sort: { column: 'value' } });
console.log(`group by metric key, sorted by value ${String(grouped.result.lines.length).padStart(9)} lines median ${fmt(grouped.medianMs)}  max ${fmt(grouped.maxMs)}`);
const both = timed({ text: '增长', sort: { column: 'subject' }, groupByMetric: true });
console.log(`free text + sort + group ${String(both.count).padStart(19)} rows  median ${fmt(both.medianMs)}  max ${fmt(both.maxMs)}`);

// A chart over the largest metric key.
const biggest = grouped.result.groups[0].key;
const keyRows = rows.filter((r) => r.metricKey === biggest);
t = now();
const chart = compareChart(keyRows, 'period');
console.log(`compare ${biggest} across periods: ${keyRows.length} statistics, ${chart.categories.length} periods, ${chart.series.length} series in ${fmt(now() - t)}`);

// The alternative: filtering in the extension host would send the matching ids back per query.
t = now();
const ids = JSON.stringify(first.rows.map((i) => rows[i].id));
const idsMs = now() - t;
console.log(`a round trip per query from the extension host would carry up to ${(ids.length / 2 ** 20).toFixed(1)} M characters of ids (stringified in ${fmt(idsMs)}), plus two message hops`);
