import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusFile, Report, Section, Statistic } from '../../../src/core/model';

/** A small corpus built by hand: two reports of a newspaper page, with three statistics. */
function stat(id: string, sentence: string, text: string, extra: Partial<Statistic>): Statistic {
  const at = sentence.indexOf(text);
  return {
    id,
    range: { start: 1000 + at, end: 1000 + at + text.length },
    text,
    value: Number(text.replace('%', '')),
    unit: text.endsWith('%') ? '%' : '个',
    kind: text.endsWith('%') ? 'change' : 'count',
    approx: false,
    metric: '',
    metricKey: extra.metric ?? '',
    sentence,
    sentenceRange: { start: 1000, end: 1000 + sentence.length },
    passageId: 'par-1',
    ...extra,
  };
}

function section(id: string, title: string, statistics: Statistic[]): Section {
  return { id, title, titleRanges: [], range: { start: 0, end: 0 }, passages: [{ id: `par-${id}`, ranges: [{ start: 0, end: 10 }] }], statistics };
}

export const crime = stat('stat-crime', '去年刑事发案同比下降21.5%', '21.5%', { metric: '刑事发案', subject: '湖北省', period: '去年', change: 'down', basis: '同比' });
export const murder = stat('stat-murder', '现发命案下降20.6%', '20.6%', { metric: '现发命案', subject: '湖北省', period: '去年', change: 'down' });
export const centres = stat('stat-centres', '建设四级综治中心1377个', '1377', { metric: '四级综治中心', subject: '湖北省委政法委' });

function report(id: string, title: string, author: string, sections: Section[]): Report {
  return { id, kind: 'report', title, titleRange: { start: 0, end: 0 }, author, range: { start: 0, end: 0 }, intro: section(`${id}-intro`, '', []), sections };
}

export function corpus(): CorpusFile {
  return {
    path: '/corpus/page.txt',
    encoding: 'utf-8',
    text: '',
    metadata: { type: 'N' },
    problems: [],
    articles: [
      {
        id: 'art-1',
        title: '夯实高质量发展的安全根基',
        titleRange: { start: 0, end: 0 },
        range: { start: 0, end: 0 },
        metadata: {},
        reports: [
          report('rep-hb', '着力加强政法基础设施建设', '湖北省委政法委', [
            section('sec-hb1', '一、建强综治中心这个“基层平台”', [centres]),
            section('sec-hb2', '二、服务管理好有关群体', [crime, murder]),
          ]),
          report('rep-bj', '坚决捍卫首都安全', '北京市委政法委', []),
        ],
      },
    ],
  };
}

const root = path.resolve(__dirname, '../../..');
/** CSL files of the Zotero Chinese style repository, kept in ../shared/csl (not copied into the project). */
export const GBT_NUMERIC = path.resolve(root, '../shared/csl/gbt7714-2015-numeric-no-uppercase.csl');
export const GBT_AUTHOR_DATE = path.resolve(root, '../shared/csl/gbt7714-2015-author-date-no-uppercase.csl');
/** The APA style the citation-js CSL plugin ships. */
export function apaCsl(): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules/@citation-js/plugin-csl/lib/styles.json'), 'utf8')) as Record<string, string>).apa;
}
