/** How escaped text reads back in each target: rendered Markdown, printed LaTeX. */
import katex from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { expect } from 'vitest';

/** VS Code's preview (markdown-it with HTML, linkify and KaTeX math), with footnotes as Pandoc has them. */
export const md = new MarkdownIt({ html: true, linkify: true }).use(footnote).use(katex);

/** The visible text of rendered inline Markdown; fails on anything but a paragraph and web links. */
export function renderedText(markdown: string): string {
  const html = md.renderInline(markdown);
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    expect(tag, `${markdown} rendered ${html}`).toMatch(/^<a href="(?:https?|ftp|mailto):[^"]*">$|^<\/a>$/);
  }
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const LATEX_OUT: Array<[string, string]> = [
  ['\\textbackslash{}', '\\'],
  ['\\textbraceleft{}', '{'],
  ['\\textbraceright{}', '}'],
  ['\\textasciicircum{}', '^'],
  ['\\textasciitilde{}', '~'],
  ['{[}', '['],
  ['{]}', ']'],
  ['\\%', '%'],
  ['\\$', '$'],
  ['\\&', '&'],
  ['\\#', '#'],
  ['\\_', '_'],
];

/** Reads escaped LaTeX back; fails on any character LaTeX would act on that is not one of the printing commands. */
export function latexPrinted(latex: string): string {
  let out = '';
  for (let i = 0; i < latex.length; ) {
    const known = LATEX_OUT.find(([escaped]) => latex.startsWith(escaped, i));
    if (known) {
      out += known[1];
      i += known[0].length;
      continue;
    }
    expect('\\{}%$&#_^~\n\r'.includes(latex[i]), `live ${JSON.stringify(latex[i])} at ${i} in ${latex}`).toBe(false);
    out += latex[i++];
  }
  return out;
}

