// The first run as a person meets it: a workspace with no corpus, the StatCite side bar explains
// what it reads and offers the bundled sample; one click and the sample's outline is there.
import * as assert from 'node:assert/strict';
import { flowHooks } from './workbench.mjs';

const BODIES = ['北京市委政法委', '江苏省委政法委', '福建省委政法委', '湖北省委政法委', '重庆市委政法委'];

suite('Onboarding flow', () => {
  let wb;
  flowHooks('onboarding', { emptyWorkspace: true }, async (opened) => {
    wb = opened;
  });

  test('with no corpus, the side bar says what it reads and offers the sample corpus', async () => {
    await wb.openContainer('StatCite');
    const welcome = wb.page.locator('.sidebar .welcome-view-content');
    await welcome.waitFor({ timeout: 30_000 });
    assert.match(await welcome.innerText(), /corpus/);
    await wb.page.locator('.sidebar .welcome-view-content .monaco-button', { hasText: 'Open Sample Corpus' }).waitFor();
    await wb.page.locator('.sidebar .welcome-view-content .monaco-button', { hasText: 'Choose Corpus Folder' }).waitFor();
    await wb.screenshot('welcome');
  });

  test('Open Sample Corpus fills the outline with the sample and opens it', async () => {
    await wb.page.locator('.sidebar .welcome-view-content .monaco-button', { hasText: 'Open Sample Corpus' }).click();
    await wb.treeRow('000_fadfd726848b77a0.txt').waitFor({ timeout: 30_000 });
    await wb.treeRow('湖北省委政法委').waitFor();
    const reports = (await wb.treeRows()).filter((row) => BODIES.some((body) => row.label.endsWith(` — ${body}`)));
    assert.deepEqual(reports.map((row) => row.label.split(' — ').pop()), BODIES);
    await wb.page.locator('.tabs-container .tab.active', { hasText: '000_fadfd726848b77a0.txt' }).waitFor();
    await wb.screenshot('sample-opened');
  });
});
