/**
 * Scoring of statistic extraction against a gold annotation, as STATISTICS.md defines it:
 * precision over everything extracted (a figure overlapping an optional entry, or the `from`
 * figure of a change, is neither right nor wrong), recall over the required entries, and for the
 * matches: value + unit accuracy, metric accuracy (same phrase, or one contains the other), and
 * where the gold states them, subject, period and metric key (equal; an empty gold value means
 * "the text gives none").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_NAME, parseSidecar, sidecarMetadata } from '../src/core/corpus/metadata';
import { sectionsOf } from '../src/core/corpus/walk';
import { loadCorpusFile } from '../src/core/load';
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
  /** Who or what the figure is about; '' when the text names nobody. */
  subject?: string;
  /** The period as the extractor states it (2024年, 2025年1—11月, 去年 when undated); '' for none. */
  period?: string;
  metricKey?: string;
}

type Match = { gold: GoldEntry; stat: Statistic };

/**
 * How the keys group what they key: over every pair of matches whose gold names a key, `merged` are
 * pairs of different quantities given one key, `split` pairs of one quantity given two; `pairs` all.
 */
export interface KeyPairs {
  pairs: number;
  merged: Array<[Match, Match]>;
  split: Array<[Match, Match]>;
}

/** Compares the grouping of the extracted keys with the gold's, pair by pair. */
export function keyPairs(matches: Match[]): KeyPairs {
  const keyed = matches.filter(({ gold: g }) => g.metricKey !== undefined && g.metricKey !== '');
  const result: KeyPairs = { pairs: 0, merged: [], split: [] };
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      const [a, b] = [keyed[i], keyed[j]];
      const same = a.gold.metricKey === b.gold.metricKey;
      const grouped = a.stat.metricKey === b.stat.metricKey;
      result.pairs++;
      if (grouped && !same) result.merged.push([a, b]);
      else if (same && !grouped) result.split.push([a, b]);
    }
  }
  return result;
}

export interface Score {
  extracted: number;
  required: number;
  precision: number;
  recall: number;
  valueAccuracy: number;
  metricAccuracy: number;
  kindAccuracy: number;
  subjectAccuracy: number;
  periodAccuracy: number;
  metricKeyAccuracy: number;
  /** Pairs of annotated matches that the extracted keys group as the gold keys do (same ↔ same). */
  keyPairs: KeyPairs;
  matches: Match[];
  misses: GoldEntry[];
  falsePositives: Statistic[];
  wrongValues: Match[];
  wrongMetrics: Match[];
  wrongSubjects: Match[];
  wrongPeriods: Match[];
  wrongKeys: Match[];
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
  const annotated = (field: 'subject' | 'period' | 'metricKey'): Match[] => matches.filter(({ gold: g }) => g[field] !== undefined);
  const wrong = (field: 'subject' | 'period' | 'metricKey'): Match[] =>
    annotated(field).filter(({ gold: g, stat }) => differs(g[field] ?? '', stat[field] ?? ''));
  const wrongSubjects = wrong('subject');
  const wrongPeriods = wrong('period');
  const wrongKeys = wrong('metricKey');
  const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
  return {
    extracted: stats.length,
    required: required.length,
    precision: ratio(right, counted),
    recall: ratio(matches.length, required.length),
    valueAccuracy: ratio(matches.length - wrongValues.length, matches.length),
    metricAccuracy: ratio(matches.length - wrongMetrics.length, matches.length),
    kindAccuracy: ratio(kindRight, matches.length),
    subjectAccuracy: ratio(annotated('subject').length - wrongSubjects.length, annotated('subject').length),
    periodAccuracy: ratio(annotated('period').length - wrongPeriods.length, annotated('period').length),
    metricKeyAccuracy: ratio(annotated('metricKey').length - wrongKeys.length, annotated('metricKey').length),
    keyPairs: keyPairs(matches),
    matches,
    misses: required.filter((g) => !usedGold.has(g)),
    falsePositives,
    wrongValues,
    wrongMetrics,
    wrongSubjects,
    wrongPeriods,
    wrongKeys,
  };
}

/** True when the two differ once dash variants (1-11月, 1—11月) are made one. */
function differs(gold: string, extracted: string): boolean {
  const norm = (s: string): string => s.replace(/[-–~～至]/g, '—').trim();
  return norm(gold) !== norm(extracted);
}

/** Every statistic of a file, in section order. */
export function statisticsOf(file: CorpusFile): Statistic[] {
  return [...sectionsOf(file)].flatMap(({ section }) => section.statistics);
}

/**
 * The sample text (the test workspace's copy of ../shared/corpus/seed) and the copy of its gold
 * file kept with the fixtures, which adds subject, period and metric keys to the shared one.
 */
export function sampleSeed(root: string): { name: string; text: string; gold: string } {
  return { name: 'sample', text: path.join(root, 'test/fixtures/workspace/corpus/000_fadfd726848b77a0.txt'), gold: path.join(root, 'test/fixtures/stats/stats.gold.jsonl') };
}

/**
 * Hand-annotated texts written for the tests (test/fixtures/stats/NAME.txt or NAME.md with
 * NAME.gold.jsonl): the rules are scored on them as on the sample, since they never saw them.
 */
export function fixtureGolds(root: string): Array<{ name: string; text: string; gold: string }> {
  const dir = path.join(root, 'test/fixtures/stats');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.gold.jsonl')).sort()
    .map((f) => {
      const name = f.slice(0, -'.gold.jsonl'.length);
      const text = ['.txt', '.md'].map((ext) => path.join(dir, name + ext)).find((p) => fs.existsSync(p));
      return { name, text: text ?? '', gold: path.join(dir, f) };
    })
    .filter((c) => c.text !== '' && c.name !== 'stats');
}

/** A corpus file read as the extension reads it, with the metadata of the sidecar in its folder. */
export function loadFixture(textPath: string): CorpusFile {
  const sidecarPath = path.join(path.dirname(textPath), SIDECAR_NAME);
  const metadata = fs.existsSync(sidecarPath) ? sidecarMetadata(parseSidecar(fs.readFileSync(sidecarPath, 'utf8'), sidecarPath).sidecar, textPath) : undefined;
  return loadCorpusFile(fs.readFileSync(textPath), textPath, metadata);
}

/** Every scored text: the sample first, then the fixtures. */
export function evaluationSets(root: string): Array<{ name: string; text: string; gold: string }> {
  return [sampleSeed(root), ...fixtureGolds(root)];
}

/** The repository root: the nearest folder up from `from` holding package.json (bundled or not). */
export function repoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
