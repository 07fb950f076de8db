import { describe, expect, it } from 'vitest';
import { outlineJson, outlineTree } from '../../../src/cli/outline';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { locate, passageText, sectionsOf, sourceOffset, subRanges } from '../../../src/core/corpus/walk';
import { sampleBytes, samplePath } from './helpers';

const file = readCorpusFile(sampleBytes(), samplePath);

describe('walking an outlined file', () => {
  it('lists every section with its report and article, intros included', () => {
    const places = [...sectionsOf(file)];
    const reports = file.articles.flatMap((a) => a.reports);
    expect(places).toHaveLength(reports.length + reports.reduce((n, r) => n + r.sections.length, 0));
    expect(places.filter((p) => p.section.title === '').map((p) => p.report)).toEqual(reports);
  });

  it('finds what stands at an offset, also in a report printed after other articles', () => {
    const at = file.text.indexOf('未成年人犯罪同比下降32.8%');
    const place = locate(file, at);
    expect(place.article?.title).toBe('夯实高质量发展发展的安全根基');
    expect(place.report?.author).toBe('重庆市委政法委');
    expect(place.section?.title).toBe('三、以场景应用为切口赋能更高水平的平安重庆建设');
    expect(passageText(file, place.passage!)).toContain('未成年人犯罪同比下降32.8%');
    const news = locate(file, file.text.indexOf('一场“大赛”正火热开展'));
    expect(news.article?.title).toBe('“小院”举办短视频大赛');
    expect(locate(file, file.text.indexOf('编者按'))).toEqual({ article: file.articles[0] });
  });

  it('maps passage text offsets back to the file across a page break', () => {
    const s = file.articles[0].reports[2].sections[1];
    const [p] = s.passages;
    const text = passageText(file, p);
    const i = text.indexOf('的强基导向');
    // '的' ends the first line; '强' starts the line after the break.
    expect(file.text[sourceOffset(p.ranges, i)]).toBe('的');
    expect(file.text[sourceOffset(p.ranges, i + 1)]).toBe('强');
    const spans = subRanges(p.ranges, i, i + 5);
    expect(spans.map((r) => file.text.slice(r.start, r.end))).toEqual(['的', '强基导向']);
  });

  it('prints the outline as the CLI does: JSON with offsets, and an indented tree', () => {
    const json = outlineJson([file]);
    const [f] = json.files;
    expect(f.articles[0].reports[0]).toMatchObject({ title: '牢记使命责任 忠诚履职担当 坚决捍卫首都安全', author: '北京市委政法委', kind: 'report' });
    const section = f.articles[0].reports[2].sections[1];
    expect(file.text.slice(section.start, section.end)).toMatch(/^三、坚持“资源整合、数字赋能”的\n\n强基导向/);
    expect(Object.keys(f.articles[0].reports[0].sections[0])).toEqual(['id', 'title', 'start', 'end', 'passages', 'statistics']);
    const lines = outlineTree([file]).split('\n');
    expect(lines[1]).toBe('  夯实高质量发展发展的安全根基 ——中央政法工作会议交流发言摘要');
    expect(lines[2]).toMatch(/^ {4}牢记使命责任 忠诚履职担当 坚决捍卫首都安全 — 北京市委政法委 {2}\[report \d+–\d+\]$/);
    expect(lines[3]).toMatch(/^ {6}一、北京市委坚决扛起维护首都安全的重大政治责任 {2}\[\d+–\d+\]$/);
  });
});
