/**
 * Corpus text as literal LaTeX: every character LaTeX (or BibTeX reading a field) treats specially
 * is written as a command that prints it, so no text can open a group, a comment, math, an
 * alignment cell or run a command (\input{/etc/passwd} prints as written). Braces become
 * \textbraceleft / \textbraceright rather than \{ \}: BibTeX counts every brace, escaped or not,
 * so a lone \} would still close a field.
 */
import { oneLine } from '../../corpus/oneLine';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // After a command an opening bracket would start its optional argument.
  '[': '{[}',
  ']': '{]}',
};

/** Corpus text → LaTeX text (also a BibTeX field value). */
export function latexText(text: string): string {
  return oneLine(text).replace(/[\\{}%$&#_^~[\]]/g, (c) => SPECIAL[c]);
}

/** Inside \cite[locator]{key}: brackets, even in braces, would end the optional argument for the tools that read drafts. */
export function latexLocator(text: string): string {
  return latexText(text.replace(/\[/g, '［').replace(/\]/g, '］'));
}
