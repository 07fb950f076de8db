import CSL from 'citeproc';
import { toCsl, type CslItem } from '../csl';
import type { Reference } from '../reference';
import { lineColumn } from '../../position';
import { finishMarkup, markupFor } from './fields';
import { gbt7714Numeric } from './gbt7714';
import { localeXml } from './locales';
import type { CitationStyle, Formatted, Markup } from './types';

/**
 * A citation style from a CSL file, formatted by citeproc-js; every call registers the items it
 * formats. What a reference lacks is judged by the
 * elements GB/T 7714 requires of its kind (a CSL file does not say what it needs).
 */

// Output formats that escape and italicise as the built-in styles do; the numeric label of an
// entry ("[1] ") is dropped because the draft writes its own.
const FORMATS: Record<Markup, string> = { plain: 'statcite-plain', markdown: 'statcite-markdown', latex: 'statcite-latex' };
for (const markup of Object.keys(FORMATS) as Markup[]) {
  const { esc, it } = markupFor(markup);
  CSL.Output.Formats[FORMATS[markup]] = {
    ...CSL.Output.Formats.text,
    text_escape: (text: string | undefined) => esc(text ?? ''),
    '@font-style/italic': (_state: unknown, str: string) => it(str),
    '@display/left-margin': () => '',
    '@bibliography/entry': (_state: unknown, str: string) => str,
  };
}

/** The first tag that breaks the nesting of the XML, by line; citeproc's own message would not say. */
function nestingError(xml: string): string | undefined {
  const open: Array<{ name: string; at: number }> = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([\w:.-]+)(?:\s[^<>]*?)?(\/?)>|<[^>]*(?:>|$)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[0].startsWith('<!--') || m[0].startsWith('<?') || m[0].startsWith('<!')) continue;
    if (!m[2]) return `line ${lineColumn(xml, m.index).line}: malformed tag ${m[0].slice(0, 40)}`;
    if (m[3]) continue;
    if (!m[1]) open.push({ name: m[2], at: m.index });
    else {
      const last = open.pop();
      if (last?.name !== m[2]) {
        return last
          ? `line ${lineColumn(xml, m.index).line}: </${m[2]}> closes <${last.name}> opened on line ${lineColumn(xml, last.at).line}`
          : `line ${lineColumn(xml, m.index).line}: </${m[2]}> closes nothing`;
      }
    }
  }
  const last = open.pop();
  return last && `line ${lineColumn(xml, last.at).line}: <${last.name}> is never closed`;
}

/** The facts a style file states about itself, read before any engine is made. */
function describe(xml: string): { error: string } | { title: string; numeric: boolean; chinese: boolean } {
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) return { error: 'not a CSL style (no <style> element in the CSL namespace)' };
  if (!/<bibliography\b/.test(xml)) return { error: 'the style has no <bibliography>, so it cannot write reference lists' };
  if (!/<citation\b/.test(xml)) return { error: 'the style has no <citation>' };
  if (!/<\/style>\s*$/.test(xml)) return { error: 'the file ends before </style> (truncated?)' };
  const nesting = nestingError(xml);
  if (nesting) return { error: `not well-formed XML: ${nesting}` };
  const title = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml)?.[1]?.trim() ?? 'CSL';
  const numeric = /<category\s+citation-format="(?:numeric|label)"/.test(xml);
  const chinese = /default-locale="zh/.test(xml);
  return { title, numeric, chinese };
}

/**
 * A CitationStyle from the text of a CSL file (`id` names it in messages). A file that is not a
 * usable style gives an error saying why; nothing is thrown.
 */
export function cslStyle(xml: string, id: string): CitationStyle | { error: string } {
  const facts = describe(xml);
  if ('error' in facts) return facts;
  const { title, numeric, chinese } = facts;
  const items = new Map<string, CslItem>();
  const sys = { retrieveLocale: localeXml, retrieveItem: (key: string) => items.get(key) };
  // One engine (made on first use: parsing a large style takes a while); the markup is its output mode.
  let made: InstanceType<typeof CSL.Engine> | undefined;
  const engine = (markup: Markup, refs: Reference[]) => {
    made ??= new CSL.Engine(sys, xml);
    made.setOutputFormat(FORMATS[markup]);
    // The registry keeps items by id: empty it so a work whose metadata changed is read again.
    made.updateItems([]);
    for (const ref of refs) items.set(ref.key, toCsl(ref));
    made.updateItems(refs.map((r) => r.key));
    return made;
  };

  function entries(refs: Reference[], markup: Markup): Formatted[] {
    const list = engine(markup, refs).makeBibliography();
    const texts = new Map<string, string>();
    if (list) list[0].entry_ids.forEach(([key], i) => texts.set(key, list[1][i]));
    return refs.map((ref, i) => {
      let text = (texts.get(ref.key) ?? '').replace(/\s+/g, ' ').trim();
      // A numeric style without second-field-align writes its label inline: the draft has its own.
      if (numeric) text = text.replace(new RegExp(`^[[(]?${i + 1}[\\].)]?\\s*`), '');
      return { text: finishMarkup(text, markup), missing: gbt7714Numeric.missing(ref) };
    });
  }

  const style: CitationStyle = {
    id,
    name: title,
    system: numeric ? 'numeric' : 'author-year',
    heading: chinese ? '参考文献' : 'References',
    entry: (ref, markup) => entries([ref], markup)[0],
    entries,
    missing: (ref) => gbt7714Numeric.missing(ref),
    inText(ref) {
      return engine('plain', [ref]).makeCitationCluster([{ id: ref.key }]);
    },
  };
  // A style that citeproc cannot run fails here, once, rather than at every citation.
  try {
    const probe = style.entry({ key: 'statcite-probe', type: 'N', online: false, authors: ['StatCite'], title: 'probe', date: '2025', language: 'zh' }, 'plain');
    if (!probe.text) return { error: 'the style writes an empty reference list entry' };
  } catch (err) {
    return { error: `citeproc cannot use the style: ${err instanceof Error ? err.message : String(err)}` };
  }
  return style;
}
