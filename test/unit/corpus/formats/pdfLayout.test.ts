import { describe, expect, it } from 'vitest';
import { layoutPages, type PdfPage, type Run } from '../../../../src/core/corpus/formats/pdfLayout';

/** A page set like a Chinese report: 12 pt body from x=72 to 72+W, 18 pt leading, first lines two characters in. */
const SIZE = 12;
const LEFT = 72;
const CHARS = 36;

interface Spec {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

function page(lines: Spec[]): PdfPage {
  const runs: Run[] = lines.flatMap((l) => {
    const size = l.size ?? SIZE;
    // Two runs per line, as generators split text around font changes.
    const half = Math.ceil(l.text.length / 2);
    const x = l.x ?? LEFT;
    return [
      { text: l.text.slice(0, half), x, y: l.y, width: half * size, size, eol: false },
      { text: l.text.slice(half), x: x + half * size, y: l.y, width: (l.text.length - half) * size, size, eol: true },
    ];
  });
  return { runs };
}

/** A paragraph set in full lines of CHARS characters, its first line indented two characters. */
function paragraph(text: string, top: number): Spec[] {
  const lines: Spec[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const width = i === 0 ? CHARS - 2 : CHARS;
    lines.push({ text: text.slice(at, at + width), x: i === 0 ? LEFT + 2 * SIZE : LEFT, y: top - i * 18 });
    at += width;
  }
  return lines;
}

const P1 = '全年全省地区生产总值达到58320.6亿元，比上年增长5.4%，其中第一产业增加值4215.3亿元，增长3.6%；第二产业增加值22408.9亿元，增长5.9%。';
const P2 = '全年城镇新增就业86.4万人，城镇调查失业率平均为5.1%，居民消费价格比上年上涨0.3%，全体居民人均可支配收入增长5.3%。';

describe('PDF layout: runs → paragraphs', () => {
  it('joins the lines of a paragraph without a break, and starts a paragraph at each first-line indent', () => {
    const lines = [...paragraph(P1, 700), ...paragraph(P2, 700 - 18 * 5)];
    expect(layoutPages([page(lines)]).map((p) => p.text)).toEqual([P1, P2]);
  });

  it('keeps a heading apart from the paragraph under it, indented or not', () => {
    const heading = { text: '一、综合', x: LEFT, y: 720 };
    const block = paragraph(P1, 700).map((l) => ({ ...l, x: LEFT }));
    expect(layoutPages([page([heading, ...block])]).map((p) => p.text)).toEqual(['一、综合', P1]);
  });

  it('runs centred title lines together and sets the title apart from the body', () => {
    const centre = (text: string, y: number): Spec => ({ text, x: LEFT + (CHARS * SIZE - text.length * 20) / 2, y, size: 20 });
    const title = [centre('江川省2024年国民经济和社会', 780), centre('发展统计公报', 755)];
    const out = layoutPages([page([...title, ...paragraph(P1, 700)])]).map((p) => p.text);
    expect(out).toEqual(['江川省2024年国民经济和社会发展统计公报', P1]);
  });

  it('removes running headers, footers and page numbers, and continues a paragraph across the page break', () => {
    const header = (n: number): Spec => ({ text: `江川省人民政府公报 2025年第${n}期`, x: LEFT, y: 800, size: 9 });
    const footer = (n: number): Spec => ({ text: `- ${n} -`, x: 290, y: 40, size: 9 });
    const first = paragraph(P1, 700);
    // The page breaks after the paragraph's second line.
    const pages = [
      page([header(1), ...paragraph(P2, 760), ...first.slice(0, 2), footer(1)]),
      page([header(2), ...first.slice(2).map((l, i) => ({ ...l, y: 760 - i * 18 })), ...paragraph(P2, 700), footer(2)]),
      page([header(3), ...paragraph(P2, 760), footer(3)]),
    ];
    const out = layoutPages(pages);
    expect(out.map((p) => p.text).join('')).not.toMatch(/公报|- \d -/);
    expect(out.map((p) => [p.page, p.continues])).toEqual([[0, false], [0, false], [1, true], [1, false], [2, false]]);
    expect(out[1].text + out[2].text).toBe(P1);
  });

  it('starts a new paragraph on the next page when that page begins with an indent', () => {
    const pages = [page(paragraph(P2, 700)), page(paragraph(P1, 760))];
    expect(layoutPages(pages).map((p) => [p.text, p.continues])).toEqual([[P2, false], [P1, false]]);
  });

  it('reads a two-column page column by column, each with its own indents', () => {
    const right = (specs: Spec[]): Spec[] => specs.map((l) => ({ ...l, x: (l.x ?? LEFT) + 300, text: l.text }));
    const narrow = (text: string, top: number): Spec[] => {
      const out: Spec[] = [];
      for (let i = 0, at = 0; at < text.length; i++) {
        const w = i === 0 ? 16 : 18;
        out.push({ text: text.slice(at, at + w), x: i === 0 ? LEFT + 24 : LEFT, y: top - i * 18 });
        at += w;
      }
      return out;
    };
    const out = layoutPages([page([...narrow(P1, 700), ...narrow(P2, 540), ...right(narrow(P2, 700)), ...right(narrow(P1, 540))])]);
    expect(out.map((p) => p.text)).toEqual([P1, P2, P2, P1]);
  });

  it('puts a space between Latin words split over two lines, none between Chinese characters', () => {
    const lines = [
      { text: '报告采用Purchasing Managers', x: LEFT + 24, y: 700 },
      { text: 'Index（PMI）口径，全年平均为50.2%。', x: LEFT, y: 682 },
    ];
    expect(layoutPages([page(lines)])[0].text).toBe('报告采用Purchasing Managers Index（PMI）口径，全年平均为50.2%。');
  });
});
