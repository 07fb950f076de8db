/**
 * npm run eval:stats — scores statistic extraction on the sample corpus against its gold file
 * (../shared/corpus/seed, as STATISTICS.md describes) and prints the figures, the misses and the
 * false positives. The same scoring runs as a unit test with the targets (test/unit/stats/gold.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpusFile } from '../src/core/load';
import { parseGold, repoRoot, sampleSeed, score, statisticsOf } from './eval-stats.lib';

function main(): number {
  const seed = sampleSeed(repoRoot(__dirname));
  if (!seed) {
    console.error('eval:stats: sample corpus not found (looked in ../shared/corpus/seed and test/fixtures)');
    return 1;
  }
  const file = loadCorpusFile(fs.readFileSync(seed.text), seed.text);
  const stats = statisticsOf(file);
  const result = score(stats, parseGold(fs.readFileSync(seed.gold, 'utf8')));
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  console.log(`sample: ${path.relative(process.cwd(), seed.text)}`);
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
  return 0;
}

process.exitCode = main();
