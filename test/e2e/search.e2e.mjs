// The search flow as a person does it: F1 → StatCite: Search Corpus, type 未成年人犯罪, read the
// ranked results, choose 湖北's, and the editor opens the sample at that result's range. The tests
// are the flow's steps, in order, in one workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../code-server/host.mjs';
import { flowHooks } from './workbench.mjs';

const SAMPLE = 'corpus/000_fadfd726848b77a0.txt';
const QUERY = '未成年人犯罪';
/** 湖北's report, as the results' description names it, and its figure for this query. */
const HUBEI = '着力加强政法基础设施建设 以高水平安全保障高质量发展';
const FIGURE = '20.3%';
/** The page's title, which every result of the sample shares. */
const PAGE = '夯实高质量发展发展的安全根基';
/** A report to search in from the outline. */
const CHONGQING = '强化数智赋能 建设具有重庆辨识度的政法工作数字化平台';
/** How far down 湖北's result may rank and still count as a top result. */
const TOP = 5;

suite('Search flow', () => {
  let wb;
  flowHooks('search', {}, async (opened) => {
    wb = opened;
  });

  test('F1 → StatCite: Search Corpus opens the search box', async () => {
    await wb.runCommand('StatCite: Search Corpus');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: /^Search Corpus$/ }).waitFor();
    assert.equal(await wb.quickInput.inputValue(), '', 'the search box should start empty (nothing was selected)');
    // The empty box teaches the query language by example.
    await wb.quickPickRow('metric:化解率').waitFor();
    const examples = (await wb.quickPickRows()).map((row) => row.label);
    for (const example of ['"信访工作法治化"', '-北京', '化解率 >98%', 'date:2025-01..2025-06']) assert.ok(examples.includes(example), `no example ${example}: ${examples.join(' | ')}`);
    await wb.screenshot('search-box');
  });

  test(`typing ${QUERY} lists ranked results with 湖北's ${FIGURE} among the first ${TOP}`, async () => {
    await wb.typeInQuickInput(QUERY);
    // The title counts the results once the index has answered; a result's snippet shows the query.
    const answered = wb.page.locator('.quick-input-widget .quick-input-title', { hasText: /^Search Corpus: no results$/ });
    const found = wb.page.locator('.quick-input-widget .monaco-list-row .quick-input-list-label-meta', { hasText: QUERY });
    await answered.or(found).first().waitFor();
    const title = await wb.page.locator('.quick-input-widget .quick-input-title').innerText();
    const rows = await wb.quickPickRows();
    const shown = rows.map((row, i) => `${i + 1}. ${row.label} | ${row.description} | ${row.detail.slice(0, 60)}`).join('\n');
    assert.doesNotMatch(title, /no results/, `the search found nothing for ${QUERY}:\n${shown}`);
    const count = Number(/(\d+) results?/.exec(title)?.[1]);
    assert.ok(count >= 3, `title "${title}"`);
    // Ranked: the best results are about the query itself.
    for (const row of rows.slice(0, 3)) assert.ok(`${row.label}${row.detail}`.includes(QUERY), `a top result without ${QUERY}:\n${shown}`);
    // Results lead with what tells them apart, not the page title they share.
    for (const row of rows) assert.notEqual(row.label, PAGE, `a result titled with the page title:\n${shown}`);
    const hubei = rows.findIndex((row) => row.description.includes(HUBEI) && row.label.includes(FIGURE));
    assert.ok(hubei >= 0 && hubei < TOP, `湖北's ${FIGURE} is not among the first ${TOP} results:\n${shown}`);
    assert.match(rows[hubei].detail, new RegExp(`${QUERY}数同比下降${FIGURE}`));
    await wb.screenshot('results');
  });

  test(`choosing 湖北's result opens the sample with ${FIGURE} selected`, async () => {
    await wb.quickPickRow(FIGURE).filter({ hasText: HUBEI }).click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: path.basename(SAMPLE) }).waitFor();
    await wb.page.locator('[id="status.editor.selection"]', { hasText: 'selected)' }).waitFor();
    const status = await wb.selectionStatus();
    const match = /Ln (\d+), Col (\d+) \((\d+) selected\)/.exec(status);
    assert.ok(match, `status bar reads ${status}`);
    const [line, column, length] = match.slice(1).map(Number);
    // The cursor stands at the selection's end: what lies the selected length before it.
    const lines = fs.readFileSync(path.join(repoRoot, 'test/fixtures/workspace', SAMPLE), 'utf8').split('\n');
    const end = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
    const selected = lines.join('\n').slice(end - length, end);
    assert.ok(selected.includes(FIGURE), `selected "${selected}" (${status}), not ${FIGURE}`);
    assert.ok(lines[line - 1].includes(`${QUERY}数同比下降${FIGURE}`), `line ${line} is not 湖北's sentence: ${lines[line - 1].slice(0, 80)}`);
    assert.ok((await wb.editorText()).includes(FIGURE), `the editor does not show ${FIGURE}`);
    await wb.screenshot('result-opened');
  });

  test('a malformed query is explained in the box; a figure condition lists the figures that meet it', async () => {
    await wb.runCommand('StatCite: Search Corpus');
    await wb.typeInQuickInput('化解率 kind:ratio');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'the query needs a fix' }).waitFor();
    const [problem] = await wb.quickPickRows();
    assert.match(problem.label, /kind:ratio is not a kind of statistic/);
    assert.match(problem.detail, /«kind:ratio»/);
    await wb.screenshot('query-error');
    await wb.quickInput.fill('');
    await wb.typeInQuickInput('化解率 >98%');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: /: 2 results$/ }).waitFor();
    const figures = (await wb.quickPickRows()).map((row) => row.label.split(' ')[0]).sort();
    assert.deepEqual(figures, ['98.6%', '99.8%']);
    await wb.screenshot('figure-condition');
    await wb.page.keyboard.press('Escape');
  });

  test('Search Here… on a report of the outline finds only what that report says', async () => {
    await wb.openContainer('StatCite');
    const row = wb.treeRow(CHONGQING);
    await row.waitFor();
    // The row's inline action, shown while the mouse is on the row.
    await row.hover();
    await row.locator('.action-label[aria-label="Search Here…"]').click();
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: `Search in ${CHONGQING}` }).waitFor();
    await wb.typeInQuickInput('下降');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: /results?$/ }).waitFor();
    const rows = await wb.quickPickRows();
    assert.ok(rows.length > 0, 'no results in the 重庆 report');
    for (const r of rows) assert.ok(`${r.label} ${r.description}`.includes(CHONGQING), `a result from elsewhere: ${r.label} · ${r.description}`);
    await wb.screenshot('scoped-results');
  });
});
