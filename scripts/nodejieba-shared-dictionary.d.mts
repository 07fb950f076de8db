export function sharedDictionarySource(source: string, file?: string): string;
export function installedNodejieba(): { dir: string; source: string; addon: string; record: string };
export function patchProblem(installed?: ReturnType<typeof installedNodejieba>): string | undefined;
