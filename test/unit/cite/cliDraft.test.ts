import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as check } from '../../../src/cli/check';
import { loadCorpus } from '../../../src/cli/corpus';
import { run as update } from '../../../src/cli/update';
import { applyEdits, insertCitation } from '../../../src/core/cite/draft/edit';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import type { DraftFormat } from '../../../src/core/cite/draft/syntax';
import { prepareStatistic } from '../../../src/core/cite/prepare';
import { corpusLookup, type StatisticLocation } from '../../../src/core/cite/reference';
import { styleFor } from '../../../src/core/cite/styles';
import { lineColumn } from '../../../src/core/position';

const CORPUS = 'sample/corpus';
let crime: StatisticLocation; // 湖北: 21.5%
let money: StatisticLocation; // 江苏: 60.67亿

beforeAll(async () => {
  const files = await loadCorpus([CORPUS]);
  const lookup = corpusLookup(files);
  const find = (text: string) => {
    for (const file of files) for (const a of file.articles) for (const r of a.reports) for (const s of [r.intro, ...r.sections]) {
      const stat = s.statistics.find((x) => x.text === text);
      if (stat) return lookup.statistic(stat.id)!;
    }
    throw new Error(`no ${text} in the sample`);
  };
  crime = find('21.5%');
  money = find('60.67亿');
});

afterEach(() => vi.restoreAllMocks());

/** Runs a CLI command and returns its exit code and what it printed. */
async function cli(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function cite(text: string, format: DraftFormat, location: StatisticLocation, offset: number): string {
  const prepared = prepareStatistic(location, { style: styleFor('gbt7714-numeric'), format, template: '{subject}{period}{metric}{change}{figure}' });
  const result = insertCitation(parseDraft(text, format), offset, prepared.request);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(text, result.edits);
}

function file(name: string, text: string): string {
  const p = path.join(mkdtempSync(path.join(tmpdir(), 'statcite-cli-')), name);
  writeFileSync(p, text);
  return p;
}

describe('statcite update', () => {
  it('renumbers a Markdown draft in place, leaves code, user footnotes and orphans alone, and a second run changes nothing', async () => {
    let text = '甲段。\n\n乙段。\n\n```\nx[^1]\n```\n我的注[^5]，孤儿[^7]。\n\n[^5]: 我的脚注\n';
    text = cite(text, 'markdown', crime, text.indexOf('甲段') + 2);
    text = cite(text, 'markdown', money, text.indexOf('乙段') + 2);
    // Swap the two paragraphs by hand: the numbers are now out of order.
    const [a, b, ...rest] = text.split('\n\n');
    const swapped = [b, a, ...rest].join('\n\n');
    const draft = file('draft.md', swapped);
    const first = await cli(update, [draft, '--corpus', CORPUS]);
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining(`updated ${draft}`) });
    const updated = readFileSync(draft, 'utf8');
    expect(updated.startsWith('乙段江苏省为群众讨回欠款60.67亿元[^1]。\n\n甲段湖北省去年刑事发案同比下降21.5%[^2]。')).toBe(true);
    expect(updated).toContain('```\nx[^1]\n```\n我的注[^5]，孤儿[^7]。\n\n[^5]: 我的脚注\n');
    expect(first.err).toContain(`${draft}:8:11: warning: line 8: footnote [^7] has no definition`); // the orphan, with its position
    expect(first.err).toContain('footnote [^7] has no definition');
    const second = await cli(update, [draft, '--corpus', CORPUS]);
    expect(second).toMatchObject({ code: 0, out: `${draft}: references already up to date` });
    expect(readFileSync(draft, 'utf8')).toBe(updated);
  });

  it('LaTeX: the .bib next to the draft gets the entries; --bibliography names another file', async () => {
    const tex = cite('\\begin{document}\n据统计，\n\\end{document}\n', 'latex', crime, '\\begin{document}\n据统计，'.length);
    const draft = file('paper.tex', tex.replace(/% statcite rep-\S+: \S+\n$/, ''));
    const { code } = await cli(update, [draft, '--corpus', CORPUS]);
    expect(code).toBe(0);
    expect(readFileSync(draft, 'utf8')).toBe(tex.replace(/: \S+\n$/, ':\n'));
    expect(readFileSync(path.join(path.dirname(draft), 'references.bib'), 'utf8')).toMatch(/^@\w+\{rep-\w+,\n {2}author = \{\{湖北省委政法委\}\},/);
    const other = path.join(path.dirname(draft), 'other.bib');
    expect((await cli(update, [draft, '--corpus', CORPUS, '--bibliography', other])).code).toBe(0);
    expect(readFileSync(other, 'utf8')).toContain('湖北省委政法委');
  });

  it('a broken .bib or a draft that is not UTF-8 stops it with exit 1 and changes nothing', async () => {
    const tex = cite('文。\n', 'latex', crime, 1);
    const draft = file('paper.tex', tex);
    const broken = '@article{a,\n  title = {never closed\n';
    writeFileSync(path.join(path.dirname(draft), 'references.bib'), broken);
    const result = await cli(update, [draft, '--corpus', CORPUS]);
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('references.bib') });
    expect(readFileSync(draft, 'utf8')).toBe(tex);
    expect(readFileSync(path.join(path.dirname(draft), 'references.bib'), 'utf8')).toBe(broken);

    const gbk = file('gbk.txt', '');
    const bytes = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x5b, 0x31, 0x5d]); // 中文[1] in GBK
    writeFileSync(gbk, bytes);
    expect(await cli(update, [gbk, '--corpus', CORPUS])).toMatchObject({ code: 1, err: expect.stringContaining('not UTF-8') });
    expect(readFileSync(gbk)).toEqual(bytes);
  });

  it('usage errors exit 2; a missing draft exits 1', async () => {
    expect(await cli(update, ['draft.md'])).toMatchObject({ code: 2, err: expect.stringContaining('--corpus needs') });
    expect(await cli(update, ['--corpus', CORPUS])).toMatchObject({ code: 2, err: expect.stringContaining('a draft file is needed') });
    expect(await cli(update, ['a.md', '--corpus', CORPUS, '--markdown-mode', 'wiki'])).toMatchObject({ code: 2, err: expect.stringContaining('--markdown-mode') });
    expect(await cli(update, ['a.md', '--corpus', CORPUS, '--style', 'mla'])).toMatchObject({ code: 2, err: expect.stringContaining('--style must be one of') });
    expect(await cli(update, ['nowhere.md', '--corpus', CORPUS])).toMatchObject({ code: 1, err: expect.stringContaining('nowhere.md: no such file') });
  });

  it('--markdown-mode pandoc and a plain-text draft take the format the extension would', async () => {
    const md = file('pandoc.md', `甲[@${crime.report.id}]。\n`);
    expect((await cli(update, [md, '--corpus', CORPUS, '--markdown-mode', 'pandoc'])).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toBe(`甲[@${crime.report.id}]。\n\n<!-- statcite: references -->\n<!-- statcite ${crime.report.id}: -->\n`);
    expect(readFileSync(path.join(path.dirname(md), 'references.json'), 'utf8')).toContain(`"id": "${crime.report.id}"`);
    const txt = cite('第一段。\n取 arr[1] 的值。\n', 'plain', crime, 3);
    // An outdated entry text is regenerated; `arr[1]` is an index, not a citation.
    const plain = file('draft.txt', txt.replace(/\n\[1\] .*? \{\{/, '\n[1] 旧条目 {{'));
    expect((await cli(update, [plain, '--corpus', CORPUS])).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).toBe(txt);
  });
});

describe('statcite check', () => {
  it('prints file:line:col: severity: message in the order of the text; exit 1 on an error', async () => {
    let text = '前言\r旧的一行\r\n据统计，';
    text = cite(text, 'markdown', crime, text.length);
    const changed = text.replace('21.5%', '21.7%').replace(/(statcite rep-\S+: )(\S+)/, '$1$2 stat-gone');
    const draft = file('draft.md', changed);
    const { code, out, err } = await cli(check, [draft, '--corpus', CORPUS]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    const at = lineColumn(changed, changed.indexOf('21.7'));
    expect(at).toEqual({ line: 3, column: 18 }); // the lone \r counts as a line break
    expect(lines).toContain(`${draft}:3:18: warning: the draft says 21.7%, the source says 21.5% (刑事发案, “${crime.report.title}”)`);
    expect(lines.some((l) => l.startsWith(`${draft}:3:23: error: citation [1]: stat-gone no longer exists`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${draft}:3:23: info: reference [1] lacks `))).toBe(true);
    expect(err).toContain('1 error(s), 1 warning(s), 1 note(s)');
  });

  it('--json: an array of {file,line,column,endLine,endColumn,severity,message,code}; a clean draft exits 0', async () => {
    const text = cite('据统计，\n', 'markdown', crime, 4);
    const draft = file('ok.md', text.replace('[^1]', '[^1]，另见[^8]'));
    const { code, out } = await cli(check, [draft, '--corpus', CORPUS, '--json']);
    expect(code).toBe(0);
    const findings = JSON.parse(out);
    const orphan = findings.find((f: { code: string }) => f.code === 'draft');
    expect(orphan).toEqual({ file: draft, line: 1, column: 30, endLine: 1, endColumn: 34, severity: 'warning', message: 'line 1: footnote [^8] has no definition; StatCite leaves it as written', code: 'draft' });
    expect(findings.map((f: { severity: string }) => f.severity)).not.toContain('error');
    expect(await cli(check, [draft])).toMatchObject({ code: 2 });
    expect(await cli(check, [file('plain.txt', '没有引用的文稿。'), '--corpus', CORPUS])).toEqual({ code: 0, out: '', err: '' });
  });
});
