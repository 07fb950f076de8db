import { it } from 'vitest';
import { parseFrontMatter } from '../../src/core/corpus/frontmatter';
import { readCorpusFile } from '../../src/core/corpus/read';
it('x', () => {
  const pad = ' '.repeat(10);
  console.log(JSON.stringify(parseFrontMatter(`---\npublication: 人民日报${pad}x\nplace: 北京${pad}# 注释\nauthors:\n  - 张三${pad}y\n---\n`)));
  for (const t of ['# #\n\n正文。', '## #\n\n正文。', '# a #\n\n正文', '#\n\n正文', '# a\u2028b\n\n正文', '#\ta\t#\t\n\n正文', '# a#\n\n正文', '# a \\#\n\n正文'])
    console.log(JSON.stringify(t), JSON.stringify(readCorpusFile(Buffer.from(t), 'h.md').articles.map((a) => [a.title, a.reports.map((r) => [r.title, r.sections.map((s) => s.title)])])));
});
