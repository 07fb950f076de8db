import type * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommands } from './commands';
import { CiteContext } from './context';
import { CiteDiagnostics } from './diagnostics';
import { registerExports } from './exports';
import { registerHover } from './hover';

/** Citations: insert, update, copy, export, hover and verify in drafts. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const ctx = new CiteContext(services);
  context.subscriptions.push(ctx, ...registerCommands(ctx), ...registerExports(ctx), registerHover(ctx), new CiteDiagnostics(ctx));
}
