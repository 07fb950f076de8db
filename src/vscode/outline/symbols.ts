import * as vscode from 'vscode';
import type { SourceRange } from '../../core/model';
import type { Services } from '../services';
import { statisticLabel } from '../../core/stats/label';
import { TEXT_SCHEME, corpusPathOf } from '../textView/uri';

/** VS Code's own Outline view and breadcrumbs show the same structure as the sidebar. */
export function registerSymbols(context: vscode.ExtensionContext, services: Services): void {
  const provider: vscode.DocumentSymbolProvider = {
    async provideDocumentSymbols(document) {
      await services.corpus.ready;
      const path = corpusPathOf(document.uri);
      const file = path && services.corpus.file(path);
      if (!file) return [];
      const range = (r: SourceRange): vscode.Range => new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
      const symbol = (name: string, detail: string, kind: vscode.SymbolKind, full: SourceRange, selection: SourceRange): vscode.DocumentSymbol =>
        new vscode.DocumentSymbol(name || '…', detail, kind, range(full), range(selection));
      return file.articles.map((article) => {
        const a = symbol(article.title, article.subtitle ?? '', vscode.SymbolKind.Module, article.range, article.titleRange);
        a.children = article.reports.map((report) => {
          const r = symbol(report.title, report.author ?? '', vscode.SymbolKind.Class, report.range, report.titleRange);
          const statistics = (stats: typeof report.intro.statistics): vscode.DocumentSymbol[] =>
            stats.map((s) => symbol(statisticLabel(s), s.subject ?? '', vscode.SymbolKind.Number, s.range, s.range));
          r.children = [
            ...statistics(report.intro.statistics),
            ...report.sections.map((section) => {
              const s = symbol(section.title, '', vscode.SymbolKind.Namespace, section.range, section.titleRanges[0] ?? section.range);
              s.children = statistics(section.statistics);
              return s;
            }),
          ];
          return r;
        });
        return a;
      });
    },
  };
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'plaintext' },
        { scheme: TEXT_SCHEME },
      ],
      provider,
      { label: 'StatCite' },
    ),
  );
}
