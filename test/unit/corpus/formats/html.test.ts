import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figures, fixture, load, loadText, metricChanges, statistics, titles } from './helpers';

/** Words of site chrome that must never reach the text. */
const CHROME = ['打印', '关闭', '字号', '分享', '微信', '相关链接', '相关新闻', '上一篇', '当前位置', '首页', 'ICP', '主办', '版权所有', '排行榜', '责任编辑', '责编', '登录', '搜索'];

describe('HTML pages', () => {
  it('reads a government page: its title, issuing body, 一、 sections and body, without the site chrome', async () => {
    const file = await load('gov-bulletin.html');
    expect(file.problems).toEqual([]);
    expect(file.source?.format).toBe('html');
    expect(titles(file)).toEqual(['2024年江川省国民经济和社会发展统计公报', '一、综合', '二、农业', '三、工业和建筑业']);
    expect(file.articles[0].reports[0].author).toBe('江川省统计局');
    for (const word of CHROME) expect(file.text, word).not.toContain(word);
    // <br> inside a paragraph starts a new one.
    expect(file.text).toContain('比上年增产1.9%。\n\n全年猪牛羊禽肉产量412.7万吨');
  });

  it('takes the metadata the page states: the info line under the title, the head, the canonical URL', async () => {
    const file = await load('gov-bulletin.html');
    expect(file.metadata).toEqual({
      publication: '江川省统计局',
      date: '2025-03-10',
      url: 'https://www.jiangchuan.gov.cn/zwgk/tjxx/202503/t20250310_1234567.html',
      language: 'zh-CN',
    });
    // The site's author tag names its editor account, not an author.
    expect(file.metadata.authors).toBeUndefined();
  });

  it('finds the same statistics as the same text read as plain text, the table headers naming their metrics', async () => {
    const html = await load('gov-bulletin.html');
    const text = loadText('gov-bulletin.txt');
    expect(figures(html)).toEqual(figures(text));
    expect(statistics(html).length).toBeGreaterThan(20);
    // As plain text, the table's rows lose what their headers say: the row header is the metric.
    expect(metricChanges(text, html)).toEqual([
      '58320.6亿: 绝对数 → 地区生产总值',
      '5.4%: 绝对数 → 地区生产总值',
      '4215.3亿: 绝对数 → 第一产业',
      '3.6%: 绝对数 → 第一产业',
      '22408.9亿: 绝对数 → 第二产业',
      '5.9%: 绝对数 → 第二产业',
    ]);
  });

  it('reads a data table row by row, the row headers (indicators) naming the metric', async () => {
    const file = await load('gov-bulletin.html');
    expect(file.text).toContain('第一产业：绝对数4215.3亿元，比上年增长3.6%。');
    const cell = statistics(file).find((s) => s.text === '4215.3亿');
    expect(cell).toMatchObject({ value: 421530000000, unit: '元', metric: '第一产业' });
  });

  it('maps every paragraph back to where it stands in the page', async () => {
    const file = await load('gov-bulletin.html');
    const html = readFileSync(fixture('gov-bulletin.html'), 'utf8');
    const anchors = file.source!.anchors!;
    const at = file.text.indexOf('全年粮食种植面积');
    const [, source] = anchors.filter(([start]) => start <= at).pop()!;
    expect(html.slice(source)).toMatch(/^　*全年粮食种植面积/);
    // In text order, and each pointing at an offset in the page.
    expect(anchors.map(([t]) => t)).toEqual([...anchors.map(([t]) => t)].sort((a, b) => a - b));
    for (const [, s] of anchors) expect(s).toBeLessThan(html.length);
  });

  it('reads a GBK newspaper page as its meta tag declares, with the reporters of its lead', async () => {
    const file = await load('newspaper.gbk.html');
    expect(file.encoding).toBe('gb18030');
    expect(file.problems).toEqual([]);
    const [article] = file.articles;
    expect(article.title).toBe('江川：矛盾纠纷化解率连续三年保持在98%以上');
    expect(article.reports[0]).toMatchObject({ kind: 'news', author: '陈立新、周敏' });
    // The visible 来源 line wins over the head's tags; the date is the page's own.
    expect(file.metadata).toMatchObject({ publication: '江川日报', date: '2025-01-21', url: 'http://society.jcrb.example.cn/n1/2025/0121/c1008-40407000.html' });
    for (const word of CHROME) expect(file.text, word).not.toContain(word);
    expect(file.text).not.toContain('平安建设'); // the kicker above the title
    const text = loadText('newspaper.txt');
    expect(figures(file)).toEqual(figures(text));
    expect(metricChanges(text, file)).toEqual([]);
  });

  it('tells a GBK page without a charset declaration by its bytes', async () => {
    const bytes = readFileSync(fixture('newspaper.gbk.html'));
    const undeclared = Buffer.from(bytes.toString('latin1').replace('charset=gb2312', 'x=y'), 'latin1');
    const file = await load('newspaper.gbk.html', undeclared);
    expect(file.encoding).toBe('gb18030');
    expect(file.articles[0].title).toBe('江川：矛盾纠纷化解率连续三年保持在98%以上');
  });

  it('reads UTF-8 bytes as UTF-8 even when the page declares GB2312, and says so', async () => {
    const utf8 = Buffer.from(readFileSync(fixture('gov-bulletin.html'), 'utf8').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
    const file = await load('gov-bulletin.html', utf8);
    expect(file.encoding).toBe('utf-8');
    expect(file.articles[0].title).toBe('2024年江川省国民经济和社会发展统计公报');
    expect(file.problems).toEqual([{ severity: 'warning', message: 'the page declares charset gb2312, but its bytes are utf-8' }]);
  });

  it('reads GBK bytes by their bytes when the page declares UTF-8, and says so', async () => {
    const bytes = readFileSync(fixture('newspaper.gbk.html'));
    const wrong = Buffer.from(bytes.toString('latin1').replace('charset=gb2312', 'charset=utf-8'), 'latin1');
    const file = await load('newspaper.gbk.html', wrong);
    expect(file.encoding).toBe('gb18030');
    expect(file.articles[0].title).toBe('江川：矛盾纠纷化解率连续三年保持在98%以上');
    expect(file.problems).toEqual([{ severity: 'warning', message: 'the page declares charset utf-8, but its bytes are gb18030' }]);
  });

  it('prefers Highwire citation tags (as Zotero reads them) and makes the body\'s highest headings sections', async () => {
    const file = await load('working-paper.html');
    expect(file.metadata).toMatchObject({ publication: '江川发展研究', date: '2024-11-18', authors: ['林晓', '赵一鸣'], page: '12', publisher: '江川发展研究院', language: 'zh' });
    expect(titles(file)).toEqual(['数字经济对县域就业的影响', '一、研究背景', '二、主要发现']);
    expect(file.text).not.toContain('© 2024');
  });

  it('makes headings sections by their markup, whatever their wording', async () => {
    const page = '<html><body><article><h1>全市安全生产情况</h1><h2>总体情况</h2><p>全年发生生产安全事故121起，同比下降18.2%。</p><h2>重点行业</h2><p>道路交通事故死亡人数下降9.6%。</p></article></body></html>';
    const file = await load('page.html', Buffer.from(page));
    expect(titles(file)).toEqual(['全市安全生产情况', '总体情况', '重点行业']);
    expect(statistics(file).map((s) => s.text)).toEqual(['121', '18.2%', '9.6%']);
  });

  it('keeps article text whose styling classes look like chrome names, and drops the link lists that are chrome', async () => {
    const page = `<html><body><div class="font14"><div id="zoom"><h1>全市就业情况</h1>
      <p class="bottom">全年城镇新增就业12.6万人，比上年增加0.8万人。</p><p><span class="font16">城镇调查失业率为5.0%</span>，与上年持平。</p>
      <div class="share-bottom"><a href="#">微信</a> <a href="#">微博</a></div></div></div></body></html>`;
    const file = await load('styled.html', Buffer.from(page));
    expect(file.text).toBe('全市就业情况\n\n全年城镇新增就业12.6万人，比上年增加0.8万人。\n\n城镇调查失业率为5.0%，与上年持平。');
  });

  it('takes an article split over sibling containers whole', async () => {
    const p = (n: number): string => `<p>第${n}段：全年完成固定资产投资增长${n}.5%，其中工业投资增长12.3%，民间投资占比达到56.7%。</p>`;
    const page = `<html><body><div class="nav"><a href="/">首页</a></div><div class="box"><h1>投资情况</h1><div class="w1">${p(1)}${p(2)}${p(3)}</div><div class="w2">${p(4)}${p(5)}${p(6)}</div></div></body></html>`;
    const file = await load('split.html', Buffer.from(page));
    expect(file.text.split('\n\n').map((l) => l.slice(0, 3))).toEqual(['投资情', '第1段', '第2段', '第3段', '第4段', '第5段', '第6段']);
  });

  it('reads a layout table (cells holding paragraphs) as paragraphs, not as data', async () => {
    const long = '全年城乡居民人均可支配收入达到42,315元，比上年增长5.6%，其中城镇居民人均可支配收入增长4.9%，农村居民人均可支配收入增长6.8%。';
    const page = `<html><body><table><tr><td><a href="/">首页</a></td></tr><tr><td><h1>居民收入情况</h1><p>${long}</p><p>${long.replace('42,315', '42,316')}</p></td></tr></table></body></html>`;
    const file = await load('layout.html', Buffer.from(page));
    expect(file.text).toBe(`居民收入情况\n\n${long}\n\n${long.replace('42,315', '42,316')}`);
  });

  it('reports a page that holds only scripts, naming the reason', async () => {
    const file = await load('app-shell.html');
    expect(file.articles).toEqual([]);
    expect(file.problems).toEqual([
      { severity: 'error', message: 'no article text in the page: it holds only scripts (3), which load its content in a browser; save the page after it has loaded' },
    ]);
  });

  it('reports a page too large to be an article instead of parsing it', async () => {
    const file = await load('dump.html', Buffer.alloc(17 * 1024 * 1024, 0x61));
    expect(file.problems).toEqual([{ severity: 'error', message: 'too large for a web page: 17.0 MB (the limit is 16 MB)' }]);
  });

  it('reports binary data named .html as not text', async () => {
    const file = await load('broken.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    expect(file.problems).toEqual([{ severity: 'error', message: 'not text: binary data (NUL byte at byte 4)' }]);
  });
});
