import * as vscode from 'vscode';

export type Counted = 'file' | 'article' | 'report' | 'section' | 'statistic';

/**
 * "1 article" / "3 articles": singular and plural are separate messages, so that every language
 * words each its own way (Chinese: 1 篇文章, 3 篇文章, with the measure word the noun takes).
 */
export function countText(what: Counted, n: number): string {
  const t = vscode.l10n.t;
  const k = n.toLocaleString(vscode.env.language);
  const one = n === 1;
  switch (what) {
    case 'file':
      return one ? t('{0} file', k) : t('{0} files', k);
    case 'article':
      return one ? t('{0} article', k) : t('{0} articles', k);
    case 'report':
      return one ? t('{0} report', k) : t('{0} reports', k);
    case 'section':
      return one ? t('{0} section', k) : t('{0} sections', k);
    case 'statistic':
      return one ? t('{0} statistic', k) : t('{0} statistics', k);
  }
}

/** "3 sections · 12 statistics", leaving out what there is none of. */
export function countsText(...parts: Array<[Counted, number]>): string | undefined {
  return (
    parts
      .filter(([, n]) => n > 0)
      .map(([what, n]) => countText(what, n))
      .join(' · ') || undefined
  );
}
