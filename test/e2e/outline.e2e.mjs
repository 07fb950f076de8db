// The outline flow as a person does it: open the StatCite side bar, expand the 湖北 report, click a
// statistic, and the editor shows the source with the figure selected. The tests are the flow's
// steps, in order, in one workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../code-server/host.mjs';
import { flowHooks } from './workbench.mjs';

const SAMPLE = 'corpus/000_fadfd726848b77a0.txt';
const BODIES = ['北京市委政法委', '江苏省委政法委', '福建省委政法委', '湖北省委政法委', '重庆市委政法委'];
const HUBEI = '着力加强政法基础设施建设 以高水平安全保障高质量发展 — 湖北省委政法委';
const FIGURE = '21.5%';

suite('Outline flow', () => {
  let wb;
  flowHooks('outline', {}, async (opened) => {
    wb = opened;
  });

  test('the StatCite side bar shows the five reports of the sample, each with its issuing body', async () => {
    await wb.openContainer('StatCite');
    await wb.treeRow(HUBEI).waitFor();
    await wb.widenSideBar(520);
    const reports = (await wb.treeRows()).filter((row) => BODIES.some((body) => row.label.endsWith(` — ${body}`)));
    assert.deepEqual(reports.map((row) => row.label.split(' — ').pop()), BODIES);
    await wb.screenshot('sidebar');
  });

  test('expanding the 湖北 report shows its statistics and its three sections', async () => {
    await wb.expandTreeRow(HUBEI);
    // The children arrive from the extension after the twistie turns.
    await wb.treeRow(`${FIGURE} `).waitFor();
    const rows = await wb.treeRows();
    const at = rows.findIndex((row) => row.label === HUBEI);
    const children = [];
    for (const row of rows.slice(at + 1)) {
      if (row.level <= rows[at].level) break;
      if (row.level === rows[at].level + 1) children.push(row.label);
    }
    assert.ok(children.some((label) => label.startsWith(`${FIGURE} `)), `no ${FIGURE} row under 湖北: ${children.join(' | ')}`);
    assert.deepEqual(
      children.filter((label) => /^[一二三四五六七八九十]+、/.test(label)).map((label) => label.slice(0, 2)),
      ['一、', '二、', '三、'],
    );
    await wb.screenshot('hubei-expanded');
  });

  test('clicking the 21.5% statistic opens the source with exactly that figure selected', async () => {
    await wb.treeRow(`${FIGURE} `).click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: path.basename(SAMPLE) }).waitFor();
    // The status bar reads "Ln L, Col C (N selected)" with the cursor at the selection's end.
    await wb.page.locator('[id="status.editor.selection"]', { hasText: `(${FIGURE.length} selected)` }).waitFor();
    const status = await wb.selectionStatus();
    const match = /Ln (\d+), Col (\d+) \((\d+) selected\)/.exec(status);
    assert.ok(match, `status bar reads ${status}`);
    const [line, column, length] = match.slice(1).map(Number);
    const text = fs.readFileSync(path.join(repoRoot, 'test/fixtures/workspace', SAMPLE), 'utf8').split(/\r?\n/)[line - 1];
    assert.equal(text.slice(column - 1 - length, column - 1), FIGURE, `selection on line ${line}: ${status}`);
    assert.ok((await wb.editorText()).includes(FIGURE), `the editor does not show ${FIGURE}`);
    await wb.screenshot('statistic-selected');
  });

  test('resting the mouse on the figure in the source shows its card', async () => {
    const card = await wb.hoverEditorText(FIGURE);
    for (const part of ['刑事发案', HUBEI.split(' — ')[0], '去年刑事发案同比下降21.5%', 'Cite this statistic']) assert.ok(card.includes(part), `the card lacks ${part}:\n${card}`);
    await wb.screenshot('statistic-card', { keepPointer: true });
  });
});
