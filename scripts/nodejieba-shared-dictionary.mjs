// Run by npm after install (`npm run postinstall` does it again): makes nodejieba load its
// dictionary once instead of twice, and checks that it does (`--check`, used by CI and the .vsix).
//
// nodejieba's load() builds the segmenter and, beside it, a TextRank keyword extractor with a
// segmenter of its own: a second copy of the whole dictionary trie, 110 MB resident that StatCite
// never reads. cppjieba has the constructor that shares the first copy; the patch calls it and
// rebuilds the addon from source (node-gyp, as nodejieba's own install does where its prebuilt
// binary cannot be fetched). Cuts are unchanged: the segmenter is built exactly as before.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SEPARATE = /_text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\(\s*dictPath,\s*modelPath,\s*stopWordsPath,\s*userDictPath\s*\);/;
const SHARED = '_text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);';

/** nodejieba's binding source with the extractor sharing the segmenter's dictionary; throws on a source it does not know. */
export function sharedDictionarySource(source, file = 'nodejieba.cpp') {
  if (source.includes(SHARED)) return source;
  if (!SEPARATE.test(source)) {
    throw new Error(`${file}: load() does not build the TextRank extractor as nodejieba 3.5 does; the dictionary patch needs a new look`);
  }
  return source.replace(SEPARATE, SHARED);
}

/** Where nodejieba is installed, its binding source, its addon and the record of a patched build. */
export function installedNodejieba() {
  const dir = path.dirname(createRequire(import.meta.url).resolve('nodejieba/package.json'));
  return {
    dir,
    source: path.join(dir, 'lib/nodejieba.cpp'),
    addon: path.join(dir, 'build/Release/nodejieba.node'),
    // The addon's digest, written after a patched build: an addon put back by a reinstall no longer matches.
    record: path.join(dir, 'build/Release/statcite-shared-dictionary.sha256'),
  };
}

const digest = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Why the installed addon is not the patched build, or undefined when it is. */
export function patchProblem(installed = installedNodejieba()) {
  if (!fs.existsSync(installed.addon)) return `${installed.addon} is missing: nodejieba was not built`;
  if (!fs.existsSync(installed.record)) return `${installed.addon} loads jieba's dictionary twice (built without StatCite's patch)`;
  if (fs.readFileSync(installed.record, 'utf8').trim() !== digest(installed.addon)) {
    return `${installed.addon} was replaced after StatCite's patched build (a reinstall?)`;
  }
  return undefined;
}

function patchAndBuild() {
  const installed = installedNodejieba();
  if (!patchProblem(installed)) return;
  const source = fs.readFileSync(installed.source, 'utf8');
  const shared = sharedDictionarySource(source, installed.source);
  if (shared !== source) fs.writeFileSync(installed.source, shared);
  // npm gives its lifecycle scripts its own node-gyp and the configured Node headers (nodedir).
  const nodeGyp = process.env.npm_config_node_gyp;
  if (!nodeGyp) throw new Error('node-gyp not given: run this through npm (npm run postinstall)');
  // A failed rebuild leaves no addon at all: the one built before goes back.
  const before = fs.existsSync(installed.addon) ? fs.readFileSync(installed.addon) : undefined;
  try {
    execFileSync(process.execPath, [nodeGyp, 'rebuild'], { cwd: installed.dir, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    if (before) {
      fs.mkdirSync(path.dirname(installed.addon), { recursive: true });
      fs.writeFileSync(installed.addon, before);
    }
    const said = String(err.stderr ?? '').trim().split('\n').slice(-12).join('\n');
    throw new Error(`node-gyp rebuild failed in ${installed.dir}${said ? `:\n${said}` : ''}`);
  }
  fs.writeFileSync(installed.record, `${digest(installed.addon)}\n`);
  console.log('nodejieba: rebuilt to load its dictionary once');
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const name = path.relative(process.cwd(), fileURLToPath(import.meta.url));
  if (process.argv.includes('--check')) {
    const problem = patchProblem();
    if (problem) {
      console.error(`${name}: ${problem}. Run \`npm run postinstall\`.`);
      process.exit(1);
    }
  } else {
    try {
      patchAndBuild();
    } catch (err) {
      // The extension still works unpatched, with 110 MB more memory while it indexes: say so, do not fail the install.
      console.warn(`${name}: nodejieba keeps two copies of its dictionary: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
