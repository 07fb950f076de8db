import * as vscode from 'vscode';
import { createServices, type Services } from './vscode/services';
import * as corpus from './vscode/corpus/commands';
import * as outline from './vscode/outline';
import * as search from './vscode/search';
import * as cite from './vscode/cite';
import * as statistics from './vscode/statistics';
import * as statisticsView from './vscode/statisticsView';
import * as textView from './vscode/textView';
import * as trace from './vscode/trace';

interface Feature {
  register(context: vscode.ExtensionContext, services: Services): void;
}

/** Features in the order they register; each adds one line here. */
const features: Feature[] = [
  corpus,
  outline,
  search,
  cite,
  statistics,
  statisticsView,
  textView,
  trace,
];

/** What activate returns: the services, for integration tests and other extensions. */
export interface StatCiteApi {
  services: Services;
  /** How long activate() took, in milliseconds. */
  activationMs: number;
}

/** Builds the services and registers each feature; nothing heavy happens here. */
export function activate(context: vscode.ExtensionContext): StatCiteApi {
  const started = performance.now();
  const services = createServices(context);
  for (const feature of features) feature.register(context, services);
  const activationMs = performance.now() - started;
  services.log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { services, activationMs };
}

export function deactivate(): void {}
