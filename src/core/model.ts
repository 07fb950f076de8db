/**
 * The corpus model. Every node keeps ranges into the text exactly as decoded from its file;
 * the text itself is never rewritten. Offsets are JavaScript string indices (UTF-16 code units).
 */

/** A half-open range [start, end) of character offsets in a file's decoded text. */
export interface SourceRange {
  start: number;
  end: number;
}

/** Bibliographic facts about a file or article. Unknown fields stay undefined: never invented. */
export interface Metadata {
  /** Title of the publication (newspaper, website, issuing body's bulletin). */
  publication?: string;
  /** Publication date as written in ISO form: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  /** Page or edition (版次), as written, e.g. "3" or "03版"; for books and reports the page cited (引文页码). */
  page?: string;
  url?: string;
  /** Personal or corporate authors in the order given. */
  authors?: string[];
  /** BCP 47 language tag, "zh" when not stated. */
  language?: string;
  /** Publisher or place, used by styles that need them. */
  publisher?: string;
  place?: string;
  /** Date the online source was accessed (引用日期), ISO form. */
  accessed?: string;
  /**
   * GB/T 7714 document type (文献类型标识): N newspaper, J journal, M book, R report, EB electronic
   * bulletin (web page), A archive, S standard, C proceedings, D thesis, P patent.
   */
  type?: DocType;
  /** The carrier (文献载体): "online" is /OL. Unstated, a URL makes a work online; "print" says it was read in print. */
  medium?: 'print' | 'online';
  /** Journal volume and issue (卷, 期). */
  volume?: string;
  issue?: string;
  /** Standard, patent or report number (标准编号, 专利号, 报告编号). */
  number?: string;
}

export const DOC_TYPES = ['N', 'J', 'M', 'R', 'EB', 'A', 'S', 'C', 'D', 'P'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** A paragraph. Page breaks can split one paragraph over several ranges. */
export interface Passage {
  id: string;
  ranges: SourceRange[];
  /** The page of the source it stands on (1-based), where the format has pages (PDF). */
  page?: number;
}

export type StatisticKind = 'count' | 'amount' | 'percent' | 'change' | 'streak' | 'rank' | 'duration';

export interface Statistic {
  /** Stable: unchanged when the file is re-read unchanged or unrelated parts change. */
  id: string;
  /** The figure itself, e.g. "21.5%", "60.67亿元", "8400余家"'s "8400". */
  range: SourceRange;
  text: string;
  /** Value after scaling: 60.67亿元 → 6067000000. */
  value: number;
  unit: string;
  kind: StatisticKind;
  approx: boolean;
  change?: 'up' | 'down';
  /** 同比, 环比, 比上年 … where the text gives it. */
  basis?: string;
  /** The starting value of "由X降至Y" / "从X缩短至Y". */
  from?: { value: number; unit: string; text: string; range: SourceRange };
  /** What the figure measures, e.g. 刑事发案, 矛盾纠纷化解率. */
  metric: string;
  /**
   * The canonical name of what it measures (src/core/stats/metricKey.ts): the same quantity in
   * different wordings has one key (纠纷化解率 → 矛盾纠纷化解率), different quantities never share one.
   */
  metricKey: string;
  /** Who or what the figure is about: a place (湖北省), a body or group the sentence names (全省综治中心). */
  subject?: string;
  /** Who issued the report: its issuing body (湖北省委政法委), or a news item's publication. */
  issuer?: string;
  /** 2025年, 2022年1—11月, 去年 (relative periods resolved when the article date is known). */
  period?: string;
  /** The sentence holding the figure, as text, and its range. */
  sentence: string;
  sentenceRange: SourceRange;
  /** The passage the figure stands in. */
  passageId: string;
  /** The page of the source it stands on (1-based), where the format has pages (PDF). */
  page?: number;
}

export interface Section {
  id: string;
  /** Heading text as it reads, page-break joins removed (e.g. "三、坚持…强基导向"). */
  title: string;
  /** Ranges of the heading in the source (several when a page break splits it). */
  titleRanges: SourceRange[];
  /** From the heading to the end of the section's last passage. */
  range: SourceRange;
  passages: Passage[];
  statistics: Statistic[];
}

export interface Report {
  id: string;
  kind: 'report' | 'news';
  title: string;
  titleRange: SourceRange;
  /** The issuing body under a report title (北京市委政法委) or the reporters of a news item. */
  author?: string;
  authorRange?: SourceRange;
  /** Extent of the report; a report continued later in the page has several ranges, this one spans its first part. */
  range: SourceRange;
  /** Text before the first section heading, or the whole body when there are no sections. */
  intro: Section;
  sections: Section[];
}

export interface Article {
  id: string;
  title: string;
  titleRange: SourceRange;
  subtitle?: string;
  /** The editor's note (编者按) or a Markdown lead, when present. */
  note?: SourceRange;
  range: SourceRange;
  reports: Report[];
  metadata: Metadata;
}

export interface Problem {
  severity: 'error' | 'warning' | 'info';
  /** A sentence a user can act on, naming the reason, e.g. "not text: binary data at byte 12". */
  message: string;
  range?: SourceRange;
}

/**
 * How the text of a file that is not text (HTML, PDF, Word) was extracted: the text is the
 * reader's, so ranges point into it, and this maps it back onto the original.
 */
export interface SourceMap {
  format: 'html' | 'pdf' | 'docx';
  /** PDF: the text offset where each page begins (pages[0] is page 1). */
  pages?: number[];
  /**
   * HTML: [text offset, offset in the decoded page] of each block of text, in text order: where
   * in the original a span of the text was read.
   */
  anchors?: Array<[number, number]>;
}

/** One corpus file, read and outlined. */
export interface CorpusFile {
  /** The file's path as the host names it (absolute path or URI string). */
  path: string;
  encoding: string;
  /** The decoded text; every range above points into it. */
  text: string;
  /** Set when the text was extracted from HTML, PDF or Word rather than read as it is. */
  source?: SourceMap;
  metadata: Metadata;
  articles: Article[];
  problems: Problem[];
}

/** What the core needs from its host (VS Code, the CLI, tests). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
