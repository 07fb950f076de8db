import { describe, expect, it } from 'vitest';
import { parseQuery, parseViewMessage } from '../../../src/core/table/messages';
import { decodeFile, encodeFile } from '../../../src/core/table/wire';
import { row } from './rows';

describe('messages from the webview', () => {
  it('accepts our messages exactly as sent', () => {
    expect(parseViewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseViewMessage({ type: 'open', id: 'stat-1' })).toEqual({ type: 'open', id: 'stat-1' });
    expect(parseViewMessage({ type: 'act', action: 'cite', ids: ['stat-1', 'stat-2'], nonce: 3 })).toEqual({ type: 'act', action: 'cite', ids: ['stat-1', 'stat-2'], nonce: 3 });
    const state = { type: 'state', query: { text: '增长', sort: { column: 'value', descending: true } }, total: 10, count: 2, first: ['a', 'b'], selected: ['a'], nonce: 7 };
    expect(parseViewMessage(state)).toEqual(state);
  });

  it('rejects anything else: unknown types and actions, ids of the wrong type or shape, commands smuggled in', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'open' },
      { type: 'open', id: 42 },
      { type: 'open', id: '' },
      { type: 'open', id: 'x'.repeat(201) },
      { type: 'open', id: 'stat\n1' },
      { type: 'act', action: 'delete', ids: ['a'] },
      { type: 'act', action: 'cite', ids: 'a' },
      { type: 'act', action: 'cite', ids: ['a', { id: 'b' }] },
      { type: 'act', action: 'cite', ids: ['a'], nonce: -1 },
      { type: 'act', action: 'constructor', ids: [] },
      { type: 'state', query: {}, total: 1, count: 1, first: [] },
      { type: 'state', query: {}, total: 1, count: 1, first: [], selected: [], nonce: 'x' },
      { type: 'state', query: 'x', total: 1, count: 1, first: [], selected: [] },
      { type: 'error', message: 'x'.repeat(10_001) },
      { type: '__proto__' },
    ];
    for (const message of bad) expect(parseViewMessage(message), JSON.stringify(message)).toBeUndefined();
  });

  it('a nonce that is not a count makes the message invalid', () => {
    expect(parseViewMessage({ type: 'act', action: 'copy', ids: [], nonce: 1.5 })).toBeUndefined();
  });

  it('queries keep known fields of the right type only', () => {
    expect(
      parseQuery({
        text: '增长',
        metric: 7,
        kinds: ['change', 'count'],
        dateFrom: '2024-01',
        dateTo: 'yesterday',
        valueMin: 1,
        valueMax: Infinity,
        scope: { reportId: 'rep-1', evil: true },
        sort: { column: 'toString' },
        groupByMetric: 'yes',
        collapsed: ['刑事发案'],
        extra: '…',
      }),
    ).toEqual({ text: '增长', kinds: ['change', 'count'], dateFrom: '2024-01', valueMin: 1, scope: { reportId: 'rep-1' }, collapsed: ['刑事发案'] });
    expect(parseQuery({ kinds: ['change', 'bogus'] })).toEqual({});
    expect(parseQuery({ sort: { column: 'value', descending: 1 } })).toEqual({ sort: { column: 'value', descending: false } });
    expect(parseQuery(null)).toBeUndefined();
  });
});

describe('rows on the wire', () => {
  it('decode(encode(rows)) gives the rows back without their sentence, each report and section sent once', () => {
    const rows = [
      row({ id: 'a', change: 'down', basis: '同比', subject: '湖北省', period: '去年', issuer: '湖北省委政法委', date: '2026-01-21', page: 3, sentence: 's', reportId: 'r1', sectionId: 's1', section: '一、' }),
      row({ id: 'b', metric: '刑事案件发案数', metricKey: '刑事发案', reportId: 'r1', sectionId: 's2', issuer: '湖北省委政法委', date: '2026-01-21' }),
      row({ id: 'c', reportId: 'r2', sectionId: 's3' }),
    ].map((r) => ({ ...r, file: '/c/a.txt' }));
    const wire = encodeFile('/c/a.txt', rows);
    expect(wire.reports).toHaveLength(2);
    expect(wire.sections).toHaveLength(3);
    expect(decodeFile(JSON.parse(JSON.stringify(wire)))).toEqual(rows.map(({ sentence, ...r }) => r));
  });
});
