/**
 * statcite outline <file|folder…> [--json]: the outline of corpus files, as the sidebar shows it.
 * Folders are read recursively for corpus files (text, Markdown, HTML, PDF, Word). Offsets
 * (start/end) are JavaScript string indices into the decoded or extracted text; a section's page
 * is where it begins in a PDF (left out elsewhere).
 */
import * as nodePath from 'node:path';
import { pageAt } from '../core/corpus/formats/sourceMap';
import type { CorpusFile, Section } from '../core/model';
import { loadCorpus, NO_CORPUS_FILES } from './corpus';

export const summary = 'outline of corpus files: articles, reports, sections  (<file|folder…> [--json])';

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  const unknown = paths.find((a) => a.startsWith('--'));
  if (!paths.length || unknown) {
    console.error(`${unknown ? `statcite outline: unknown option ${unknown}\n` : ''}usage: statcite outline <file|folder…> [--json]`);
    return 2;
  }
  const files = await loadCorpus(paths);
  if (!files.length) {
    console.error(`statcite outline: ${NO_CORPUS_FILES}`);
    return 1;
  }
  console.log(json ? JSON.stringify(outlineJson(files), null, 2) : outlineTree(files));
  return 0;
}

/** A path as the user would type it: relative to the working folder when below it. */
function shown(path: string): string {
  const rel = nodePath.relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : path;
}

const sectionJson = (f: CorpusFile, s: Section) => ({
  id: s.id,
  title: s.title,
  ...(f.source?.pages ? { page: pageAt(f.source.pages, s.range.start) } : {}),
  start: s.range.start,
  end: s.range.end,
  passages: s.passages.length,
  statistics: s.statistics.length,
});

export function outlineJson(files: CorpusFile[]) {
  return {
    files: files.map((f) => ({
      file: shown(f.path),
      encoding: f.encoding,
      metadata: f.metadata,
      problems: f.problems,
      articles: f.articles.map((a) => ({
        id: a.id,
        title: a.title,
        subtitle: a.subtitle,
        start: a.range.start,
        end: a.range.end,
        metadata: a.metadata,
        reports: a.reports.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          author: r.author,
          start: r.range.start,
          end: r.range.end,
          intro: sectionJson(f, r.intro),
          sections: r.sections.map((s) => sectionJson(f, s)),
        })),
      })),
    })),
  };
}

export function outlineTree(files: CorpusFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    const reports = f.articles.flatMap((a) => a.reports);
    const sections = reports.reduce((n, r) => n + r.sections.length, 0);
    out.push(`${shown(f.path)}  (${f.encoding}; ${f.articles.length} articles, ${reports.length} reports, ${sections} sections)`);
    for (const p of f.problems) out.push(`  ${p.severity}: ${p.message}`);
    for (const a of f.articles) {
      out.push(`  ${a.title}${a.subtitle ? ` ——${a.subtitle}` : ''}`);
      for (const r of a.reports) {
        out.push(`    ${r.title}${r.author ? ` — ${r.author}` : ''}  [${r.kind} ${r.range.start}–${r.range.end}]`);
        for (const s of r.sections) {
          const stats = s.statistics.length ? `, ${s.statistics.length} statistics` : '';
          out.push(`      ${s.title}  [${s.range.start}–${s.range.end}${stats}]`);
        }
      }
    }
  }
  return out.join('\n');
}
