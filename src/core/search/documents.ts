/**
 * The documents of the search index: every passage and statistic of a file, located in the corpus
 * model, their numbers and the fields the index (terms.ts) indexes of them.
 */
import type { Article, CorpusFile, Passage, Report, Section, SourceRange, Statistic } from '../model';

/** A document of the index, located in the corpus model. */
export interface Hit {
  kind: 'passage' | 'statistic';
  /** 'p:' + passage id or 's:' + statistic id, unique within its file. */
  key: string;
  file: CorpusFile;
  article: Article;
  report: Report;
  section: Section;
  passage?: Passage;
  statistic?: Statistic;
  /** Passages: whether this is the first passage of its article, report, section. */
  heads?: { article: boolean; report: boolean; section: boolean };
}

/** What the index indexes of a document. */
export interface Fields {
  id: number;
  title: string;
  section: string;
  text: string;
  metric: string;
  subject: string;
}

/**
 * A document's number: statistics odd, passages even, so that a search for statistics skips
 * passages before scoring them, without looking them up.
 */
export function documentNumber(n: number, kind: Hit['kind']): number {
  return 2 * n + (kind === 'statistic' ? 1 : 0);
}

export const isStatistic = (id: number): boolean => id % 2 === 1;

/** A document's slot in the facts table: its number's half (see documentNumber). */
export const slotOf = (id: number): number => Math.floor(id / 2);

/** Every passage and statistic of a file, in reading order, with keys unique within the file. */
export function documentsOf(file: CorpusFile): Hit[] {
  const hits: Hit[] = [];
  const seen = new Map<string, number>();
  const unique = (key: string): string => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}#${n}`;
  };
  for (const article of file.articles) {
    let articleHeaded = false;
    for (const report of article.reports) {
      let reportHeaded = false;
      for (const section of [report.intro, ...report.sections]) {
        const at = { file, article, report, section };
        section.passages.forEach((passage, i) => {
          const heads = { article: !articleHeaded, report: !reportHeaded, section: i === 0 && section !== report.intro };
          articleHeaded = reportHeaded = true;
          hits.push({ ...at, kind: 'passage', key: unique(`p:${passage.id}`), passage, heads });
        });
        for (const statistic of section.statistics) {
          hits.push({ ...at, kind: 'statistic', key: unique(`s:${statistic.id}`), statistic });
        }
      }
    }
  }
  return hits;
}

/**
 * A passage's fields. Titles go with the first passage under them only: a title match then
 * brings up where the report or section starts, once, and the index does not repeat each title
 * for every paragraph (on the news corpus that halves its size).
 */
export function fieldsOf(id: number, hit: Hit): Fields {
  const { file, article, report, section, passage, statistic, heads } = hit;
  if (statistic) {
    return { id, title: '', section: '', text: clauseOf(file.text, statistic), metric: statistic.metric, subject: statistic.subject ?? report.author ?? '' };
  }
  const titles = [heads?.article ? article.title : '', heads?.report && report.title !== article.title ? report.title : ''];
  return {
    id,
    title: titles.filter(Boolean).join('\n'),
    section: heads?.section ? section.title : '',
    text: passage!.ranges.map((r) => file.text.slice(r.start, r.end)).join(''),
    metric: '',
    subject: '',
  };
}

/** Clause delimiters: a statistic is searched by the clause holding its figure. */
const CLAUSE_END = /[，,；;。：:！!？?]/;

/**
 * The clause of the sentence that holds the figure (未成年人犯罪数同比下降20.3%), not the whole
 * sentence: the passage already holds the sentence, and the clause is what the figure is about.
 */
function clauseOf(text: string, statistic: Statistic): string {
  const { sentenceRange, range } = statistic;
  let start = range.start;
  while (start > sentenceRange.start && !CLAUSE_END.test(text[start - 1])) start--;
  let end = range.end;
  while (end < sentenceRange.end && !CLAUSE_END.test(text[end])) end++;
  return text.slice(start, end);
}

/** A statistic's sentence as pieces of its passage, so a page break inside it leaves no gap. */
export function sentenceRanges(section: Section, statistic: Statistic): SourceRange[] {
  const { start, end } = statistic.sentenceRange;
  const passage = section.passages.find((p) => p.id === statistic.passageId);
  if (!passage) return [statistic.sentenceRange];
  return passage.ranges
    .map((r) => ({ start: Math.max(r.start, start), end: Math.min(r.end, end) }))
    .filter((r) => r.start < r.end);
}
