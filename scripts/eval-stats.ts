/**
 * npm run eval:stats — scores statistic extraction on the sample corpus against its gold file
 * (../shared/corpus/seed, as STATISTICS.md describes), then on every hand-annotated report in
 * test/fixtures/stats, and prints the figures, the misses and the false positives. The same scoring
 * runs as unit tests with the targets (test/unit/stats/gold.test.ts). Last, the statistics of the
 * HTML, Word and PDF fixtures beside those of the same text as plain text (eval-formats.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpusFile } from '../src/core/load';
import { evaluateFormats } from './eval-formats';
import { fixtureGolds, parseGold, repoRoot, sampleSeed, score, statisticsOf } from './eval-stats.lib';

function evaluate(label: string, textPath: string, goldPath: string): void {
  const file = loadCorpusFile(fs.readFileSync(textPath), textPath);
  const result = score(statisticsOf(file), parseGold(fs.readFileSync(goldPath, 'utf8')));
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  console.log(`${label}: ${path.relative(process.cwd(), textPath)}`);
  console.log(`extracted ${result.extracted} statistics; ${result.required} required in the gold file`);
  console.log(`precision        ${pct(result.precision)}  (target ≥ 97%)`);
  console.log(`recall           ${pct(result.recall)}  (target ≥ 98%)`);
  console.log(`value+unit right ${pct(result.valueAccuracy)}  (target 100% of matches)`);
  console.log(`metric right     ${pct(result.metricAccuracy)}  (target ≥ 90% of matches)`);
  console.log(`kind+change      ${pct(result.kindAccuracy)}`);
  for (const g of result.misses) console.log(`  miss      ${g.quote}  [${g.text}] ${g.metric}`);
  for (const s of result.falsePositives) console.log(`  false +   ${s.text} ${s.unit} (${s.kind}) ${s.metric}  «${s.sentence.slice(0, 40)}»`);
  for (const { gold, stat } of result.wrongValues) console.log(`  value     ${gold.text}: ${gold.value} ${gold.unit} ≠ ${stat.value} ${stat.unit}`);
  for (const { gold, stat } of result.wrongMetrics) console.log(`  metric    ${gold.text}: ${gold.metric} ≠ ${stat.metric}`);
  for (const { gold, stat } of result.matches.filter(({ gold: g, stat: s }) => g.kind !== s.kind || (g.change ?? null) !== (s.change ?? null))) {
    console.log(`  kind      ${gold.text}: ${gold.kind} ${gold.change ?? ''} ≠ ${stat.kind} ${stat.change ?? ''}`);
  }
  console.log('');
}

async function main(): Promise<number> {
  const root = repoRoot(__dirname);
  const seed = sampleSeed(root);
  if (!seed) {
    console.error('eval:stats: sample corpus not found (looked in ../shared/corpus/seed and test/fixtures)');
    return 1;
  }
  evaluate('sample', seed.text, seed.gold);
  for (const fixture of fixtureGolds(root)) evaluate(fixture.name, fixture.text, fixture.gold);
  await evaluateFormats(root);
  return 0;
}

void main().then((code) => (process.exitCode = code));
