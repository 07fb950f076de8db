// The cite flow as a person does it: a new Markdown draft, F1 → StatCite: Insert Statistic
// Citation, type 刑事发案, pick 湖北's 21.5%, and the draft holds the sentence, the footnote marker
// and a GB/T 7714 reference entry; resting the mouse on the marker shows the source in a card. The
// tests are the flow's steps, in order, in one workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flowHooks } from './workbench.mjs';

const DRAFT = 'drafts/report.md';
const HEADING = '# 基层治理调研报告';
const INTRO = '据统计,';
const QUERY = '刑事发案';
/** 湖北's report, as the statistic rows' description names it, and the figure to cite. */
const HUBEI = '着力加强政法基础设施建设 以高水平安全保障高质量发展';
const FIGURE = '21.5%';
/** What the source says around the figure (the sample, line 65). */
const SOURCE = `去年${QUERY}同比下降${FIGURE}`;

suite('Cite flow', () => {
  let wb;
  flowHooks('cite', {}, async (opened) => {
    wb = opened;
    // A new draft in the workspace, as a person would have saved it from File › New File.
    fs.writeFileSync(path.join(wb.workspace, DRAFT), `${HEADING}\n\n`);
  });

  test('the new Markdown draft opens and takes the first words of a sentence', async () => {
    await wb.openFile(path.basename(DRAFT));
    await wb.page.locator('.editor-instance .view-lines', { hasText: HEADING }).waitFor();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type(INTRO);
    await wb.page.locator('.editor-instance .view-lines', { hasText: INTRO }).waitFor();
    assert.match(await wb.editorText(), new RegExp(`^${HEADING}\\n+${INTRO}$`));
    await wb.screenshot('draft');
  });

  test(`Insert Statistic Citation lists 湖北's ${FIGURE} for ${QUERY}`, async () => {
    await wb.runCommand('StatCite: Insert Statistic Citation');
    await wb.page.locator('.quick-input-widget .quick-input-box input[placeholder^="Search the statistics"]').waitFor();
    await wb.typeInQuickInput(QUERY);
    const hubei = wb.quickPickRow(FIGURE).filter({ hasText: HUBEI });
    try {
      await hubei.waitFor({ timeout: 15_000 });
    } catch {
      const rows = (await wb.quickPickRows()).map((row) => `${row.label} | ${row.description}`).join('\n');
      assert.fail(`no row for 湖北's ${FIGURE} after typing ${QUERY}; the pick shows:\n${rows || '(no rows)'}`);
    }
    const rows = await wb.quickPickRows();
    // Statistics only, each shown by its figure and what it measures.
    for (const row of rows) assert.match(row.label, new RegExp(`^\\S+\\s+\\S`), `not a statistic row: ${row.label}`);
    assert.ok(rows.some((row) => row.label.startsWith(FIGURE) && row.label.includes(QUERY) && row.detail.includes(SOURCE)));
    await wb.screenshot('statistics');
  });

  test(`picking it writes the sentence with ${FIGURE}, the marker [^1] and a GB/T 7714 reference entry`, async () => {
    await wb.quickPickRow(FIGURE).filter({ hasText: HUBEI }).click();
    await wb.page.locator('.editor-instance .view-lines', { hasText: '[^1]:' }).waitFor();
    const lines = (await wb.editorText()).split('\n');
    const sentence = lines.find((line) => line.startsWith(INTRO));
    // The template {subject}{period}{metric}{change}{figure}, then the marker where the cursor was.
    assert.equal(sentence, `${INTRO}湖北省${SOURCE}[^1]`);
    const entry = lines.find((line) => line.startsWith('[^1]:'));
    // GB/T 7714-2015: 主要责任者. 题名[文献类型标识]. …, the issuing body as the author.
    assert.match(entry, new RegExp(`^\\[\\^1\\]: 湖北省委政法委\\. ${HUBEI}\\[(N|R|EB/OL)\\]\\. `), `reference entry: ${entry}`);
    assert.ok(lines.indexOf(entry) > lines.indexOf(sentence), 'the reference list should follow the text');
    await wb.screenshot('cited');
  });

  test('resting the mouse on the marker shows the card with the source sentence', async () => {
    const card = await wb.hoverEditorText('[^1]');
    assert.ok(card.includes(SOURCE), `the card does not quote the source:\n${card}`);
    assert.ok(card.includes(HUBEI), `the card does not name the report:\n${card}`);
    await wb.screenshot('marker-hover', { keepPointer: true });
  });
});
