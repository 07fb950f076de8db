import type * as vscode from 'vscode';
import type { Services } from '../services';
import { BibliographySync } from './bibsync';
import { registerCommands } from './commands';
import { CiteContext } from './context';
import { CiteDiagnostics } from './diagnostics';
import { registerExports } from './exports';
import { registerFill } from './fill';
import { registerHover } from './hover';
import { registerRestyle } from './restyle';

/** Citations: insert, update, copy, export, hover, verify and fill in source details in drafts. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const ctx = new CiteContext(services);
  const bibSync = new BibliographySync(ctx);
  context.subscriptions.push(
    ctx,
    bibSync,
    ...registerCommands(ctx, bibSync),
    ...registerExports(ctx),
    registerHover(ctx),
    new CiteDiagnostics(ctx),
    registerFill(ctx),
    registerRestyle(ctx),
  );
}
