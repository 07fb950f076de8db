import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_ALIASES } from '../../../src/core/stats/metricAliases';
import { MetricKeys, SHIPPED_METRIC_KEYS, parseMetricAliases } from '../../../src/core/stats/metricKey';
import { loadMetricKeys } from '../../../src/core/stats/metricKeyFile';

const key = (metric: string): string => SHIPPED_METRIC_KEYS.keyOf(metric);

describe('metric keys: one quantity, one key', () => {
  it.each([
    [['矛盾纠纷化解率', '纠纷化解率', '矛盾化解率']],
    [['刑事发案', '刑事案件发案数', '刑事发案数', '刑事案件发案']],
    [['未成年人犯罪人数', '未成年人犯罪数', '未成年人犯罪']],
    [['地区生产总值', '全省地区生产总值', '国内生产总值', 'GDP', '我国国内生产总值']],
    [['矛盾纠纷吸附率', '县以下矛盾纠纷吸附率', '全省矛盾纠纷吸附率']],
    [['“一带一路”航线', '一带一路航线', '"一带一路"航线']],
    [['高新技术企业', '高新技术企业数量', '全省高新技术企业总数']],
    [['刑事发案', '刑事发案新低']],
    [['交通事故', '交通事故起数']],
    [['受理案件', '受理案件数']],
    [['法治薄弱村', '法治薄弱村(社区)', '法治薄弱村（社区）']],
  ])('%j share a key', (names) => {
    const keys = new Set(names.map(key));
    expect([...keys]).toHaveLength(1);
  });

  it.each([
    ['矛盾纠纷化解率', '矛盾纠纷吸附率'],
    ['化解率', '吸附率'],
    ['刑事发案', '现发命案'],
    ['命案', '现发命案'],
    ['未成年人犯罪', '侵害未成年人犯罪'],
    ['城镇调查失业率', '城镇登记失业率'],
    ['空气质量优良天数比例', '空气质量优良天数'],
    ['参保人数', '参保户数'],
    ['居民消费价格指数', '居民消费价格涨幅指数的分项'],
    ['集装箱吞吐量', '货物吞吐量'],
    ['新接订单量', '手持订单量'],
    ['一般公共预算收入', '一般公共预算支出'],
  ])('%s and %s keep apart', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('keys a share as the noun phrase X占Y的比重, however worded; a whole named as our own is the whole', () => {
    for (const name of ['研发投入占营业收入', '研发投入占营业收入比重', '研发投入占营业收入的比重', '研发投入占营业收入的比例']) {
      expect(key(name), name).toBe('研发投入占营业收入的比重');
    }
    expect(key('对东盟进出口占我国外贸总值')).toBe('对东盟进出口占外贸总值的比重');
    expect(key('新能源汽车产量占全国')).toBe('新能源汽车产量占全国的比重');
    expect(key('动力电池产量占全国总产量')).not.toBe(key('动力电池产量占全省总产量'));
    expect(key('民生支出占比')).toBe('民生支出占比');
  });

  it('a 的 after a word of two characters is no part of the key (参赛的运动员 = 参赛运动员); a longer clause keeps it', () => {
    expect(key('参赛的运动员')).toBe(key('参赛运动员'));
    expect(key('新增的市场主体')).toBe(key('新增市场主体'));
    expect(key('增选为两院院士的科学家')).toBe('增选为两院院士的科学家');
  });

  it('keeps the 数 of 指数, 系数 and 天数, and an empty phrase has no key', () => {
    expect(key('服务业生产指数')).toBe('服务业生产指数');
    expect(key('基尼系数')).toBe('基尼系数');
    expect(key('优良天数')).toBe('优良天数');
    expect(key('')).toBe('');
  });

  it('names each shipped group by its first name, and no wording belongs to two groups', () => {
    const owner = new Map<string, string>();
    for (const [first, ...names] of METRIC_ALIASES) {
      for (const name of [first, ...names]) {
        expect(key(name), name).toBe(first);
        expect(owner.get(name), `${name} is in the groups of ${owner.get(name)} and ${first}`).toBeUndefined();
        owner.set(name, first);
      }
    }
  });
});

describe('the user alias file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'statcite-aliases-'));

  it('reads one group a line, key first, and reports lines that name only one metric', () => {
    const { groups, problems } = parseMetricAliases('# 我的别名\n办结率 结办率, 按期办结率\n\n孤单\n', 'aliases.txt');
    expect(groups).toEqual([['办结率', '结办率', '按期办结率']]);
    expect(problems).toEqual(['aliases.txt:4: a group needs the key and at least one other name ("孤单")']);
  });

  it('extends the shipped table; its groups win where they name the same wording', () => {
    const file = path.join(dir, 'aliases.txt');
    writeFileSync(file, '热线满意率 群众满意率 满意率\n命案 现发命案\n');
    const keys = loadMetricKeys(file);
    expect(keys.keyOf('群众满意率')).toBe('热线满意率');
    expect(keys.keyOf('现发命案')).toBe('命案');
    expect(keys.keyOf('刑事案件发案数')).toBe('刑事发案');
  });

  it('falls back to the shipped table, with a warning naming the file, when the file cannot be read', () => {
    const warnings: string[] = [];
    const file = path.join(dir, 'missing.txt');
    const keys = loadMetricKeys(file, { info: () => {}, warn: (m) => warnings.push(m), error: () => {} });
    expect(keys).toBe(SHIPPED_METRIC_KEYS);
    expect(warnings.join('\n')).toContain(file);
  });
});

describe('matching a query to keys', () => {
  const keys = ['矛盾纠纷化解率', '矛盾纠纷吸附率', '刑事发案', '现发命案', '未成年人犯罪', '侵害未成年人犯罪'];
  const keysOf = new MetricKeys(METRIC_ALIASES);

  it('takes the key of the query words, however worded', () => {
    expect(keysOf.match('刑事案件发案数', keys)).toEqual({ key: '刑事发案', keys: ['刑事发案'], exact: true });
    expect(keysOf.match('未成年人犯罪人数', keys).keys).toEqual(['未成年人犯罪']);
    expect(keysOf.match('纠纷化解率', keys).keys).toEqual(['矛盾纠纷化解率']);
  });

  it('falls back to the keys containing the words when no key is exactly theirs', () => {
    expect(keysOf.match('化解率', keys)).toEqual({ key: '化解率', keys: ['矛盾纠纷化解率'], exact: false });
  });

  it('matches nothing for an unknown metric', () => {
    expect(keysOf.match('航班正常率', keys).keys).toEqual([]);
  });
});
