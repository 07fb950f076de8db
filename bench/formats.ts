/**
 * How fast HTML, Word and PDF files are read, and what reading them costs (figures, no pass/fail):
 *   node bench/formats.mjs
 * Inputs are made from the benchmark corpus (../shared/bench/xwlb/news) and kept in the temporary
 * folder between runs: web pages wrapped in a government site's chrome, Word files built as the
 * tests build them, and a PDF of about 300 pages printed by Chromium. Each measure runs in a child
 * process of its own, so that its peak memory is its own:
 * - pdf, html, docx: pages/s or MB/s through the reader and the statistics (loadAnyFile), peak RSS;
 * - host: the real worker (dist/worker.js: run `npm run build` first) reads the 300-page PDF while
 *   this thread, standing in for the extension host, takes its messages as the corpus service
 *   does; the longest time its event loop was blocked (the budget is 50 ms).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadAnyFile } from '../src/core/load';
import type { Message } from '../src/core/engine/protocol';
import { lazyFile } from '../src/core/corpus/packed';
import { docx, printPdf } from '../test/fixtures/formats/build';
import { probeEventLoop } from './eventLoop';
import { BACKGROUND_LIMITS } from '../src/core/engine/background';

const CORPUS = path.resolve('../shared/bench/xwlb/news');
const WORK = path.join(tmpdir(), 'statcite-bench-formats');
const PDF_PAGES = 300;
const FILES = 200;

/** The corpus's prose: paragraphs of the Markdown files, without headings, lists or links. */
function paragraphs(files: string[]): string[][] {
  return files.map((f) =>
    readFileSync(path.join(CORPUS, f), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 30 && !/^[#>\-*[]|^\d+\.|^（\d+）/.test(l)),
  );
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(title: string, body: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}_新闻_江川省人民政府</title><meta name="PubDate" content="2025-03-10 09:30"><script src="/a.js"></script></head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻</a></div>
<div class="article"><h1>${esc(title)}</h1><div class="info">发布时间：2025-03-10 来源：江川日报 字号：<a>大</a> <a>中</a> <a>小</a> 【<a>打印</a>】【<a>关闭</a>】</div>
<div class="TRS_Editor" id="zoom">${body.map((p) => `<p>　　${esc(p)}</p>`).join('\n')}</div>
<div class="bdshare">分享到：<a>微信</a><a>微博</a></div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/1">一条相关新闻</a></li><li><a href="/2">另一条相关新闻</a></li></ul></div>
<div class="footer">主办：江川省人民政府办公厅 江ICP备05001234号</div></body></html>`;
}

/** The inputs, made once and kept. */
async function inputs(): Promise<{ pdf: string; html: string; docx: string }> {
  const dirs = { pdf: path.join(WORK, 'pdf'), html: path.join(WORK, 'html'), docx: path.join(WORK, 'docx') };
  const done = path.join(WORK, `.made-${FILES}-${PDF_PAGES}-2000`);
  if (existsSync(done)) return dirs;
  rmSync(WORK, { recursive: true, force: true });
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const files = corpusFiles();
  const prose = paragraphs(files.slice(0, FILES));
  prose.forEach((body, i) => {
    const title = `${files[i].slice(0, 8)}新闻联播文字版`;
    writeFileSync(path.join(dirs.html, `${i}.html`), page(title, body));
    writeFileSync(path.join(dirs.docx, `${i}.docx`), docx({ body: [{ style: 'Title', text: title }, ...body.map((text) => ({ text }))] }));
  });
  // About 2,000 characters a page at the print's 15 px.
  const long: string[] = [];
  let chars = 0;
  for (const body of paragraphs(files)) {
    for (const p of body) {
      long.push(p);
      chars += p.length;
    }
    if (chars > PDF_PAGES * 2000) break;
  }
  await printPdf(['新闻联播文字版汇编', '江川省人民政府办公厅', ...long].join('\n'), path.join(dirs.pdf, 'long.pdf'));
  writeFileSync(done, '');
  return dirs;
}

async function readMode(dir: string): Promise<Record<string, number>> {
  const names = readdirSync(dir).sort();
  let bytes = 0;
  let pages = 0;
  let statistics = 0;
  let chars = 0;
  const started = performance.now();
  for (const name of names) {
    const data = readFileSync(path.join(dir, name));
    bytes += data.length;
    const file = await loadAnyFile(data, path.join(dir, name));
    if (file.problems.some((p) => p.severity === 'error')) throw new Error(`${name}: ${file.problems.map((p) => p.message).join('; ')}`);
    pages += file.source?.pages?.length ?? 0;
    chars += file.text.length;
    for (const a of file.articles) for (const r of a.reports) for (const s of [r.intro, ...r.sections]) statistics += s.statistics.length;
  }
  const ms = performance.now() - started;
  return { files: names.length, bytes, pages, chars, statistics, ms, peakRss: process.resourceUsage().maxRSS * 1024 };
}

/** The worker reads the PDF while this thread takes its messages, as the extension host does. */
async function hostMode(dir: string): Promise<Record<string, number>> {
  const cacheDir = path.join(WORK, `cache-${process.pid}`);
  const probe = probeEventLoop();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = probe.reset();
  let longestMessage = 0;
  const started = performance.now();
  const worker = new Worker(path.resolve('dist/worker.js'), { workerData: { cacheDir }, resourceLimits: BACKGROUND_LIMITS });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: Message) => {
        const t = performance.now();
        if (message.type === 'file') {
          const file = lazyFile(message.file);
          const ids = new Map<string, unknown>();
          for (const id of message.file.summary.ids.split(' ')) ids.set(id, file);
        } else if (message.type === 'done') resolve();
        else if (message.type === 'failed') reject(new Error(message.message));
        // As the corpus service does: acknowledge after this turn so the worker sends more.
        if ('ack' in message && message.ack) setImmediate((seq) => worker.postMessage({ type: 'ack', seq }), message.ack);
        longestMessage = Math.max(longestMessage, performance.now() - t);
      });
      worker.on('error', reject);
      worker.postMessage({ id: 1, type: 'sync', paths: readdirSync(dir).map((n) => path.join(dir, n)) });
    });
    const syncMs = performance.now() - started;
    const busy = probe.reset();
    return { syncMs, idleGap: idle.longestGap, longestGap: busy.longestGap, longestBusy: busy.longestBusy, blocks: busy.blocks, longestMessage };
  } finally {
    probe.stop();
    await worker.terminate();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function child(mode: string, dir: string): Record<string, number> {
  const r = spawnSync(process.execPath, [__filename, mode, dir], { encoding: 'utf8', maxBuffer: 2 ** 24 });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) throw new Error(`benchmark corpus not found: ${CORPUS}`);
  const dirs = await inputs();
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  console.log(`formats benchmark, node ${process.version}; inputs in ${WORK}`);
  const pdf = child('read', dirs.pdf);
  console.log(`PDF    ${pdf.pages} pages, ${mb(pdf.bytes)} MB, ${pdf.statistics} statistics: ${(pdf.ms / 1000).toFixed(1)} s = ${(pdf.pages / (pdf.ms / 1000)).toFixed(1)} pages/s; peak RSS ${mb(pdf.peakRss)} MB`);
  for (const [label, dir] of [['HTML', dirs.html], ['DOCX', dirs.docx]] as const) {
    const r = child('read', dir);
    console.log(
      `${label.padEnd(6)} ${r.files} files, ${mb(r.bytes)} MB (${(r.chars / 1e6).toFixed(1)} M characters of text), ${r.statistics} statistics: ${(r.ms / 1000).toFixed(1)} s = ${(r.bytes / 1024 / 1024 / (r.ms / 1000)).toFixed(1)} MB/s; peak RSS ${mb(r.peakRss)} MB`,
    );
  }
  const host = child('host', dirs.pdf);
  console.log(
    `host   worker reads the ${pdf.pages}-page PDF in ${(host.syncMs / 1000).toFixed(1)} s: longest event-loop gap here ${host.longestGap.toFixed(1)} ms, of which busy ${host.longestBusy.toFixed(1)} ms (idle before: ${host.idleGap.toFixed(1)} ms), ${host.blocks} gaps > 50 ms; longest file message ${host.longestMessage.toFixed(1)} ms`,
  );
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'read') void readMode(dir).then((r) => console.log(JSON.stringify(r)));
else if (mode === 'host') void hostMode(dir).then((r) => console.log(JSON.stringify(r)));
else void main();
