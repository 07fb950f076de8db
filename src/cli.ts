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
  cite: () => import('./cli/cite'),
  compare: () => import('./cli/compare'),
  outline: () => import('./cli/outline'),
  search: () => import('./cli/search'),
  stats: () => import('./cli/stats'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`statcite: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
