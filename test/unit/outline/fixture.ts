/** Small CorpusFile objects for the outline tests: a path, metadata, and titles of articles and reports. */
import type { Article, CorpusFile, Metadata, Report } from '../../../src/core/model';

const range = { start: 0, end: 0 };
const section = { id: 's', title: '', titleRanges: [], range, passages: [], statistics: [] };

export function report(title: string, author?: string): Report {
  return { id: `${title}#${author ?? ''}`, kind: 'report', title, titleRange: range, author, range, intro: section, sections: [] };
}

export function article(title: string, reports: Report[] = [], metadata: Metadata = {}): Article {
  return { id: title, title, titleRange: range, range, reports, metadata };
}

export function file(path: string, metadata: Metadata = {}, articles: Article[] = []): CorpusFile {
  return { path, encoding: 'utf-8', text: '', metadata, articles, problems: [] };
}

/** Files named by the days from `first` on: /news/20220101.md … */
export function daily(folder: string, first: string, days: number): CorpusFile[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(start + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    return file(`${folder}/${d}.md`);
  });
}
