import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpusFile } from '../../../src/core/load';
import type { Statistic } from '../../../src/core/model';
import { figureText, statisticLabel } from '../../../src/core/stats/label';
import { repoRoot, sampleSeed, statisticsOf } from '../../../scripts/eval-stats.lib';

// The sample dated as its page was (2026-01-21): the labels a writer reads in the outline.
const seed = sampleSeed(repoRoot(__dirname));
const stats = statisticsOf(loadCorpusFile(fs.readFileSync(seed.text), seed.text, { date: '2026-01-21' }));
const at = (text: string, metric: string): Statistic => {
  const found = stats.filter((s) => s.text === text && s.metric.includes(metric));
  if (found.length !== 1) throw new Error(`${text} ${metric}: ${found.length} statistics`);
  return found[0];
};

describe('labels a writer can trust', () => {
  it('shows the figure as written, with its unit: 60.67亿元, 8400余家, 连续两年, 前10位', () => {
    expect(figureText(at('60.67亿', '欠款'))).toBe('60.67亿元');
    expect(figureText(at('8400', '入驻单位'))).toBe('8400余家');
    expect(figureText(at('两', '电信诈骗'))).toBe('连续两年');
    expect(figureText(at('10', '法治政府建设评估'))).toBe('前10位');
    expect(statisticLabel(at('60.67亿', '欠款'))).toBe('60.67亿元 为群众讨回欠款');
    expect(statisticLabel(at('两', '电信诈骗'))).toBe('连续两年 电信诈骗案');
  });

  it('tells 50.2% and 5.9% of 四级登记信访 apart by their movement and period', () => {
    const first = statisticLabel(at('50.2%', '信访'));
    const second = statisticLabel(at('5.9%', '信访'));
    expect(first).toBe('50.2% 四级登记信访在2024年压降');
    expect(second).toBe('5.9% 四级登记信访再降 · 2025年');
    expect(at('5.9%', '信访')).toMatchObject({ period: '2025年', subject: '湖北省', issuer: '湖北省委政法委' });
  });

  it('keeps the subject apart from the issuer the same way in every report', () => {
    expect(at('71', '研究成果')).toMatchObject({ subject: '江苏省', issuer: '江苏省委政法委' });
    expect(at('30.97%', '矛盾纠纷')).toMatchObject({ subject: '全省综治中心', issuer: '福建省委政法委' });
    expect(at('21.5%', '刑事发案')).toMatchObject({ subject: '湖北省', issuer: '湖北省委政法委', period: '2025年' });
    expect(at('134.6万', '矛盾纠纷')).toMatchObject({ subject: '重庆市', issuer: '重庆市委政法委', period: '2025年' });
  });

  it('the garbled labels of the sample read as names of quantities', () => {
    expect(at('5', '营商环境').metric).toBe('获评营商环境最佳口碑省份');
    expect(at('1', '攻坚').metric).toBe('清剿毒品集中攻坚');
    expect(at('98.6%', '化解率')).toMatchObject({ metric: '县以下矛盾纠纷化解率', metricKey: '矛盾纠纷化解率' });
    expect(at('99.8%', '矛盾纠纷化解率')).toMatchObject({ metricKey: '矛盾纠纷化解率' });
  });
});
