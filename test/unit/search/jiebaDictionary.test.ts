import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { patchProblem, sharedDictionarySource } from '../../../scripts/nodejieba-shared-dictionary.mjs';

// load() as nodejieba 3.5 ships it: the TextRank extractor builds a second dictionary of its own.
const SHIPPED = `  delete _jieba_handle;
  _jieba_handle = new cppjieba::Jieba(dictPath,
                                  modelPath,
                                  userDictPath,
                                  idfPath,
                                  stopWordsPath);

  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = new cppjieba
\t\t      ::TextRankExtractor(dictPath,
                                  modelPath,
                                  stopWordsPath,
                                  userDictPath);
`;

describe("nodejieba's dictionary, loaded once", () => {
  it('makes the TextRank extractor share the segmenter, once, and refuses a load() it does not know', () => {
    const patched = sharedDictionarySource(SHIPPED);
    expect(patched).toContain('new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);');
    expect(patched).not.toMatch(/TextRankExtractor\(dictPath/);
    expect(patched.startsWith(SHIPPED.slice(0, SHIPPED.indexOf('delete _text_rank')))).toBe(true);
    expect(sharedDictionarySource(patched)).toBe(patched);
    expect(() => sharedDictionarySource('  _text_rank_extractor_handle = new Other(dictPath);', 'lib/nodejieba.cpp')).toThrow(
      /lib\/nodejieba\.cpp: load\(\) does not build the TextRank extractor/,
    );
  });

  it('is what npm install built, and the extractor still works on the shared dictionary', () => {
    expect(patchProblem()).toBeUndefined();
    // A process of its own: nodejieba keeps one dictionary per thread, and these tests load StatCite's.
    const script = "const j = require('nodejieba'); j.load(); process.stdout.write(JSON.stringify([j.cut('南京市长江大桥'), j.textRankExtract('南京市长江大桥是长江上的一座大桥，南京市民每天经过长江大桥', 2).map((w) => w.word)]))";
    const [cut, keywords] = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(cut).toEqual(['南京市', '长江大桥']);
    expect(keywords).toHaveLength(2);
    expect(keywords).toContain('长江大桥');
  });
});
