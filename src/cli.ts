/**
 * statcite: the core on the command line. Each command lives in src/cli/<name>.ts and exports
 * run(args) returning the process exit code, and reads its corpus with loadCorpus() from
 * src/cli/corpus.ts (the same engine and metadata as the extension).
 */
interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  check: () => import('./cli/check'),
  cite: () => import('./cli/cite'),
  compare: () => import('./cli/compare'),
  outline: () => import('./cli/outline'),
  search: () => import('./cli/search'),
  stats: () => import('./cli/stats'),
  update: () => import('./cli/update'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  // Own keys only: `statcite constructor` is an unknown command, not Object's constructor.
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(commands).map(async ([n, l]) => `  statcite ${n.padEnd(8)} ${(await l()).summary}`),
    );
    (name && name !== '--help' ? console.error : console.log)(
      `${name && name !== '--help' ? `statcite: unknown command '${name}'\n` : ''}usage:\n${lines.join('\n')}`,
    );
    return name && name !== '--help' ? 2 : 0;
  }
  return (await load()).run(args);
}

// A reader that leaves early (`| head`) is not a failure; any other write error (a full disk) is.
let writeError: Error | undefined;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') writeError ??= err;
  });
}

/** Resolves once everything written to the stream has reached the OS (or the stream has closed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', resolve);
    stream.write('', () => resolve());
  });
}

/**
 * Every command ends here. process.exit() at once would drop what a pipe has not taken yet (output
 * cut at 64 KB), so the exit waits until stdout and stderr are drained.
 */
async function exit(code: number): Promise<never> {
  // Errors of writes already made (a full disk) are emitted on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (writeError) {
    process.stderr.write(`statcite: cannot write the output: ${writeError.message}\n`);
    await flushed(process.stderr);
  }
  process.exit(writeError && code === 0 ? 1 : code);
}

main(process.argv.slice(2)).then(exit, (err: unknown) => {
  console.error(`statcite: ${err instanceof Error ? err.message : String(err)}`);
  return exit(1);
});
