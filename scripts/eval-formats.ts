/**
 * The statistics found in the format fixtures (test/fixtures/formats: web pages, a Word file built
 * from documents.ts, a PDF printed by Chromium) beside those found in the same text as plain text,
 * as the format tests compare them: the figures must be the same; metrics may differ only where a
 * table's headers say more than the row's text.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadAnyFile, loadCorpusFile } from '../src/core/load';
import type { Statistic } from '../src/core/model';
import { CHROMIUM, docx, printPdf } from '../test/fixtures/formats/build';
import { WORK_SUMMARY } from '../test/fixtures/formats/documents';
import { statisticsOf } from './eval-stats.lib';

const figure = (s: Statistic): string => `${s.text} ${s.value} ${s.unit} ${s.kind}${s.change ? ` ${s.change}` : ''}`;

async function compare(label: string, document: { path: string; bytes: Uint8Array }, twin: string): Promise<void> {
  const file = await loadAnyFile(document.bytes, document.path);
  const own = statisticsOf(file);
  const text = statisticsOf(loadCorpusFile(fs.readFileSync(twin), twin));
  console.log(`${label}: ${own.length} statistics; as plain text (${path.basename(twin)}): ${text.length}`);
  for (const p of file.problems) console.log(`  ${p.severity}: ${p.message}`);
  const a = own.map(figure);
  const b = text.map(figure);
  const onlyHere = a.filter((f) => !b.includes(f));
  const onlyText = b.filter((f) => !a.includes(f));
  console.log(`  same figures in the same order: ${a.join('\n') === b.join('\n') ? 'yes' : 'NO'}`);
  for (const f of onlyHere) console.log(`  only in ${label}: ${f}`);
  for (const f of onlyText) console.log(`  only as plain text: ${f}`);
  own.forEach((s, i) => {
    if (text[i] && text[i].text === s.text && text[i].metric !== s.metric) console.log(`  metric     ${s.text}: ${text[i].metric} (plain text) → ${s.metric} (table headers)`);
  });
  const pages = own.filter((s) => s.page !== undefined);
  if (pages.length) console.log(`  pages: ${[...new Set(pages.map((s) => s.page))].join(', ')} (every statistic has one: ${pages.length === own.length ? 'yes' : 'NO'})`);
  console.log('');
}

export async function evaluateFormats(root: string): Promise<void> {
  const dir = path.join(root, 'test/fixtures/formats');
  const at = (name: string): string => path.join(dir, name);
  const read = (name: string): { path: string; bytes: Uint8Array } => ({ path: at(name), bytes: fs.readFileSync(at(name)) });
  await compare('gov-bulletin.html', read('gov-bulletin.html'), at('gov-bulletin.txt'));
  await compare('newspaper.gbk.html', read('newspaper.gbk.html'), at('newspaper.txt'));
  await compare('work-summary.docx', { path: at('work-summary.docx'), bytes: docx(WORK_SUMMARY) }, at('work-summary.txt'));
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`report.pdf: not made (Chromium not found at ${CHROMIUM}; bash test/code-server/install.sh installs it)`);
    return;
  }
  const pdf = path.join(fs.mkdtempSync(path.join(tmpdir(), 'statcite-eval-')), 'report.pdf');
  try {
    await printPdf(fs.readFileSync(at('report.txt'), 'utf8'), pdf);
    await compare('report.pdf (printed by Chromium)', { path: pdf, bytes: fs.readFileSync(pdf) }, at('report.txt'));
  } finally {
    fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
  }
}
