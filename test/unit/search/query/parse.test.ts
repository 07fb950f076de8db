import { describe, expect, it } from 'vitest';
import { asksForStatistics, parseQuery, type Query, type QueryError } from '../../../../src/core/search/query/parse';

function ok(text: string): Query {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
  return parsed.query;
}

function error(text: string): QueryError {
  const parsed = parseQuery(text);
  if (parsed.ok) throw new Error(`${text} parsed: ${JSON.stringify(parsed.query)}`);
  return parsed.error;
}

/** The part of the query an error points at. */
const marked = (text: string): string => {
  const e = error(text);
  return text.slice(e.start, e.end);
};

describe('parseQuery: words, phrases, exclusions', () => {
  it('splits on white space (full-width too) and keeps each part with its place', () => {
    const q = ok('未成年人犯罪\u3000下降  同比');
    expect(q.words.map((w) => [w.text, w.start, w.end])).toEqual([['未成年人犯罪', 0, 6], ['下降', 7, 9], ['同比', 11, 13]]);
    expect(q.endsWithWord).toBe(true);
  });

  it('reads phrases in ASCII, full-width and Chinese quotes', () => {
    for (const text of ['"信访工作 法治化"', '＂信访工作 法治化＂', '“信访工作 法治化”', '「信访工作 法治化」']) {
      const q = ok(text);
      expect(q.phrases.map((p) => [p.text, p.start, p.end]), text).toEqual([['信访工作 法治化', 0, text.length]]);
      expect(q.words).toEqual([]);
      expect(q.endsWithWord).toBe(false);
    }
  });

  it('a quote inside a word starts a phrase', () => {
    const q = ok('推进“枫桥经验”');
    expect(q.words.map((w) => w.text)).toEqual(['推进']);
    expect(q.phrases.map((p) => p.text)).toEqual(['枫桥经验']);
  });

  it('excludes words and phrases after a minus (full-width too); a lone minus is nothing', () => {
    const q = ok('化解率 -北京 －上海 -"吸附率" - ');
    expect(q.words.map((w) => w.text)).toEqual(['化解率']);
    expect(q.excluded.map((e) => e.text)).toEqual(['北京', '上海', '吸附率']);
    expect(q.endsWithWord).toBe(false);
  });

  it('explains a phrase that is not closed, pointing at it', () => {
    const e = error('化解率 "矛盾纠纷 排查');
    expect(e.message).toMatch(/close the phrase/);
    expect(e.template).toBe('close the phrase: {0} has no closing {1}');
    expect([e.start, e.end]).toEqual([4, 12]);
  });

  it('a Chinese quote left open is punctuation (pasted text cut in a quotation)', () => {
    const q = ok('他说：“我们要 化解率');
    expect(q.phrases).toEqual([]);
    expect(q.words.map((w) => w.text)).toEqual(['他说：', '我们要', '化解率']);
    expect(ok('metric:「化解率').fields[0].values).toEqual(['化解率']);
  });

  it('a query may only exclude (what is left is listed)', () => {
    expect(ok('-北京 -kind:rank').excluded.map((e) => e.text)).toEqual(['北京']);
  });
});

describe('parseQuery: fields', () => {
  it('reads field:value with alternatives, quoted values and negation', () => {
    const q = ok('metric:化解率 subject：湖北 report:"法治 江苏" -period:2024 file:hubei,jiangsu');
    expect(q.fields.map(({ field, values, negated }) => ({ field, values, negated }))).toEqual([
      { field: 'metric', values: ['化解率'], negated: false },
      { field: 'subject', values: ['湖北'], negated: false },
      { field: 'report', values: ['法治 江苏'], negated: false },
      { field: 'period', values: ['2024'], negated: true },
      { field: 'file', values: ['hubei', 'jiangsu'], negated: false },
    ]);
    expect(q.words).toEqual([]);
  });

  it('reads kinds by their English or Chinese names', () => {
    expect(ok('kind:percent,变化，排名').fields[0].values).toEqual(['percent', 'change', 'rank']);
    expect(ok('KIND:Amount').fields[0].values).toEqual(['amount']);
  });

  it('explains unknown fields, kinds and missing values', () => {
    expect(error('化解率 ratio:5').message).toMatch(/unknown field ratio:/);
    expect(marked('化解率 ratio:5')).toBe('ratio:5');
    expect(error('kind:ratio').message).toMatch(/kind:ratio is not a kind of statistic/);
    expect(error('metric: 化解率').message).toBe('metric: needs a value, e.g. metric:化解率');
    expect(marked('下降 subject:')).toBe('subject:');
  });

  it('says which parts ask for statistics only', () => {
    expect(asksForStatistics(ok('化解率 >98%'))).toBe(true);
    expect(asksForStatistics(ok('化解率 metric:化解率'))).toBe(true);
    expect(asksForStatistics(ok('化解率 report:湖北 file:a date:2025'))).toBe(false);
    expect(asksForStatistics(ok('化解率 -kind:rank -<5%'))).toBe(false);
  });
});

describe('parseQuery: dates', () => {
  const range = (text: string): [string, string] => {
    const [d] = ok(text).dates;
    return [d.from, d.to];
  };

  it('reads a year, a month, a day and ranges with open ends', () => {
    expect(range('date:2025')).toEqual(['2025-01-01', '2025-12-31']);
    expect(range('date:2025-3')).toEqual(['2025-03-01', '2025-03-31']);
    expect(range('date:2025/03/08')).toEqual(['2025-03-08', '2025-03-08']);
    expect(range('date:2025-01..2025-06')).toEqual(['2025-01-01', '2025-06-31']);
    expect(range('date:2024..')).toEqual(['2024-01-01', '9999-12-31']);
    expect(range('date:..2024-06')).toEqual(['0000-01-01', '2024-06-31']);
  });

  it('explains what is not a date or a range that ends before it starts', () => {
    expect(error('date:2025-13').message).toMatch(/date:2025-13 is not a date/);
    expect(error('date:yesterday').message).toMatch(/is not a date/);
    expect(error('date:..').message).toMatch(/is not a date/);
    expect(error('date:2025..2024').message).toBe('date:2025..2024 ends before it starts');
    expect(error('date:2024,2025').message).toMatch(/needs one date or range/);
  });
});

describe('parseQuery: figure conditions', () => {
  const figure = (text: string): unknown => {
    const [{ min, max, unit }] = ok(text).figures;
    return { min, max, unit };
  };

  it('reads comparisons with their units', () => {
    expect(figure('>98%')).toEqual({ min: { value: 98, inclusive: false }, max: undefined, unit: '%' });
    expect(figure('<=5%')).toEqual({ min: undefined, max: { value: 5, inclusive: true }, unit: '%' });
    expect(figure('≥0.5个百分点')).toEqual({ min: { value: 0.5, inclusive: true }, max: undefined, unit: '百分点' });
    expect(figure('=1377个')).toEqual({ min: { value: 1377, inclusive: true }, max: { value: 1377, inclusive: true }, unit: '个' });
    expect(figure('＞９８．５％')).toEqual({ min: { value: 98.5, inclusive: false }, max: undefined, unit: '%' });
    expect(figure('<-1%')).toEqual({ min: undefined, max: { value: -1, inclusive: false }, unit: '%' });
  });

  it('scales as extraction does: 亿元 and 万元 are 元, 万人 is 人', () => {
    expect(figure('>=100亿元')).toEqual({ min: { value: 1e10, inclusive: true }, max: undefined, unit: '元' });
    expect(figure('<5000万元')).toEqual({ min: undefined, max: { value: 5e7, inclusive: false }, unit: '元' });
    expect(figure('>1,000万人次')).toEqual({ min: { value: 1e7, inclusive: false }, max: undefined, unit: '人次' });
    expect(figure('>两万人')).toEqual({ min: { value: 2e4, inclusive: false }, max: undefined, unit: '人' });
    expect(figure('>5万千瓦')).toEqual({ min: { value: 5e4, inclusive: false }, max: undefined, unit: '千瓦' });
    expect(figure('>100万')).toEqual({ min: { value: 1e6, inclusive: false }, max: undefined, unit: '' });
    expect(figure('>3元人民币')).toEqual({ min: { value: 3, inclusive: false }, max: undefined, unit: '元' });
  });

  it('reads ranges, the lower end taking the upper one’s scale and unit', () => {
    expect(figure('10..20万人')).toEqual({ min: { value: 1e5, inclusive: true }, max: { value: 2e5, inclusive: true }, unit: '人' });
    expect(figure('5000万..2亿元')).toEqual({ min: { value: 5e7, inclusive: true }, max: { value: 2e8, inclusive: true }, unit: '元' });
    expect(figure('90..95%')).toEqual({ min: { value: 90, inclusive: true }, max: { value: 95, inclusive: true }, unit: '%' });
  });

  it('a figure without a condition stays a word', () => {
    const q = ok('46.4% 20.3');
    expect(q.figures).toEqual([]);
    expect(q.words.map((w) => w.text)).toEqual(['46.4%', '20.3']);
  });

  it('explains a condition without a figure, an unknown unit, a reversed or mixed range', () => {
    expect(error('化解率 >').message).toBe('> needs a figure, e.g. >98% or >=100亿元');
    expect(marked('化解率 >abc 下降')).toBe('>abc');
    expect(error('>5斤斤').message).toBe('>5斤斤: no statistic has the unit 斤斤');
    expect(error('20..10万人').message).toMatch(/lower end comes first/);
    expect(error('10%..20万人').message).toMatch(/different units/);
    expect(error('1..2..3').message).toMatch(/needs a figure/);
  });
});

describe('parseQuery on any input', () => {
  it('never throws, and every error points inside the query', () => {
    const alphabet = ['"', '“', '”', '「', '」', '-', '－', ':', '：', '>', '<', '=', '.', '..', ',', ' ', '　', '%', '亿', '元', '9', '化解率', 'kind', 'date', 'metric', 'x', '\n', '😀'];
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 16807) % 2147483647) % n;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)]).join('');
      const parsed = parseQuery(text);
      if (!parsed.ok) {
        expect(parsed.error.start, text).toBeGreaterThanOrEqual(0);
        expect(parsed.error.end, text).toBeLessThanOrEqual(text.length);
        expect(parsed.error.start, text).toBeLessThan(parsed.error.end);
      }
    }
  });

  it('reads a pasted page of 2,000 characters and a query of 200 words', () => {
    expect(ok('矛盾纠纷'.repeat(500)).words).toHaveLength(1);
    expect(ok(Array.from({ length: 200 }, (_, i) => (i % 3 ? `词${i}` : `-排除${i}`)).join(' ')).words).toHaveLength(133);
  });
});
