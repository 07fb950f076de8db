// Drives the code-server workbench the way a person does — activity bar, tree rows, F1, the
// editor, the status bar — with StatCite installed from its .vsix (not as a development extension),
// and saves a screenshot of each step under test-results/e2e/<flow>/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installVsix, launchChromium, makeTempDir, repoRoot, startCodeServer, workbenchUrl } from '../code-server/host.mjs';

const resultsDir = path.join(repoRoot, 'test-results/e2e');

/**
 * The hooks of a flow's suite (call it inside `suite`): one workbench for all its steps, opened
 * before them and handed to `onOpen`; a screenshot of a failed step; and, since each step starts
 * where the previous one left the workbench, the steps after a failure fail at once rather than
 * each waiting out its timeout.
 */
export function flowHooks(flow, options, onOpen) {
  let wb;
  let failed;
  suiteSetup(async () => {
    wb = await openWorkbench(flow, options);
    await onOpen(wb);
  });
  setup(function () {
    if (failed) throw new Error(`not run: the step "${failed}" failed`);
  });
  teardown(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = this.currentTest.title;
    await wb?.screenshot('failed');
  });
  suiteTeardown(async () => {
    await wb?.close();
  });
}

/**
 * A clean code-server with only the .vsix installed, a fresh copy of the fixture workspace (or,
 * with `emptyWorkspace`, a folder with no corpus) open in headless Chromium, and the StatCite
 * activity-bar entry ready. `settings` are added to the user settings.
 */
export async function openWorkbench(flow, { vsix = process.env.STATCITE_VSIX, emptyWorkspace = false, settings = {} } = {}) {
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`No .vsix at ${vsix}: run the e2e tests with npm run test:e2e`);
  const dir = makeTempDir(`statcite-e2e-${flow}-`);
  const workspace = path.join(dir, 'workspace');
  if (emptyWorkspace) fs.mkdirSync(workspace);
  else fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const extensionsDir = path.join(dir, 'ext');
  installVsix(vsix, extensionsDir, path.join(dir, 'data'));

  // Wrapped lines keep the selected figure in view in the screenshots.
  const server = await startCodeServer(dir, { extensionsDir, settings: { 'editor.wordWrap': 'on', ...settings } });
  const browser = await launchChromium();
  const viewport = { width: 1440, height: 900 };
  const page = await browser.newPage({ viewport });
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });

  const shots = path.join(resultsDir, flow);
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  let step = 0;
  const quickInput = page.locator('.quick-input-widget .quick-input-box input');

  return {
    page,
    workspace,
    /**
     * Saves what a person sees now as test-results/e2e/<flow>/<nn>-<name>.png. `keepPointer` leaves
     * the mouse where it is, for a hover card the shot is meant to show.
     */
    async screenshot(name, { keepPointer = false } = {}) {
      step += 1;
      // Off any hover target (an empty stretch of the activity bar), so no stray tooltip shows.
      if (!keepPointer) await page.mouse.move(24, viewport.height - 300);
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
      // Enter would run the top fuzzy match, which may be another command.
      const row = this.quickPickRow(new RegExp(`^${escapeRegExp(title)}$`));
      // Typed while the palette is still loading its commands, the text may be reset to ">" and
      // the row never comes: then the palette is closed and opened again.
      for (let attempt = 1; ; attempt += 1) {
        await page.keyboard.press('F1');
        await quickInput.waitFor();
        await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
        await quickInput.fill(`>${title}`);
        try {
          await row.waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 3) throw new Error(`No command palette row "${title}" (the box reads "${await quickInput.inputValue()}"): ${error.message}`);
          await page.keyboard.press('Escape');
        }
      }
      await row.click();
    },
    /** The quick-input box (command palette, quick open, a QuickPick of the extension). */
    quickInput,
    /** Types into the quick-input box key by key, as a person does (each key fires a change). */
    async typeInQuickInput(text) {
      await quickInput.pressSequentially(text, { delay: 20 });
    },
    /** The rows the open quick pick shows: label, description, detail (codicons left out). */
    async quickPickRows() {
      return page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) =>
        rows
          .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
          .map((row) => {
            const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
            return {
              label: text('.quick-input-list-row:first-child .label-name'),
              description: text('.quick-input-list-row:first-child .label-description'),
              detail: text('.quick-input-list-label-meta .label-name'),
            };
          }),
      );
    },
    /** The first quick-pick row whose label matches `label` (a string it contains, or a RegExp). */
    quickPickRow(label) {
      return page
        .locator('.quick-input-widget .monaco-list-row')
        .filter({ has: page.locator('.quick-input-list-row:first-child .label-name', { hasText: label }) })
        .first();
    },
    /** Opens a workspace file by name with Quick Open (Ctrl+P), as a person does. */
    async openFile(name) {
      await page.keyboard.press('Control+P');
      await quickInput.waitFor();
      await quickInput.fill(name);
      await this.quickPickRow(new RegExp(`^${escapeRegExp(name)}$`)).click();
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      // Keys go to the editor only once it has focus.
      await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    },
    /** The text the active editor shows (its visible lines), its no-break spaces read as spaces. */
    async editorText() {
      return (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    },
    /**
     * Rests the mouse on the first place, top to bottom, where the active editor shows `text` on
     * one line, and waits for the hover card; returns the card's text.
     */
    async hoverEditorText(text) {
      const box = await page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((lines, wanted) => {
        // Monaco positions its line elements absolutely: their DOM order need not be the text's.
        const ordered = [...lines.querySelectorAll('.view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        for (const line of ordered) {
          // Spaces show as no-break spaces; same length, so the offsets hold.
          const at = line.textContent.replace(/\u00a0/g, ' ').indexOf(wanted);
          if (at < 0) continue;
          // The line is split into token spans: find the text nodes holding the first and last character.
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let offset = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent.length;
            if (offset <= at && at < offset + length) range.setStart(node, at - offset);
            if (offset < at + wanted.length && at + wanted.length <= offset + length) range.setEnd(node, at + wanted.length - offset);
            offset += length;
          }
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x, y, width, height };
        }
        return undefined;
      }, text);
      if (!box) throw new Error(`The editor does not show "${text}"`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      const card = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
      await card.waitFor();
      // The card writes the spaces of plain text as &nbsp;.
      return (await card.innerText()).replace(/\u00a0/g, ' ');
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
