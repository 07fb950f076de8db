// Figures typed in a draft, traced as a person writes: a new Markdown draft, a sentence typed with
// 湖北's 21.5% and a mistyped 江苏 figure; the status bar counts the figures, the typed 21.5% carries
// a note naming its source, the quick fix Cite this source puts the footnote marker right after the
// figure and the entry at the end, and the mistyped figure carries a warning with the source's value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flowHooks } from './workbench.mjs';

const DRAFT = 'drafts/trace.md';
const HEADING = '# 政法工作综述';
const FOUND = '湖北去年刑事发案下降21.5%';
const DIFFERS = '江苏为群众讨回欠款58亿元';
const HUBEI = '着力加强政法基础设施建设 以高水平安全保障高质量发展';

suite('Trace flow', () => {
  let wb;
  flowHooks('trace', {}, async (opened) => {
    wb = opened;
    fs.writeFileSync(path.join(wb.workspace, DRAFT), `${HEADING}\n\n`);
  });

  test('typing figures in a draft: the status bar counts them as traceable', async () => {
    await wb.openFile(path.basename(DRAFT));
    await wb.page.locator('.editor-instance .view-lines', { hasText: HEADING }).waitFor();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type(`${FOUND}，${DIFFERS}。`);
    await wb.page.locator('.editor-instance .view-lines', { hasText: DIFFERS }).waitFor();
    const status = wb.page.locator('.statusbar-item', { hasText: 'figures:' });
    await status.filter({ hasText: '2 figures: 0 cited · 2 traceable · 0 unsourced' }).waitFor({ timeout: 30_000 });
  });

  test('the typed 21.5% carries a note naming its source', async () => {
    const card = await wb.hoverEditorText('21.5%');
    assert.ok(card.includes(`Matches 21.5% in 湖北省委政法委《${HUBEI}》`), `the card does not name the source:\n${card}`);
    await wb.screenshot('found', { keepPointer: true });
  });

  test('Cite this source puts [^1] right after the figure and the entry at the end, no sentence added', async () => {
    await wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Quick Fix' }).first().click();
    // The preferred fix comes first and has the focus, as Enter takes it.
    await wb.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Cite this source' }).waitFor();
    await wb.screenshot('quick-fix');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.editor-instance .view-lines', { hasText: '[^1]:' }).waitFor();
    const lines = (await wb.editorText()).split('\n');
    assert.ok(lines.includes(`${FOUND}[^1]，${DIFFERS}。`), lines.join('\n'));
    assert.ok(lines.some((line) => line.startsWith(`[^1]: 湖北省委政法委. ${HUBEI}[`)), lines.join('\n'));
    await wb.page.locator('.statusbar-item', { hasText: '2 figures: 1 cited · 1 traceable · 0 unsourced' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('cited');
  });
  test('the mistyped figure carries a warning with the source’s value, and its quick fix writes that value', async () => {
    const card = await wb.hoverEditorText('58亿');
    assert.ok(card.includes('gives 60.67亿 for this, not 58亿'), `the card does not give the source's figure:\n${card}`);
    await wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Quick Fix' }).first().click();
    await wb.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Use the source’s figure 60.67亿' }).waitFor();
    await wb.screenshot('differs');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.editor-instance .view-lines', { hasText: '江苏为群众讨回欠款60.67亿元' }).waitFor();
    await wb.page.locator('.statusbar-item', { hasText: '2 figures: 1 cited · 1 traceable · 0 unsourced' }).waitFor({ timeout: 30_000 });
  });

});
