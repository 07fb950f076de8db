/**
 * The outline's own filter: the files, articles and reports whose text holds every word typed —
 * file name, folders, date, publication, titles, issuing bodies — with what is around them.
 */
import type { Article, CorpusFile } from '../model';
import { fileDate } from './dates';
import { splitFolders } from './group';

/** Full-width and half-width forms and case do not matter. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A file's folded texts: its own (name, publication, date), each article's and each report's. */
interface Texts {
  own: string;
  articles: Array<{ text: string; reports: string[] }>;
  /** All of them, for a quick no. */
  all: string;
}

/**
 * By file: the filter runs on every keystroke and every change of a corpus of tens of thousands of
 * files, whose texts do not change between runs (a re-read file is a new object).
 */
const known = new WeakMap<CorpusFile, Texts>();

function textsOf(file: CorpusFile): Texts {
  let texts = known.get(file);
  if (!texts) {
    const date = fileDate(file);
    const own = fold([file.path.split(/[\\/]/).pop(), file.metadata.publication, date && isoText(date)].join(' '));
    const articles = file.articles.map((a) => ({
      text: fold(`${a.title} ${a.subtitle ?? ''}`),
      reports: a.reports.map((r) => fold(`${r.title} ${r.author ?? ''}`)),
    }));
    // Words hold no line break: none is found across two texts.
    const all = [own, ...articles.flatMap((a) => [a.text, ...a.reports])].join('\n');
    known.set(file, (texts = { own, articles, all }));
  }
  return texts;
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
  const { folders, shared } = splitFolders(files);
  const folderTexts = new Map<string, string>();
  const out: CorpusFile[] = [];
  files.forEach((file, i) => {
    const folder = folders[i].slice(shared).join('/');
    let folderText = folderTexts.get(folder);
    if (folderText === undefined) folderTexts.set(folder, (folderText = fold(folder)));
    const texts = textsOf(file);
    const wanted = words.filter((w) => !folderText.includes(w));
    if (wanted.some((w) => !texts.all.includes(w))) return;
    // Words the file itself holds need not be found again below it.
    const left = wanted.filter((w) => !texts.own.includes(w));
    if (!left.length) {
      out.push(file);
      return;
    }
    const articles = file.articles.flatMap((article, a) => matchArticle(article, texts.articles[a], left));
    if (articles.length) out.push({ ...file, articles });
  });
  return out;
}

function matchArticle(article: Article, texts: Texts['articles'][number], words: string[]): Article[] {
  const left = words.filter((w) => !texts.text.includes(w));
  if (!left.length) return [article];
  const reports = article.reports.filter((_, r) => left.every((w) => texts.reports[r].includes(w)));
  return reports.length ? [{ ...article, reports }] : [];
}

function isoText(date: { year: number; month?: number; day?: number }): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return [String(date.year), date.month && pad(date.month), date.day && pad(date.day)].filter(Boolean).join('-');
}
