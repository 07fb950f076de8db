import * as vscode from 'vscode';
import { CiteContext } from '../cite/context';
import type { Services } from '../services';
import { TraceDiagnostics } from './diagnostics';
import { TRACED_COMMAND } from './settings';
import { TraceStatus } from './status';

/** Figures typed in drafts, traced to the corpus: diagnostics, quick fixes and a status-bar summary. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const ctx = new CiteContext(services);
  const diagnostics = new TraceDiagnostics(ctx);
  context.subscriptions.push(
    ctx,
    diagnostics,
    new TraceStatus(diagnostics),
    vscode.commands.registerCommand(TRACED_COMMAND, (uri: string) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      return document && diagnostics.current(document)?.figures;
    }),
  );
}
