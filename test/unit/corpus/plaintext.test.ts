import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/corpus/read';
import { join, sampleBytes, samplePath, slice } from './helpers';

const file = readCorpusFile(sampleBytes(), samplePath);
const [page, column, jingan, xiaoyuan] = file.articles;
const allReports = file.articles.flatMap((a) => a.reports);

describe('plain-text newspaper page (the sample)', () => {
  it('reads as UTF-8 without problems', () => {
    expect(file.encoding).toBe('utf-8');
    expect(file.problems).toEqual([]);
  });

  it('has the page article with its subtitle and editor’s note', () => {
    expect(file.articles.map((a) => a.title)).toEqual([
      '夯实高质量发展发展的安全根基',
      '来自全国检察长会议的报道',
      '上海静安:汇聚护航数字安全“金点子”',
      '“小院”举办短视频大赛',
    ]);
    expect(page.subtitle).toBe('中央政法工作会议交流发言摘要');
    expect(slice(file, page.note!)).toMatch(/^编者按 1月18日至19日,.*供各地借鉴。$/);
  });

  it('gives five reports with their issuing bodies, 重庆 included though printed after the news', () => {
    expect(page.reports.map((r) => [r.kind, r.title, r.author])).toEqual([
      ['report', '牢记使命责任 忠诚履职担当 坚决捍卫首都安全', '北京市委政法委'],
      ['report', '深入贯彻全面依法治国工作部署 高水平法治江苏建设迈出坚实步伐', '江苏省委政法委'],
      ['report', '守正创新 履职担当 奋勇争先打造平安福地', '福建省委政法委'],
      ['report', '着力加强政法基础设施建设 以高水平安全保障高质量发展', '湖北省委政法委'],
      ['report', '强化数智赋能 建设具有重庆辨识度的政法工作数字化平台', '重庆市委政法委'],
    ]);
    const chongqing = page.reports[4];
    expect(chongqing.range.start).toBeGreaterThan(xiaoyuan.range.end);
    expect(page.range.end).toBe(chongqing.range.end);
  });

  it('gives each report its section headings; 福建 lost 一、 and has an intro, 二、 and 三、', () => {
    expect(page.reports.map((r) => r.sections.map((s) => s.title))).toEqual([
      ['一、北京市委坚决扛起维护首都安全的重大政治责任', '二、持续筑牢首都社会大局稳定基础', '三、锻造堪当重任的首都政法铁军'],
      [
        '一、把牢根本遵循,以习近平法治思想引领法治江苏建设',
        '二、聚焦中心大局,以法治保障中国式现代化江苏新实践',
        '三、强化效果导向,以系统思维推动全面依法治省工作走深走实',
      ],
      [
        '二、践行“惩防并举、标本兼治”的工作理念,以要素治理强化社会治安整体防控',
        '三、坚持“资源整合、数字赋能”的强基导向,以韧性治理提升平安建设整体效能',
      ],
      ['一、建强综治中心这个“基层平台”', '二、服务管理好有关群体这个“基本变量”', '三、做实素质能力保障这个“基础支撑”'],
      [
        '一、以数字重庆为引领推动政法工作平台破局成势',
        '二、以流程再造为重点全面提升办案协同和监督质效',
        '三、以场景应用为切口赋能更高水平的平安重庆建设',
      ],
    ]);
    const fujian = page.reports[2];
    expect(fujian.intro.passages).toHaveLength(1);
    expect(join(file, fujian.intro.passages[0].ranges)).toContain('全力维护国家安全和社安建设责任书');
  });

  it('joins the heading split by a page break: one title, two ranges', () => {
    const s = page.reports[2].sections[1];
    expect(s.titleRanges).toHaveLength(2);
    expect(slice(file, s.titleRanges[0])).toBe('三、坚持“资源整合、数字赋能”的');
    expect(slice(file, s.titleRanges[1])).toBe('强基导向,以韧性治理提升平安建设整体效能');
    expect(s.passages[0].ranges).toHaveLength(2);
  });

  it('joins every paragraph split by a page break, and nothing else', () => {
    const joined = allReports
      .flatMap((r) => [r.intro, ...r.sections])
      .flatMap((s) => s.passages)
      .filter((p) => p.ranges.length > 1)
      .map((p) => join(file, p.ranges));
    const seams = [
      ['市主要领导专题部署安全稳定工作', '聚焦综治中心建设'],
      ['坚持执法司法为民'],
      ['干警大轮训'],
      ['服务营商环境建设40条措施', '打通信访工作法治化“路线图”'],
      ['和社安建设责任书'],
      ['着力补短板'],
      ['数字赋能”的强基导向'],
      ['人员管理等', '按风险等级'],
      ['公办专门学校13所'],
      ['市委政法委作为数字法治系统组长单位'],
      ['从刑事立案到刑罚执行', '入围的全国法治政府'],
    ];
    expect(joined).toHaveLength(seams.length);
    for (const [i, words] of seams.entries()) for (const w of words) expect(joined[i]).toContain(w);
  });

  it('gives six news items: a column of four by 闫晶晶, then two articles of their own', () => {
    const news = allReports.filter((r) => r.kind === 'news');
    expect(news).toHaveLength(6);
    expect(column.reports.map((r) => [r.title, r.author])).toEqual([
      ['完善低龄未成年人严重暴力犯罪核准追诉机制', '闫晶晶'],
      ['协同防治新型腐败和隐性腐败', '闫晶晶'],
      ['着重监督纠正涉企执法司法突出问题', '闫晶晶'],
      ['紧盯重点领域,深化“检护民生”专项行动', '闫晶晶'],
    ]);
    expect(column.metadata.authors).toEqual(['闫晶晶']);
    expect(jingan.reports.map((r) => [r.kind, r.author])).toEqual([['news', '陈浩培、潘志凡、杨舒雯']]);
    expect(xiaoyuan.reports.map((r) => [r.kind, r.author])).toEqual([['news', '吴盼伙、刘晨']]);
    expect(slice(file, xiaoyuan.reports[0].authorRange!)).toBe('本报全媒体记者 吴盼伙 通讯员 刘晨');
    expect(slice(file, column.reports[0].authorRange!)).toBe('全媒体记者 闫晶晶');
    // The lead is the first paragraph; the byline line is not content.
    expect(join(file, column.reports[0].intro.passages[0].ranges)).toMatch(/^本报讯\(全媒体记者 闫晶晶\) 1月19日/);
    expect(join(file, xiaoyuan.reports[0].intro.passages[0].ranges)).toMatch(/^近日,安徽省东至县检察院内/);
  });

  it('keeps every range pointing at the right characters', () => {
    for (const a of file.articles) {
      expect(slice(file, a.titleRange)).toBe(a.title);
      for (const r of a.reports) {
        expect(slice(file, r.titleRange)).toBe(r.title);
        if (r.kind === 'report') expect(slice(file, r.authorRange!)).toBe(r.author);
        for (const s of [r.intro, ...r.sections]) {
          expect(join(file, s.titleRanges)).toBe(s.title);
          for (const p of s.passages) {
            for (const range of p.ranges) {
              const t = slice(file, range);
              expect(t).not.toBe('');
              expect(t).toBe(t.trim());
              expect(t).not.toMatch(/\n/);
              expect(range.start >= s.range.start && range.end <= s.range.end).toBe(true);
            }
          }
          expect(s.range.start >= r.range.start && s.range.end <= r.range.end).toBe(true);
        }
      }
    }
    const passages = allReports.flatMap((r) => [r.intro, ...r.sections]).flatMap((s) => s.passages);
    const bodyText = passages.map((p) => join(file, p.ranges)).join('');
    expect(bodyText).toContain('未成年人犯罪同比下降32.8%,侵害未成年人犯罪下降28.2%。');
    expect(bodyText).not.toContain('北京市委政法委');
  });
});

describe('plain-text layout rules beyond the sample', () => {
  const read = (text: string) => readCorpusFile(Buffer.from(text), 'page.txt');

  it('keeps standalone headings apart from their body and joins hard-wrapped lines', () => {
    const f = read(
      '政府工作报告\n\n——2025年1月在市人民代表大会上\n\n一、2024年工作回顾\n\n过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长3.1%，城乡居民收入稳步\n增长，就业形势总体稳定。\n\n（一）经济运行稳中有进。\n\n二、2025年工作安排\n\n主要预期目标是增长5%左右。\n',
    );
    const [a] = f.articles;
    expect([a.title, a.subtitle]).toEqual(['政府工作报告', '2025年1月在市人民代表大会上']);
    const [r] = a.reports;
    expect(r.title).toBe('政府工作报告');
    expect(r.sections.map((s) => s.title)).toEqual(['一、2024年工作回顾', '二、2025年工作安排']);
    expect(r.sections[0].passages.map((p) => join(f, p.ranges))).toEqual([
      '过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长3.1%，城乡居民收入稳步增长，就业形势总体稳定。',
      '（一）经济运行稳中有进。',
    ]);
  });

  it('reads agency leads, question titles and a column that ends when the reporter changes', () => {
    const f = read(
      [
        '会议专题报道',
        '你准备好了吗？',
        '新华社北京1月1日电（记者 张三、李四）今天召开会议，部署全年工作。',
        '第二条消息的标题',
        '新华社北京1月1日电（记者 张三、李四）会议还要求加强协作。',
        '另一位记者的消息',
        '本报讯(记者 王五) 同日，另一场会议召开。',
      ].join('\n\n'),
    );
    expect(f.articles.map((a) => [a.title, a.reports.map((r) => `${r.kind}:${r.title}:${r.author}`)])).toEqual([
      ['会议专题报道', ['news:你准备好了吗？:张三、李四', 'news:第二条消息的标题:张三、李四']],
      ['另一位记者的消息', ['news:另一位记者的消息:王五']],
    ]);
    expect(f.articles[0].metadata.authors).toEqual(['张三', '李四']);
  });
});
