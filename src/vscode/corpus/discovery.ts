import * as vscode from 'vscode';
import { CORPUS_FILE, CORPUS_GLOB } from '../../core/corpus/read';
import { EXCLUDE, FOLDERS, INCLUDE, SAMPLE_STATE, SECTION } from './settings';

/** Folders read in full besides the include globs: the user's chosen folders and the sample. */
function extraFolders(context: vscode.ExtensionContext): vscode.Uri[] {
  const chosen = vscode.workspace.getConfiguration(SECTION).get<string[]>(FOLDERS, []);
  const folders = chosen.map((p) => vscode.Uri.file(p));
  if (context.workspaceState.get<boolean>(SAMPLE_STATE)) folders.push(sampleFolder(context));
  return folders;
}

export function sampleFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'sample', 'corpus');
}

function excludeGlob(): string | undefined {
  const exclude = vscode.workspace.getConfiguration(SECTION).get<string[]>(EXCLUDE, []);
  return exclude.length ? `{${exclude.join(',')}}` : undefined;
}

/** Every corpus file: the include globs in each workspace folder plus the extra folders. */
export async function findCorpusFiles(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<vscode.Uri[]> {
  const include = vscode.workspace.getConfiguration(SECTION).get<string[]>(INCLUDE, []);
  const found = new Map<string, vscode.Uri>();
  const add = (uri: vscode.Uri): void => {
    if (uri.scheme === 'file') found.set(uri.fsPath, uri);
  };
  const exclude = excludeGlob();
  for (const glob of include) (await vscode.workspace.findFiles(glob, exclude)).forEach(add);
  for (const folder of extraFolders(context)) {
    try {
      (await listFolder(folder)).forEach(add);
    } catch (err) {
      log.warn(`corpus folder ${folder.fsPath} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return [...found.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

async function listFolder(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) {
      if (name !== 'node_modules' && !name.startsWith('.')) out.push(...(await listFolder(uri)));
    } else if (CORPUS_FILE.test(name)) out.push(uri);
  }
  return out;
}

/** Watchers for everything findCorpusFiles reads, calling back with changed paths. */
export function watchCorpus(
  context: vscode.ExtensionContext,
  onChange: (uri: vscode.Uri) => void,
  onSidecar: (uri: vscode.Uri) => void,
): vscode.Disposable {
  const include = vscode.workspace.getConfiguration(SECTION).get<string[]>(INCLUDE, []);
  const patterns: vscode.GlobPattern[] = [
    ...include,
    ...extraFolders(context).map((f) => new vscode.RelativePattern(f, CORPUS_GLOB)),
  ];
  const watchers = patterns.map((p) => vscode.workspace.createFileSystemWatcher(p));
  const sidecars = vscode.workspace.createFileSystemWatcher('**/statcite.meta.json');
  const subscriptions: vscode.Disposable[] = [...watchers, sidecars];
  for (const w of watchers) {
    subscriptions.push(w.onDidCreate(onChange), w.onDidChange(onChange), w.onDidDelete(onChange));
  }
  subscriptions.push(sidecars.onDidCreate(onSidecar), sidecars.onDidChange(onSidecar), sidecars.onDidDelete(onSidecar));
  return vscode.Disposable.from(...subscriptions);
}
