/**
 * npm run eval:stats — scores statistic extraction on the sample corpus against the annotated copy
 * of its gold file (test/fixtures/stats/stats.gold.jsonl), then on every hand-annotated text in
 * test/fixtures/stats, and prints the figures, what went wrong, and a table of all of them. The
 * same scoring runs as unit tests with the targets (test/unit/stats/gold.test.ts). Last, the
 * statistics of the HTML, Word and PDF fixtures beside those of the same text as plain text
 * (eval-formats.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateFormats } from './eval-formats';
import { evaluationSets, loadFixture, parseGold, repoRoot, score, statisticsOf, type KeyPairs, type Score } from './eval-stats.lib';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const groupingRight = (p: KeyPairs): number => (p.pairs === 0 ? 1 : 1 - (p.merged.length + p.split.length) / p.pairs);

function evaluate(label: string, textPath: string, goldPath: string): Score {
  const result = score(statisticsOf(loadFixture(textPath)), parseGold(fs.readFileSync(goldPath, 'utf8')));
  console.log(`${label}: ${path.relative(process.cwd(), textPath)}`);
  console.log(`extracted ${result.extracted} statistics; ${result.required} required in the gold file`);
  console.log(`precision        ${pct(result.precision)}  (target ≥ 97%)`);
  console.log(`recall           ${pct(result.recall)}  (target ≥ 98%)`);
  console.log(`value+unit right ${pct(result.valueAccuracy)}  (target 100% of matches)`);
  console.log(`metric right     ${pct(result.metricAccuracy)}  (target ≥ 95% of matches)`);
  console.log(`subject right    ${pct(result.subjectAccuracy)}  (target ≥ 95% of matches)`);
  console.log(`period right     ${pct(result.periodAccuracy)}  (target ≥ 95% of matches)`);
  console.log(`metric key right ${pct(result.metricKeyAccuracy)}  (same key string as annotated)`);
  const pairs = result.keyPairs;
  console.log(`key grouping     ${pct(groupingRight(pairs))}  (pairs of annotated matches grouped as the gold groups them; different quantities merged: ${pairs.merged.length}, one quantity split: ${pairs.split.length})`);
  console.log(`kind+change      ${pct(result.kindAccuracy)}`);
  for (const g of result.misses) console.log(`  miss      ${g.quote}  [${g.text}] ${g.metric}`);
  for (const s of result.falsePositives) console.log(`  false +   ${s.text} ${s.unit} (${s.kind}) ${s.metric}  «${s.sentence.slice(0, 40)}»`);
  for (const { gold, stat } of result.wrongValues) console.log(`  value     ${gold.text}: ${gold.value} ${gold.unit} ≠ ${stat.value} ${stat.unit}`);
  for (const { gold, stat } of result.wrongMetrics) console.log(`  metric    ${gold.text}: ${gold.metric} ≠ ${stat.metric}`);
  for (const { gold, stat } of result.wrongSubjects) console.log(`  subject   ${gold.text} ${gold.metric}: ${gold.subject || '—'} ≠ ${stat.subject ?? '—'}`);
  for (const { gold, stat } of result.wrongPeriods) console.log(`  period    ${gold.text} ${gold.metric}: ${gold.period || '—'} ≠ ${stat.period ?? '—'}`);
  for (const { gold, stat } of result.wrongKeys) console.log(`  key       ${gold.text}: ${gold.metricKey} ≠ ${stat.metricKey}`);
  for (const [a, b] of pairs.merged) console.log(`  merged    ${a.gold.text} ${a.gold.metricKey} + ${b.gold.text} ${b.gold.metricKey} → ${a.stat.metricKey}`);
  for (const [a, b] of pairs.split) console.log(`  split     ${a.gold.text} + ${b.gold.text} ${a.gold.metricKey} → ${a.stat.metricKey} / ${b.stat.metricKey}`);
  for (const { gold, stat } of result.matches.filter(({ gold: g, stat: s }) => g.kind !== s.kind || (g.change ?? null) !== (s.change ?? null))) {
    console.log(`  kind      ${gold.text}: ${gold.kind} ${gold.change ?? ''} ≠ ${stat.kind} ${stat.change ?? ''}`);
  }
  console.log('');
  return result;
}

async function main(): Promise<number> {
  const root = repoRoot(__dirname);
  const rows = evaluationSets(root).map((set) => ({ name: set.name, result: evaluate(set.name, set.text, set.gold) }));
  const header = ['fixture', 'required', 'recall', 'precision', 'metric', 'subject', 'period', 'key', 'grouping'];
  const lines = rows.map(({ name, result: r }) => [name, String(r.required), pct(r.recall), pct(r.precision), pct(r.metricAccuracy), pct(r.subjectAccuracy), pct(r.periodAccuracy), pct(r.metricKeyAccuracy), pct(groupingRight(r.keyPairs))]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log('targets: recall ≥ 98%, precision ≥ 97%, metric, subject and period right ≥ 95% of matches');
  await evaluateFormats(root);
  return 0;
}

void main().then((code) => (process.exitCode = code));
