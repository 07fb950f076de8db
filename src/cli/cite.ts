/**
 * statcite cite <statistic id> --corpus <path…> [--style <name>|<file.csl>] [--format markdown|latex|plain] [--json]
 * prints the text a draft would receive (the sentence and its marker) and the reference entry.
 */
import { toBibTeX } from '../core/cite/bibtex';
import { toCsl } from '../core/cite/csl';
import { SYNTAX, type DraftFormat } from '../core/cite/draft/syntax';
import { prepareStatistic } from '../core/cite/prepare';
import { corpusLookup } from '../core/cite/reference';
import { DEFAULT_TEMPLATE } from '../core/cite/sentence';
import { loadCorpus } from './corpus';
import { STYLE_OPTION, loadStyle } from './style';

export const summary = 'the citation of a statistic  (<statistic id> --corpus <path…> [--style <name>|<file.csl>] [--format markdown|latex|plain] [--json])';

const USAGE = `usage: statcite cite <statistic id> --corpus <file|folder…> [${STYLE_OPTION}] [--format markdown|latex|plain] [--template "{subject}{period}{metric}{change}{figure}"] [--json]`;
const FORMATS = ['markdown', 'latex', 'plain'];

interface Args {
  id?: string;
  corpus: string[];
  /** A built-in style id or the path of a .csl file. */
  style: string;
  format: DraftFormat;
  template: string;
  json: boolean;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { corpus: [], style: 'gbt7714-numeric', format: 'markdown', template: DEFAULT_TEMPLATE, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => (args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : undefined);
    if (a === '--json') out.json = true;
    else if (a === '--corpus') {
      while (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) out.corpus.push(args[++i]);
    } else if (a === '--style') {
      const v = value();
      if (!v) return `--style needs a built-in style name or a .csl file`;
      out.style = v;
    } else if (a === '--format') {
      const v = value();
      if (!v || !FORMATS.includes(v)) return `--format must be one of ${FORMATS.join(', ')}`;
      out.format = v as DraftFormat;
    } else if (a === '--template') {
      const v = value();
      if (!v) return '--template needs a template';
      out.template = v;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (out.id) return `unexpected argument ${a}`;
    else out.id = a;
  }
  if (!out.id) return 'a statistic id is needed (statcite stats <corpus> --json lists them)';
  if (!out.corpus.length) return '--corpus needs at least one file or folder';
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`statcite cite: ${args}\n${USAGE}`);
    return 2;
  }
  const style = await loadStyle(args.style, 'cite');
  if (typeof style === 'string') {
    console.error(`statcite cite: ${style}\n${USAGE}`);
    return 2;
  }
  const lookup = corpusLookup(await loadCorpus(args.corpus));
  const location = lookup.statistic(args.id!);
  if (!location) {
    console.error(`statcite cite: no statistic ${args.id} in ${args.corpus.join(', ')} (ids change when their section changes; list them with statcite stats --json)`);
    return 1;
  }
  const prepared = prepareStatistic(location, { style, format: args.format, template: args.template });
  const { request, reference, entry } = prepared;
  const syntax = SYNTAX[args.format];
  const text = request.text + syntax.marker({ number: 1, key: reference.key });
  // What goes into the reference list: the numbered line, or for LaTeX the .bib entry.
  const listed = args.format === 'latex' ? toBibTeX(reference) : syntax.line({ number: 1, key: reference.key, ids: [request.id], text: entry.text });
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          statistic: { id: location.statistic.id, text: location.statistic.text, ...(location.statistic.page === undefined ? {} : { page: location.statistic.page }), metric: location.statistic.metric, sentence: location.statistic.sentence },
          style: style.id,
          format: args.format,
          text,
          reference: listed,
          entry: entry.text,
          inText: prepared.inText,
          missing: entry.missing,
          csl: toCsl(reference),
        },
        null,
        2,
      ),
    );
  } else {
    console.log(text);
    console.log('');
    console.log(listed);
    if (entry.missing.length) console.error(`\nmissing: ${entry.missing.join(', ')} (add them to statcite.meta.json or the front matter)`);
  }
  return 0;
}
