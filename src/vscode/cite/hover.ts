import * as vscode from 'vscode';
import { citationAt, resolveCitations } from '../../core/cite/citations';
import { parseDraft } from '../../core/cite/draft/parse';
import { referenceFor } from '../../core/cite/reference';
import type { CiteContext } from './context';
import { COPY_COMMAND, DRAFT_LANGUAGES, OPEN_SOURCE_COMMAND } from './settings';

function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/**
 * The card over a citation marker or a cited figure in a draft. Corpus text goes in through
 * appendText, which escapes Markdown, so it can never become a link or a command; only our own
 * two commands are trusted.
 */
export function registerHover(ctx: CiteContext): vscode.Disposable {
  const t = vscode.l10n.t;
  return vscode.languages.registerHoverProvider(
    DRAFT_LANGUAGES.map((language) => ({ language })),
    {
      async provideHover(document, position) {
        const text = document.getText();
        if (!text.includes('statcite') || !ctx.isDraft(document)) return undefined;
        const lookup = ctx.lookup();
        const citation = citationAt(resolveCitations(parseDraft(text, ctx.format(document)), lookup), document.offsetAt(position));
        if (!citation?.key) return undefined;
        const location = citation.statistic ? lookup.statistic(citation.statistic.id) : undefined;
        const report = location ?? lookup.report(citation.key);
        const card = new vscode.MarkdownString(undefined, false);
        card.isTrusted = { enabledCommands: [OPEN_SOURCE_COMMAND, COPY_COMMAND] };
        card.supportHtml = false;
        if (!report) {
          card.appendText(t('The source of this citation ({0}) is no longer in the corpus.', citation.key));
          return new vscode.Hover(card);
        }
        if (location) {
          const { sentence } = location.statistic;
          const at = sentence.indexOf(location.statistic.text);
          if (at >= 0) {
            card.appendText(sentence.slice(0, at));
            card.appendMarkdown('**');
            card.appendText(location.statistic.text);
            card.appendMarkdown('**');
            card.appendText(sentence.slice(at + location.statistic.text.length));
          } else card.appendText(sentence);
          card.appendMarkdown('\n\n');
        }
        card.appendText([report.report.title, location?.section.title].filter(Boolean).join(' › '));
        card.appendMarkdown('\n\n');
        const reference = referenceFor(report);
        card.appendText(`${reference.publication ?? t('[publication unknown]')} · ${reference.date ?? t('[date unknown]')}`);
        card.appendMarkdown('\n\n');
        card.appendText((await ctx.style(document)).entry(reference, 'plain').text);
        if (location) {
          const id = location.statistic.id;
          card.appendMarkdown(`\n\n${commandLink(t('Open Source'), OPEN_SOURCE_COMMAND, [id])} · ${commandLink(t('Copy Reference'), COPY_COMMAND, [id])}`);
        }
        const range = citation.figure && citation.figure.start <= document.offsetAt(position) && document.offsetAt(position) <= citation.figure.end ? citation.figure : citation.marker;
        return new vscode.Hover(card, new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)));
      },
    },
  );
}
