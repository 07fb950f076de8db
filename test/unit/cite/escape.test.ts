/**
 * Corpus text escaped for each draft format must come out as exactly the same characters, with
 * nothing live: checked by rendering Markdown the way VS Code's preview does (markdown-it with
 * HTML, linkify, KaTeX math) plus footnotes, by reading LaTeX back token by token, and by parsing
 * drafts with StatCite's own parser. Fixed hostile strings, then seeded random ones.
 */
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../src/core/cite/draft/parse';
import { latexLocator, latexText } from '../../../src/core/cite/escape/latex';
import { markdownText, pandocLocator } from '../../../src/core/cite/escape/markdown';
import { plainText } from '../../../src/core/cite/escape/plain';
import { oneLine } from '../../../src/core/corpus/oneLine';
import { latexPrinted, md, renderedText } from './render';

const HOSTILE = [
  '据[点我](command:workbench.action.quit)统计',
  '[点我][ref] and [ref]: command:x',
  '脚注[^1]与[^12]: 定义',
  '公式$x$与$$y$$和\\(z\\)',
  '注释<!-- 隐藏 -->与<script>alert(1)</script>和<https://evil.example>',
  '*强调*与**加粗**和_下划线_及~~删除~~和~下标~与^上标^',
  '`代码`与``双``',
  '&lt;与&#60;和&amp;及&copy;',
  '表|格|分隔',
  '\\input{/etc/passwd}与\\\\换行\\',
  '# 标题',
  '> 引用',
  '- 列表',
  '+ 列表',
  '1. 列表',
  '2) 列表',
  '---',
  ': 定义',
  '[x]: https://evil.example',
  '![图](https://evil.example/a.png)',
  '引用[@rep-fake]与@rep-fake和[see @rep-fake, p. 1; @other]',
  '详见https://www.gov.cn/zhengce/content/2024-01/02/content_6923445.htm。',
  '见 https://en.wikipedia.org/wiki/Foo_(bar) 与 (https://x.org/a_b).',
  'https://x.org/a?b=1&c=2#frag`<!--',
  '网址www.example.com与邮箱a@b.com',
  '换行\n第二行\r\n第三行\u2028第四\u0085第五',
  '{}%#&_^~$',
  '-3.5%',
];

/** Seeded random text over the characters that matter to the formats, with CJK and letters. */
function randomTexts(count: number, seed = 7): string[] {
  let s = seed;
  const random = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = ['[', ']', '(', ')', '^', '@', '*', '_', '~', '$', '<', '>', '!', '&', '#', ';', '|', '\\', '`', ':', '-', '+', '=', '{', '}', '%', '"', "'", ' ', '\n', '1', '2.', 'a', 'x', '中', '文', '。', 'https://x.org/', '<!--', '-->', 'command:x', '&amp;', '[^1]', '[@k]', 'www.', '.com'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(random() * 24) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
}

const ALL = [...HOSTILE, ...randomTexts(3000)];

describe('Markdown', () => {
  it.each(HOSTILE)('%j renders as the same characters, with nothing live', (text) => {
    expect(renderedText(markdownText(text))).toBe(oneLine(text));
  });

  it('3,000 random texts render as themselves, also at the start of a line and in a footnote', () => {
    for (const text of ALL) {
      const escaped = markdownText(text);
      expect(renderedText(escaped), text).toBe(oneLine(text));
      // As a block: what it renders to is one paragraph holding the same text.
      const block = md.render(`${escaped}\n`);
      if (oneLine(text)) expect(block.startsWith('<p>'), `${text} → ${block}`).toBe(true);
    }
  });

  it('StatCite reads only its own marker and note in a draft holding escaped text', () => {
    for (const text of ALL) {
      const t = markdownText(text);
      const draft = `${t}[^1]。${t}\n\n<!-- statcite: references -->\n[^1]: ${t} <!-- statcite rep-a: stat-a -->\n`;
      const parsed = parseDraft(draft, 'markdown');
      expect(parsed.markers.map((m) => m.number), text).toEqual([1]);
      expect(parsed.entries.map((e) => [e.number, e.key, e.ids]), text).toEqual([[1, 'rep-a', ['stat-a']]]);
      expect(md.render(draft).match(/class="footnote-ref"/g), text).toHaveLength(1);
    }
  });

  it('Pandoc: a locator cannot end the citation or add a key', () => {
    for (const text of ALL) {
      const draft = `${markdownText(text)}[@rep-a, ${pandocLocator(text)}]${markdownText(text)}\n`;
      expect(parseDraft(draft, 'pandoc').markers.map((m) => m.keys), text).toEqual([['rep-a']]);
    }
  });

  it('keeps the source readable: plain Chinese, figures and GB/T entries are unchanged', () => {
    for (const text of ['湖北省去年刑事发案同比下降21.5%', '湖北省委政法委. 着力加强政法基础设施建设[N]. 检察日报, 2026-01-21(3).', 'content_6923445']) {
      expect(markdownText(text)).toBe(text);
    }
    expect(markdownText('湖北. 题名[EB/OL]. (2025-12-10)[2026-01-02]. https://x.org/a_b.htm.')).toBe('湖北. 题名[EB/OL]. (2025-12-10)[2026-01-02]. <https://x.org/a_b.htm>.');
  });
});

describe('LaTeX', () => {
  it.each(HOSTILE)('%j prints as written, no command, group, comment or math', (text) => {
    expect(latexPrinted(latexText(text))).toBe(oneLine(text));
  });

  it('random texts print as written; braces always balance (BibTeX counts every brace)', () => {
    for (const text of ALL) {
      const escaped = latexText(text);
      expect(latexPrinted(escaped), text).toBe(oneLine(text));
      let depth = 0;
      for (const c of escaped) {
        depth += c === '{' ? 1 : c === '}' ? -1 : 0;
        expect(depth, escaped).toBeGreaterThanOrEqual(0);
      }
      expect(depth, escaped).toBe(0);
    }
  });

  it('a locator with % and brackets stays one \\cite with its key; % is not a comment', () => {
    for (const text of [...ALL, '一、发案下降21.5%', '二、[附件]完成100%']) {
      const draft = `正文${latexText(text)}\\cite[${latexLocator(text)}]{rep-a}。\n`;
      expect(parseDraft(draft, 'latex').markers.map((m) => m.keys), text).toEqual([['rep-a']]);
    }
    expect(latexLocator('一、发案下降21.5%')).toBe('一、发案下降21.5\\%');
  });
});

describe('plain text', () => {
  it('a bracketed number in corpus text is not a citation marker of the draft', () => {
    const t = plainText('见附件[1]与[ 2 ]，\n共3项');
    expect(t).toBe('见附件［1］与［ 2 ］， 共3项');
    const draft = `${t}[1]\n\n参考文献\n[1] 条目 {{statcite rep-a: stat-a}}\n[2] 条目 {{statcite rep-b: stat-b}}\n`;
    expect(parseDraft(draft, 'plain').markers.map((m) => m.number)).toEqual([1]);
  });
});
