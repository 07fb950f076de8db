import * as vscode from 'vscode';
import { createServices } from './vscode/services';

/** Builds the services and registers each feature; nothing heavy happens here. */
export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  for (const feature of [] as Array<{ register(context: vscode.ExtensionContext, services: ReturnType<typeof createServices>): void }>) {
    feature.register(context, services);
  }
}

export function deactivate(): void {}
