import * as vscode from 'vscode';
import { parseQuery, type RowAction } from '../../core/table/messages';
import type { TableQuery } from '../../core/table/query';
import type { Services } from '../services';
import { StatisticsPanel, type ViewState } from './panel';

export const OPEN_COMMAND = 'statcite.openStatistics';
/** The view's actions as commands: usable from the palette and keybindings, and by tests and other extensions. */
const ACTION_COMMANDS: Record<RowAction, string> = {
  cite: 'statcite.statistics.cite',
  copy: 'statcite.statistics.copy',
  exportCsv: 'statcite.statistics.exportCsv',
  exportXlsx: 'statcite.statistics.exportXlsx',
};
const FILTER_COMMAND = 'statcite.statistics.filter';
const SELECT_COMMAND = 'statcite.statistics.select';

/** An outline row the view was opened from: a report or a section limits it to that part. */
function scopeOf(arg: unknown): { query: TableQuery; label: string } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as { kind?: unknown; report?: { id: string; title: string }; section?: { id: string; title: string }; parent?: { report?: { id: string; title: string } } };
  if (node.kind === 'report' && node.report) return { query: { scope: { reportId: node.report.id } }, label: node.report.title };
  if (node.kind === 'section' && node.section && node.parent?.report) {
    return { query: { scope: { reportId: node.parent.report.id, sectionId: node.section.id } }, label: `${node.parent.report.title} › ${node.section.title}` };
  }
  return undefined;
}

/** The Statistics view: every statistic of the corpus as a table, compared in a chart, exported, cited. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  let current: StatisticsPanel | undefined;

  /** Opens (or shows) the view; from an outline row, filtered to it. Resolves with what it shows. */
  async function open(arg?: unknown): Promise<ViewState> {
    if (current) current.panel.reveal();
    else current = new StatisticsPanel(context, services, () => (current = undefined));
    const scope = scopeOf(arg);
    await current.ready;
    return current.query(scope?.query ?? {}, !!scope, scope?.label);
  }

  async function panel(): Promise<StatisticsPanel> {
    if (!current) await open();
    return current!;
  }

  /** A command's ids: its argument when given, else what the view has selected (or shows, to export). */
  async function act(action: RowAction, arg?: unknown, target?: unknown): Promise<unknown> {
    const view = await panel();
    const ids = Array.isArray(arg) && arg.every((id) => typeof id === 'string') ? arg : await view.idsFor(action);
    const uri = target instanceof vscode.Uri ? target : arg instanceof vscode.Uri ? arg : undefined;
    return view.run(action, ids, uri);
  }

  context.subscriptions.push(
    { dispose: () => current?.panel.dispose() },
    vscode.commands.registerCommand(OPEN_COMMAND, open),
    vscode.commands.registerCommand(FILTER_COMMAND, async (query?: unknown, reset = true) => (await panel()).query(parseQuery(query) ?? {}, reset !== false)),
    vscode.commands.registerCommand(SELECT_COMMAND, async (ids?: unknown) => (await panel()).select(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [])),
    ...Object.entries(ACTION_COMMANDS).map(([action, command]) => vscode.commands.registerCommand(command, (arg?: unknown, target?: unknown) => act(action as RowAction, arg, target))),
  );
}
