import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import { COLUMNS } from '../../../src/core/table/columns';
import { markdownTable } from '../../../src/core/table/markdown';
import { row } from './rows';

const columns = ['figure', 'metric', 'subject', 'value'].map((id) => COLUMNS.find((c) => c.id === id)!);
const titles = (c: (typeof COLUMNS)[number]): string => ({ figure: '数据', metric: '指标', subject: '主体', value: '数值' })[c.id as string]!;

describe('Markdown table of selected rows', () => {
  it('a row per statistic with its footnote marker; one footnote per report, annotated with the statistics cited', () => {
    const text = markdownTable(
      [
        { row: row({ id: 'a', figure: '21.5%', value: 21.5, metric: '刑事发案', subject: '湖北省' }), key: 'rep-hb', entry: '湖北省委政法委. 着力加强[N]. 2026.' },
        { row: row({ id: 'b', figure: '35.4%', value: 35.4, metric: 'a|b *c*', subject: undefined }), key: 'rep-fj', entry: '福建省委政法委. 平安[N].' },
        { row: row({ id: 'c', figure: '1377个', value: 1377, metric: '综治中心', subject: '湖北省' }), key: 'rep-hb', entry: '湖北省委政法委. 着力加强[N]. 2026.' },
      ],
      columns,
      titles,
      '来源',
    );
    expect(text.split('\n')).toEqual([
      '| 数据 | 指标 | 主体 | 数值 | 来源 |',
      '| --- | --- | --- | ---: | --- |',
      '| 21.5% | 刑事发案 | 湖北省 | 21.5 | [^1] |',
      '| 35.4% | a\\|b \\*c\\* |  | 35.4 | [^2] |',
      '| 1377个 | 综治中心 | 湖北省 | 1377 | [^1] |',
      '',
      '[^1]: 湖北省委政法委. 着力加强[N]. 2026. <!-- statcite rep-hb: a c -->',
      '[^2]: 福建省委政法委. 平安[N]. <!-- statcite rep-fj: b -->',
      '',
    ]);
    // The footnotes read back as StatCite's own entries, keys and ids and all.
    const parsed = parseDraft(`<!-- statcite: references -->\n${text.split('\n\n')[1]}`, 'markdown');
    expect(parsed.entries.map((e) => [e.number, e.key, e.ids])).toEqual([
      [1, 'rep-hb', ['a', 'c']],
      [2, 'rep-fj', ['b']],
    ]);
  });
});
