/**
 * The built CLI as users run it: a child process writing to a pipe that is read slowly, to a pipe
 * that is closed early (`| head`) and to a file. Output larger than a pipe's buffer (64 KB on
 * Linux) must arrive whole; a reader that stops early is not a failure.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
// Built beside dist/ (same options as esbuild.mjs) so that node_modules resolves for nodejieba.
const cli = path.join(root, 'out/unit-cli/cli.js');
let corpus: string;

interface Run {
  /** The CLI's own exit code. */
  code: number;
  out: Buffer;
  err: string;
}

/**
 * Runs the CLI in a shell pipeline, stdout on a real pipe (not the socket Node's spawn would
 * give) into `reader`; the CLI's exit code and stderr are kept apart from the reader's.
 */
function pipeline(args: string[], reader: string): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'statcite-run-'));
  const [rc, err] = [path.join(dir, 'rc'), path.join(dir, 'err')];
  const script = `("$NODE" "$CLI" "$@" 2>"$ERR"; echo $? >"$RC") | ${reader}`;
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script, 'sh', ...args], { cwd: root, env: { ...process.env, NODE: process.execPath, CLI: cli, RC: rc, ERR: err }, stdio: ['ignore', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.on('error', reject);
    child.on('close', () => {
      resolve({ code: Number(readFileSync(rc, 'utf8')), out: Buffer.concat(out), err: readFileSync(err, 'utf8') });
      rmSync(dir, { recursive: true, force: true });
    });
  });
}

/** Reads one byte as soon as output starts, then nothing for half a second: the pipe fills and the CLI has to wait. */
const SLOW = '{ dd bs=1 count=1 2>/dev/null; sleep 0.5; cat; }';

/** Runs the CLI with stdout redirected to a file. */
function runToFile(args: string[]): Promise<{ code: number | null; out: Buffer }> {
  const file = path.join(corpus, '..', `out-${Math.random().toString(36).slice(2)}.txt`);
  const fd = openSync(file, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', fd, 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(fd);
      resolve({ code, out: readFileSync(file) });
    });
  });
}

beforeAll(async () => {
  await build({
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'nodejieba', 'mocha'],
    loader: { '.xml': 'text' },
    logLevel: 'silent',
  });
  // Sixteen copies of the sample page: every output format is well over a pipe's 64 KB buffer.
  const dir = mkdtempSync(path.join(tmpdir(), 'statcite-output-'));
  corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 16; i++) copyFileSync(path.join(root, 'sample/corpus/000_fadfd726848b77a0.txt'), path.join(corpus, `page-${i}.txt`));
  copyFileSync(path.join(root, 'sample/corpus/statcite.meta.json'), path.join(corpus, 'statcite.meta.json'));
});

afterAll(() => rmSync(path.dirname(corpus), { recursive: true, force: true }));

describe('CLI output', () => {
  const commands: Array<[string, () => string[]]> = [
    ['stats --json', () => ['stats', corpus, '--json']],
    ['stats --csv', () => ['stats', corpus, '--csv']],
    ['stats (table)', () => ['stats', corpus]],
    ['outline --json', () => ['outline', corpus, '--json']],
  ];

  it.each(commands)('%s: a slowly read pipe gets every byte a file gets, exit 0', async (_name, args) => {
    const toFile = await runToFile(args());
    expect(toFile.code).toBe(0);
    expect(toFile.out.length).toBeGreaterThan(128 * 1024);
    const piped = await pipeline(args(), SLOW);
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.out.length).toBe(toFile.out.length);
    expect(piped.out.equals(toFile.out)).toBe(true);
  });

  it('stats --json | wc -c counts the whole output, which is complete JSON', async () => {
    const toFile = await runToFile(['stats', corpus, '--json']);
    const counted = await pipeline(['stats', corpus, '--json'], 'wc -c');
    expect(Number(counted.out.toString().trim())).toBe(toFile.out.length);
    const rows = JSON.parse((await pipeline(['stats', corpus, '--json'], SLOW)).out.toString('utf8'));
    expect(rows.length).toBeGreaterThan(500);
    expect(new Set(rows.map((r: { file: string }) => r.file)).size).toBe(16);
  });

  it.each(commands)('%s | head -c 100: 100 bytes, exit 0, nothing on stderr', async (_name, args) => {
    const piped = await pipeline(args(), 'head -c 100');
    expect(piped.out.length).toBe(100);
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
  });

  it('failures still exit non-zero with their message, also when piped', async () => {
    const usage = await pipeline(['stats', '--bogus'], SLOW);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('unknown option --bogus');
    const missing = await pipeline(['stats', path.join(corpus, 'nope')], 'head -c 1');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file or folder');
  });

  it('a write that fails (a full disk) is a failure: exit 1 and the reason', async () => {
    const direct = await new Promise<{ code: number | null; err: string }>((resolve, reject) => {
      const child = spawn('sh', ['-c', '"$NODE" "$CLI" stats "$1" --json >/dev/full', 'sh', corpus], { env: { ...process.env, NODE: process.execPath, CLI: cli }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, err }));
    });
    expect(direct.code).toBe(1);
    expect(direct.err).toContain('cannot write the output: ENOSPC');
  });

  it('an unknown command, also one named like an Object property, is a usage error', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = await pipeline([name], 'cat');
      expect(r.code, name).toBe(2);
      expect(r.err, name).toContain(`unknown command '${name}'`);
      expect(r.err, name).not.toMatch(/\n\s+at /);
    }
  });
});
