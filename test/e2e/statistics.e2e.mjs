// The Statistics view as a person uses it: opened from the outline's title bar, the table of every
// statistic of the sample, moved through and selected with the keyboard, the source opened with
// Enter; then Compare for 未成年人犯罪 across 福建, 湖北 and 重庆; and the table on the benchmark
// corpus (../shared/bench/xwlb/news, about 68,000 statistics). Screenshots for the README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../code-server/host.mjs';
import { flowHooks } from './workbench.mjs';

/** The view's page: code-server puts a webview's document in an iframe inside an iframe. */
function view(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** "62 of 62 statistics" → [62, 62]. */
async function counts(frame) {
  const text = await frame.locator('.status').innerText();
  const m = text.match(/([\d,]+) of ([\d,]+) statistics/);
  assert.ok(m, `status reads: ${text}`);
  return [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
}

/** The StatCite side bar, then the table button in its title bar; resolves once the table shows rows. */
async function openFromTitleBar(wb, timeout = 60_000) {
  await wb.openContainer('StatCite');
  await wb.page.locator('.sidebar .title-actions a[aria-label="Open Statistics View"]').first().click();
  const frame = view(wb.page);
  await frame.locator('.grid .spacer .line').first().waitFor({ timeout });
  return frame;
}

suite('Statistics view flow (sample)', () => {
  let wb;
  let frame;
  flowHooks('statistics', {}, async (opened) => {
    wb = opened;
  });

  test('the outline title bar opens the table of every statistic, sorted by a column’s title', async () => {
    frame = await openFromTitleBar(wb);
    const [shown, total] = await counts(frame);
    assert.equal(shown, total);
    assert.ok(total > 50, `${total} statistics`);
    const header = await frame.locator('.line.header .cell').allInnerTexts();
    for (const column of ['Figure', 'Value', 'Kind', 'Metric', 'Subject', 'Period', 'Report', 'File']) assert.ok(header.some((h) => h.startsWith(column)), `no column ${column}: ${header.join(' | ')}`);
    await frame.getByRole('button', { name: 'Value', exact: true }).click();
    await frame.locator('[aria-sort="ascending"]').waitFor();
    await wb.screenshot('table');
  });

  test('the keyboard moves, selects and opens: Space selects, Enter opens the source at the figure', async () => {
    // Text that does not read as a query says why, and its words still filter.
    await frame.locator('.text-filter').fill('刑事 date:yesterday');
    await frame.locator('.text-error', { hasText: 'date:yesterday is not a date' }).waitFor();
    await frame.locator('.text-filter').fill('刑事发案');
    await frame.locator('.text-error').waitFor({ state: 'hidden' });
    await frame.locator('.grid').focus();
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Space');
    await frame.locator('.status', { hasText: '1 selected' }).waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tabs-container .tab', { hasText: '000_fadfd726848b77a0.txt' }).waitFor();
    // The figure is selected in the source (its digits, e.g. 22 of 22年).
    await wb.page.locator('[id="status.editor.selection"]', { hasText: /\(\d+ selected\)/ }).waitFor();
    await wb.screenshot('opened');
  });

  test('Compare: 未成年人犯罪 across 福建, 湖北 and 重庆, values labelled', async () => {
    // The source goes, so the chart has the width of the window.
    await wb.page.locator('.tabs-container .tab', { hasText: '000_fadfd726848b77a0.txt' }).locator('.codicon-close').click();
    await frame.locator('.text-filter').fill('');
    await frame.getByRole('tab', { name: 'Compare' }).click();
    // The provinces word it differently (未成年人犯罪人数 / 未成年人犯罪数 / 未成年人犯罪): the
    // words match every metric key containing them when none is exactly them.
    await frame.locator('.compare-bar input[type="search"]').fill('未成年人犯');
    await frame.locator('.chart canvas').first().waitFor();
    const data = await frame.locator('.chart-data tr').allTextContents();
    for (const place of ['福建', '湖北', '重庆']) assert.ok(data.some((row) => row.includes(place)), `no ${place} in the chart: ${data.join(' | ')}`);
    assert.ok(data.every((row) => /[↓↑]?\d+(\.\d+)?%/.test(row)), data.join(' | '));
    await wb.page.waitForTimeout(1000); // the bars' entry animation
    await wb.screenshot('compare');
  });
});

const BENCH = path.resolve(repoRoot, '../shared/bench/xwlb/news');

suite('Statistics view flow (benchmark corpus)', function () {
  let wb;
  flowHooks('statistics-bench', { emptyWorkspace: true, settings: { 'statcite.corpus.folders': [BENCH] } }, async (opened) => {
    wb = opened;
  });

  test('the table of the news corpus: about 70,000 statistics, filtered at once', async function () {
    if (!fs.existsSync(BENCH)) assert.fail(`the benchmark corpus is not at ${BENCH}`);
    // The first read of 1,400 files takes a while (the outline fills meanwhile); the table fills
    // once the corpus is read and indexed.
    const frame = await openFromTitleBar(wb, 170_000);
    // Rows arrive in batches: wait for the last ones (a total of 60,000 or more).
    await frame.locator('.status', { hasText: /of (?:[6-9]\d|\d{3}),\d{3} statistics/ }).waitFor({ timeout: 60_000 });
    const [, total] = await counts(frame);
    assert.ok(total > 60_000, `${total} statistics`);
    await frame.locator('.text-filter').fill('进出口');
    await frame.locator('.status', { hasText: new RegExp(`^[\\d,]+ of ${total.toLocaleString('en-US')}`) }).waitFor();
    const [shown] = await counts(frame);
    assert.ok(shown > 0 && shown < total, `${shown} of ${total}`);
    await frame.locator('.grid').focus();
    await wb.page.keyboard.press('End');
    await wb.screenshot('bench-table');
  });
});
