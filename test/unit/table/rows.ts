import type { StatRow } from '../../../src/core/table/row';

let n = 0;
/** A table row with defaults; tests state only what they are about. */
export function row(fields: Partial<StatRow>): StatRow {
  n += 1;
  return {
    id: `stat-${n}`,
    figure: '1',
    value: 1,
    unit: '',
    kind: 'count',
    approx: false,
    metric: 'm',
    metricKey: fields.metric ?? 'm',
    report: '报告',
    section: '',
    file: '/corpus/a.txt',
    start: n * 10,
    end: n * 10 + 2,
    reportId: 'rep-1',
    sectionId: 'sec-1',
    ...fields,
  };
}
