import * as nodePath from 'node:path';
import * as vscode from 'vscode';

/** Setting keys of the corpus feature. */
export const SECTION = 'statcite.corpus';
export const INCLUDE = 'include';
export const EXCLUDE = 'exclude';
export const FOLDERS = 'folders';
/** workspaceState key: the bundled sample corpus is part of this workspace's corpus. */
export const SAMPLE_STATE = 'statcite.sampleCorpus';
/** Context key for the welcome view: 'loading' | 'empty' | 'ready'. */
export const STATE_CONTEXT = 'statcite.corpusState';

/** A file named by a setting (the jieba dictionary, the metric aliases); relative to the first workspace folder. */
export function settingPath(section: string, key: string): string | undefined {
  const setting = vscode.workspace.getConfiguration(section).get<string>(key, '').trim();
  if (!setting) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return folder ? nodePath.resolve(folder, setting) : setting;
}
