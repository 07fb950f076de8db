/**
 * Scoring of statistic extraction against a gold annotation, as STATISTICS.md defines it:
 * precision over everything extracted (a figure overlapping an optional entry, or the `from`
 * figure of a change, is neither right nor wrong), recall over the required entries, and for the
 * matches: value + unit accuracy and metric accuracy (same phrase, or one contains the other).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sectionsOf } from '../src/core/corpus/walk';
import type { CorpusFile, Statistic } from '../src/core/model';

export interface GoldEntry {
  report: string;
  quote: string;
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  kind: string;
  metric: string;
  change?: 'up' | 'down';
  optional?: boolean;
}

export interface Score {
  extracted: number;
  required: number;
  precision: number;
  recall: number;
  valueAccuracy: number;
  metricAccuracy: number;
  kindAccuracy: number;
  matches: Array<{ gold: GoldEntry; stat: Statistic }>;
  misses: GoldEntry[];
  falsePositives: Statistic[];
  wrongValues: Array<{ gold: GoldEntry; stat: Statistic }>;
  wrongMetrics: Array<{ gold: GoldEntry; stat: Statistic }>;
}

export function parseGold(jsonl: string): GoldEntry[] {
  return jsonl.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as GoldEntry);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** Same phrase, or one contains the other (empty metrics never match). */
export function metricMatches(extracted: string, gold: string): boolean {
  const norm = (s: string): string => s.replace(/[\s“”"]/g, '');
  const a = norm(extracted);
  const b = norm(gold);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

export function score(stats: Statistic[], gold: GoldEntry[]): Score {
  const required = gold.filter((g) => !g.optional);
  const matches: Score['matches'] = [];
  const falsePositives: Statistic[] = [];
  const usedGold = new Set<GoldEntry>();
  let right = 0;
  for (const stat of stats) {
    const hit = required.find((g) => !usedGold.has(g) && overlaps(g, stat.range));
    if (hit) {
      usedGold.add(hit);
      matches.push({ gold: hit, stat });
      right++;
      continue;
    }
    const neutral =
      gold.some((g) => g.optional && overlaps(g, stat.range)) ||
      stats.some((other) => other.from && overlaps(other.from.range, stat.range));
    if (!neutral) falsePositives.push(stat);
  }
  const counted = right + falsePositives.length;
  const wrongValues = matches.filter(({ gold: g, stat }) => Math.abs(g.value - stat.value) > 1e-9 * Math.max(1, Math.abs(g.value)) || g.unit !== stat.unit);
  const wrongMetrics = matches.filter(({ gold: g, stat }) => !metricMatches(stat.metric, g.metric));
  const kindRight = matches.filter(({ gold: g, stat }) => g.kind === stat.kind && (g.change ?? null) === (stat.change ?? null)).length;
  const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
  return {
    extracted: stats.length,
    required: required.length,
    precision: ratio(right, counted),
    recall: ratio(matches.length, required.length),
    valueAccuracy: ratio(matches.length - wrongValues.length, matches.length),
    metricAccuracy: ratio(matches.length - wrongMetrics.length, matches.length),
    kindAccuracy: ratio(kindRight, matches.length),
    matches,
    misses: required.filter((g) => !usedGold.has(g)),
    falsePositives,
    wrongValues,
    wrongMetrics,
  };
}

/** Every statistic of a file, in section order. */
export function statisticsOf(file: CorpusFile): Statistic[] {
  return [...sectionsOf(file)].flatMap(({ section }) => section.statistics);
}

/**
 * The sample text and its gold file: ../shared/corpus/seed next to the repository (a checkout
 * and CI both have it), else the copies in test/fixtures.
 */
export function sampleSeed(root: string): { text: string; gold: string } | undefined {
  const candidates = [
    { text: path.join(root, '../shared/corpus/seed/000_fadfd726848b77a0.txt'), gold: path.join(root, '../shared/corpus/seed/stats.gold.jsonl') },
    { text: path.join(root, 'test/fixtures/workspace/corpus/000_fadfd726848b77a0.txt'), gold: path.join(root, 'test/fixtures/stats/stats.gold.jsonl') },
  ];
  return candidates.find((c) => fs.existsSync(c.text) && fs.existsSync(c.gold));
}

/**
 * Hand-annotated report texts written for the tests (test/fixtures/stats/NAME.txt with
 * NAME.gold.jsonl): the rules are scored on them as on the sample, since they never saw them.
 */
export function fixtureGolds(root: string): Array<{ name: string; text: string; gold: string }> {
  const dir = path.join(root, 'test/fixtures/stats');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.gold.jsonl')).sort()
    .map((f) => ({ name: f.slice(0, -'.gold.jsonl'.length), text: path.join(dir, f.replace(/\.gold\.jsonl$/, '.txt')), gold: path.join(dir, f) }))
    .filter((c) => fs.existsSync(c.text));
}

/** The repository root: the nearest folder up from `from` holding package.json (bundled or not). */
export function repoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
