// Drives the code-server workbench the way a person does — activity bar, tree rows, F1, the
// editor, the status bar — with StatCite installed from its .vsix (not as a development extension),
// and saves a screenshot of each step under test-results/e2e/<flow>/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installVsix, launchChromium, makeTempDir, repoRoot, startCodeServer, workbenchUrl } from '../code-server/host.mjs';

const resultsDir = path.join(repoRoot, 'test-results/e2e');

/**
 * A clean code-server with only the .vsix installed, a fresh copy of the fixture workspace open in
 * headless Chromium, and the StatCite activity-bar entry ready.
 */
export async function openWorkbench(flow, vsix = process.env.STATCITE_VSIX) {
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`No .vsix at ${vsix}: run the e2e tests with npm run test:e2e`);
  const dir = makeTempDir(`statcite-e2e-${flow}-`);
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const extensionsDir = path.join(dir, 'ext');
  installVsix(vsix, extensionsDir, path.join(dir, 'data'));

  // Wrapped lines keep the selected figure in view in the screenshots.
  const server = await startCodeServer(dir, { extensionsDir, settings: { 'editor.wordWrap': 'on' } });
  const browser = await launchChromium();
  const viewport = { width: 1440, height: 900 };
  const page = await browser.newPage({ viewport });
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });

  const shots = path.join(resultsDir, flow);
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  let step = 0;

  return {
    page,
    workspace,
    /** Saves what a person sees now as test-results/e2e/<flow>/<nn>-<name>.png. */
    async screenshot(name) {
      step += 1;
      // Off any hover target (an empty stretch of the activity bar), so no stray tooltip shows.
      await page.mouse.move(24, viewport.height - 300);
      const file = path.join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    /** Clicks an activity-bar entry by its title and waits for its side bar. */
    async openContainer(title) {
      await page.locator(`.activitybar a[aria-label^="${title}"]`).click();
      // The side bar's title reads "<container>" or, with a single view, "<container>: <view>".
      await page.locator('.sidebar .composite.title .title-label h2', { hasText: new RegExp(`^${escapeRegExp(title)}`, 'i') }).waitFor();
    },
    /** Drags the side bar's edge so long tree labels show in full in the screenshots. */
    async widenSideBar(width) {
      const box = await page.locator('.part.sidebar').boundingBox();
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width - 1, y);
      await page.mouse.down();
      await page.mouse.move(box.x + width, y, { steps: 5 });
      await page.mouse.up();
    },
    /** The rows of the tree views in the side bar, as shown: label, description, depth, expanded. */
    async treeRows() {
      return page.locator('.sidebar .pane-body .monaco-list-row').evaluateAll((rows) =>
        rows.map((row) => ({
          label: row.querySelector('.label-name')?.textContent ?? '',
          description: row.querySelector('.label-description')?.textContent ?? '',
          level: Number(row.getAttribute('aria-level')),
          expanded: row.getAttribute('aria-expanded'),
        })),
      );
    },
    /** The first side-bar tree row whose label contains `label`. */
    treeRow(label) {
      return page.locator('.sidebar .pane-body .monaco-list-row').filter({
        has: page.locator('.label-name', { hasText: label }),
      }).first();
    },
    /** Opens a tree row by its twistie, as clicking the row itself runs its command instead. */
    async expandTreeRow(label) {
      const row = this.treeRow(label);
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
      // A locator, not an element handle: the list re-renders its rows as they change.
      await page
        .locator('.sidebar .pane-body .monaco-list-row[aria-expanded="true"]')
        .filter({ has: page.locator('.label-name', { hasText: label }) })
        .first()
        .waitFor();
    },
    /** F1, type the command's title, then click the row whose label is exactly that title. */
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill(`>${title}`);
      // Enter would run the top fuzzy match, which may be another command.
      const row = page.locator('.quick-input-widget .monaco-list-row').filter({
        has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
      });
      await row.first().click();
    },
    /** The text the active editor shows (its visible lines). */
    async editorText() {
      return page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
    },
    /** The status bar's cursor/selection entry, e.g. "Ln 52, Col 1 (120 selected)". */
    async selectionStatus() {
      return page.locator('[id="status.editor.selection"]').innerText();
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
