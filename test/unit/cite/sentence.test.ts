import { describe, expect, it } from 'vitest';
import { statisticSentence } from '../../../src/core/cite/sentence';
import { changeText, figureText } from '../../../src/core/stats/label';
import type { Statistic } from '../../../src/core/model';
import { centres, crime } from './fixture';

const TEMPLATE = '{subject}{period}{metric}{change}{figure}';

describe('the sentence before a marker', () => {
  it('subject, period, metric, the movement words of the source, the figure', () => {
    expect(statisticSentence(crime, TEMPLATE)).toBe('湖北省去年刑事发案同比下降21.5%');
  });
  it('the measure word follows the figure as the source writes it', () => {
    expect(figureText(centres)).toBe('1377个');
    const approx: Statistic = { ...centres, text: '8400', unit: '家', sentence: '线上入驻单位8400余家', range: { start: 1006, end: 1010 } };
    expect(figureText(approx)).toBe('8400余家');
  });
  it('"from X to Y" keeps its starting value; a period already in the words is not repeated', () => {
    const fall: Statistic = { ...crime, text: '1.5%', metric: '化解超期率', period: undefined, sentence: '化解超期率由10%降至1.5%', range: { start: 1012, end: 1016 } };
    expect(changeText(fall)).toBe('由10%降至');
    const within: Statistic = { ...crime, text: '50.2%', metric: '四级登记信访', period: '2024年', sentence: '四级登记信访在2024年压降50.2%', range: { start: 1015, end: 1020 } };
    expect(statisticSentence(within, TEMPLATE)).toBe('湖北省四级登记信访在2024年压降50.2%');
  });
  it('without the metric in the sentence the movement comes from basis and direction', () => {
    expect(changeText({ ...crime, sentence: '同比下降21.5%', metric: '刑事案件', range: { start: 1004, end: 1009 } })).toBe('同比下降');
  });
  it('other templates: the source sentence, unknown names left as written', () => {
    expect(statisticSentence(crime, '据报道，{sentence}')).toBe('据报道，去年刑事发案同比下降21.5%');
    expect(statisticSentence(crime, '{figure}{nope}')).toBe('21.5%{nope}');
  });
});
