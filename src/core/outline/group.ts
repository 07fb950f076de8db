/**
 * The outline's top levels for a large corpus: files grouped by folder and by date (year › month),
 * so that thousands of files stay navigable. A handful of files stays a flat list; a level that
 * would hold a single group is left out.
 */
import type { CorpusFile } from '../model';
import { fileDate, type FileDate } from './dates';

/** How to group the outline's files (the setting statcite.outline.groupBy). */
export type GroupBy = 'auto' | 'folder' | 'date' | 'none';

/** 'auto' splits a list of more files than this (about what a sidebar shows without scrolling). */
export const FLAT_LIMIT = 20;

export interface FileEntry {
  kind: 'file';
  file: CorpusFile;
}

export interface GroupEntry {
  kind: 'folder' | 'year' | 'month' | 'undated';
  /** Unique in the tree and the same on every refresh (expansion state hangs on it). */
  key: string;
  /** A folder's name, or the names of folders that hold nothing but each other ("2022/news"). */
  name?: string;
  /** A folder's path, `/`-separated. */
  path?: string;
  year?: number;
  month?: number;
  /** Every file under the group, for its counts. */
  files: CorpusFile[];
  children: OutlineEntry[];
}

export type OutlineEntry = FileEntry | GroupEntry;

const collator = new Intl.Collator('en', { numeric: true });

/**
 * A key that sorts paths as people count (note-2 before note-10), case aside, with a plain string
 * comparison: a collator is ten times slower, too slow for tens of thousands of files on every change.
 */
const sortKeys = new WeakMap<CorpusFile, string>();
function sortKey(file: CorpusFile): string {
  let key = sortKeys.get(file);
  if (key === undefined) sortKeys.set(file, (key = file.path.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'))));
  return key;
}

function byPath(files: readonly CorpusFile[]): CorpusFile[] {
  return files
    .map((file) => ({ file, key: sortKey(file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((k) => k.file);
}

/** The top of the outline for these files. */
export function groupFiles(files: readonly CorpusFile[], by: GroupBy): OutlineEntry[] {
  const sorted = byPath(files);
  if (by === 'none' || (by === 'auto' && sorted.length <= FLAT_LIMIT)) return sorted.map(fileEntry);
  if (by === 'date') return dateEntries(sorted, 'date', true);
  return folderEntries(folderTree(sorted), by === 'auto');
}

function fileEntry(file: CorpusFile): FileEntry {
  return { kind: 'file', file };
}

// ---- Folders ----------------------------------------------------------------------------------

interface Folder {
  /** The folder's absolute path: its key. */
  path: string;
  folders: Map<string, Folder>;
  files: CorpusFile[];
}

/** A file's folders as segments, split once: the outline regroups ten thousand files on every change. */
const folderSegments = new WeakMap<CorpusFile, string[]>();
function foldersOf(file: CorpusFile): string[] {
  let segments = folderSegments.get(file);
  if (!segments) folderSegments.set(file, (segments = file.path.split(/[\\/]/).slice(0, -1)));
  return segments;
}

/** Each file's folders as segments, and how many leading ones all of them share. */
export function splitFolders(files: readonly CorpusFile[]): { folders: string[][]; shared: number } {
  const folders = files.map(foldersOf);
  let shared = folders[0]?.length ?? 0;
  for (const d of folders) {
    let i = 0;
    while (i < shared && i < d.length && d[i] === folders[0][i]) i++;
    shared = i;
  }
  return { folders, shared };
}

/** The folders of the files below the deepest folder they all share. */
function folderTree(files: CorpusFile[]): Folder {
  const { folders: dirs, shared } = splitFolders(files);
  const join = (segments: string[]): string => segments.join('/');
  const root: Folder = { path: join(dirs[0]?.slice(0, shared) ?? []), folders: new Map(), files: [] };
  files.forEach((file, i) => {
    let folder = root;
    for (let depth = shared; depth < dirs[i].length; depth++) {
      const name = dirs[i][depth];
      let next = folder.folders.get(name);
      if (!next) folder.folders.set(name, (next = { path: join(dirs[i].slice(0, depth + 1)), folders: new Map(), files: [] }));
      folder = next;
    }
    folder.files.push(file);
  });
  return root;
}

function folderEntries(folder: Folder, auto: boolean): OutlineEntry[] {
  const groups = [...folder.folders.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([name, sub]): GroupEntry => {
      // Folders holding only one folder read as one row: "2022/news".
      while (!sub.files.length && sub.folders.size === 1) {
        const [[inner, only]] = sub.folders;
        name = `${name}/${inner}`;
        sub = only;
      }
      const children = folderEntries(sub, auto);
      return { kind: 'folder', key: `folder:${sub.path}`, name, path: sub.path, files: filesOf(children), children };
    });
  const own = auto && folder.files.length > FLAT_LIMIT && mostlyDated(folder.files) ? dateEntries(folder.files, folder.path, false) : folder.files.map(fileEntry);
  return [...groups, ...own];
}

function filesOf(entries: OutlineEntry[]): CorpusFile[] {
  return entries.flatMap((e) => (e.kind === 'file' ? [e.file] : e.files));
}

// ---- Dates ------------------------------------------------------------------------------------

function mostlyDated(files: CorpusFile[]): boolean {
  return files.filter((f) => fileDate(f)).length * 2 >= files.length;
}

/**
 * Year › month, then the undated. `always`: both levels whatever the count (the user chose dates);
 * otherwise a year is split into months only when it holds more than FLAT_LIMIT files of several
 * months, and a lone year gives way to what it holds.
 */
function dateEntries(files: CorpusFile[], scope: string, always: boolean): OutlineEntry[] {
  // The files come sorted by path; a stable sort by date keeps that order within a day.
  const dated = files.map((file) => ({ file, date: fileDate(file) })).sort((a, b) => compareDates(a.date, b.date));
  const years = new Map<number, Array<{ file: CorpusFile; date: FileDate }>>();
  const undated: CorpusFile[] = [];
  for (const { file, date } of dated) {
    if (!date) undated.push(file);
    else push(years, date.year, { file, date });
  }
  if (!years.size) return files.map(fileEntry);
  const entries: OutlineEntry[] = [...years].map(([year, inYear]) => {
    const months = new Map<number, CorpusFile[]>();
    const loose: CorpusFile[] = [];
    for (const { file, date } of inYear) {
      if (date.month) push(months, date.month, file);
      else loose.push(file);
    }
    if (!always && (inYear.length <= FLAT_LIMIT || months.size + (loose.length ? 1 : 0) < 2)) {
      loose.splice(0, loose.length, ...inYear.map((d) => d.file));
      months.clear();
    }
    const children: OutlineEntry[] = [
      ...[...months].map(([month, inMonth]): GroupEntry => ({
        kind: 'month',
        key: `month:${scope}|${year}-${month}`,
        year,
        month,
        files: inMonth,
        children: inMonth.map(fileEntry),
      })),
      ...loose.map(fileEntry),
    ];
    return { kind: 'year', key: `year:${scope}|${year}`, year, files: inYear.map((d) => d.file), children };
  });
  // One year alone is no choice to make: its months (which name the year) stand at the top.
  const top = !always && entries.length === 1 && !undated.length ? (entries[0] as GroupEntry).children : entries;
  return undated.length ? [...top, { kind: 'undated', key: `undated:${scope}`, files: undated, children: undated.map(fileEntry) }] : top;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareDates(a: FileDate | undefined, b: FileDate | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}
