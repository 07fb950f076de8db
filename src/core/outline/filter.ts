/**
 * The outline's own filter: the files, articles and reports whose text holds every word typed —
 * file name, folders, date, publication, titles, issuing bodies — with what is around them.
 */
import type { Article, CorpusFile, Report } from '../model';
import { fileDate } from './dates';
import { splitFolders } from './group';

/** Full-width and half-width forms and case do not matter. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a query; none for a blank one (no filter). */
export function filterWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * The files that match, each with only its matching articles and reports (a file or article that
 * matches by itself keeps all it holds). Matching copies stand in for the files they filter.
 */
export function filterFiles(files: readonly CorpusFile[], query: string): CorpusFile[] {
  const words = filterWords(query);
  if (!words.length) return [...files];
  const { folders, shared } = splitFolders(files.map((f) => f.path));
  const out: CorpusFile[] = [];
  files.forEach((file, i) => {
    const date = fileDate(file);
    const own = [folders[i].slice(shared).join('/'), file.path.split(/[\\/]/).pop(), file.metadata.publication, date && isoText(date)];
    const fileText = fold(own.join(' '));
    // Words the file itself holds need not be found again below it.
    const left = words.filter((w) => !fileText.includes(w));
    if (!left.length) {
      out.push(file);
      return;
    }
    const articles = file.articles.flatMap((article) => matchArticle(article, left));
    if (articles.length) out.push({ ...file, articles });
  });
  return out;
}

function matchArticle(article: Article, words: string[]): Article[] {
  const text = fold(`${article.title} ${article.subtitle ?? ''}`);
  const left = words.filter((w) => !text.includes(w));
  if (!left.length) return [article];
  const reports = article.reports.filter((report) => matchReport(report, left));
  return reports.length ? [{ ...article, reports }] : [];
}

function matchReport(report: Report, words: string[]): boolean {
  const text = fold(`${report.title} ${report.author ?? ''}`);
  return words.every((w) => text.includes(w));
}

function isoText(date: { year: number; month?: number; day?: number }): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return [String(date.year), date.month && pad(date.month), date.day && pad(date.day)].filter(Boolean).join('-');
}
