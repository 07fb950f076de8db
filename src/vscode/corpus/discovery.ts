import * as vscode from 'vscode';
import { CORPUS_GLOB } from '../../core/corpus/read';
import { findFiles, isCorpusFile, nodeFolderHost, type CorpusRoot } from '../../core/corpus/find';
import { compileGlobs, type Glob } from '../../core/glob';
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

/** Where the corpus is: the include globs in each workspace folder plus the extra folders, less the excluded. */
function corpusScope(context: vscode.ExtensionContext): { roots: CorpusRoot[]; exclude: Glob } {
  const config = vscode.workspace.getConfiguration(SECTION);
  // File names compare without case where the file system does.
  const options = { ignoreCase: process.platform === 'win32' || process.platform === 'darwin' };
  const include = compileGlobs(config.get<string[]>(INCLUDE, []), options);
  const roots: CorpusRoot[] = [
    ...(vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ folder: f.uri.fsPath, include })),
    ...extraFolders(context).map((f) => ({ folder: f.fsPath })),
  ];
  return { roots, exclude: compileGlobs(config.get<string[]>(EXCLUDE, []), options) };
}

/** Every corpus file, found by walking the disk (VS Code's file search can be minutes behind on a busy machine). */
export async function findCorpusFiles(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  onFound?: (count: number) => void,
): Promise<string[]> {
  const { roots, exclude } = corpusScope(context);
  return findFiles(roots, nodeFolderHost, {
    exclude,
    onFound,
    onProblem: (folder, reason) => log.warn(`corpus folder ${folder} cannot be read: ${reason}`),
  });
}

/**
 * Watchers for everything findCorpusFiles reads, calling back with changed corpus files (a
 * watcher also sees the excluded ones its globs match: a draft saved under an excluded folder is
 * not read).
 */
export function watchCorpus(
  context: vscode.ExtensionContext,
  onChange: (uri: vscode.Uri) => void,
  onSidecar: (uri: vscode.Uri) => void,
): vscode.Disposable {
  const { roots, exclude } = corpusScope(context);
  const changed = (uri: vscode.Uri): void => {
    if (isCorpusFile(roots, exclude, uri.fsPath)) onChange(uri);
  };
  const include = vscode.workspace.getConfiguration(SECTION).get<string[]>(INCLUDE, []);
  const patterns: vscode.GlobPattern[] = [
    ...include,
    ...extraFolders(context).map((f) => new vscode.RelativePattern(f, CORPUS_GLOB)),
  ];
  const watchers = patterns.map((p) => vscode.workspace.createFileSystemWatcher(p));
  const sidecars = vscode.workspace.createFileSystemWatcher('**/statcite.meta.json');
  const subscriptions: vscode.Disposable[] = [...watchers, sidecars];
  for (const w of watchers) {
    subscriptions.push(w.onDidCreate(changed), w.onDidChange(changed), w.onDidDelete(changed));
  }
  subscriptions.push(sidecars.onDidCreate(onSidecar), sidecars.onDidChange(onSidecar), sidecars.onDidDelete(onSidecar));
  return vscode.Disposable.from(...subscriptions);
}
