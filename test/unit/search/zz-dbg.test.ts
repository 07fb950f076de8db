import { it } from 'vitest';
import { SearchIndex } from '../../../src/core/search/index';
import { loadTokenizer } from '../../../src/core/search/tokenizer';
import { buildFile } from './corpusFixture';
it('dbg', () => {
  const tokenizer = loadTokenizer();
  const f = buildFile('/c/hubei.txt', '夯实', [{ title: '着力加强', author: '湖北省委政法委', sections: [{ title: '二、服务', paragraphs: ['修订《湖北省预防未成年人犯罪条例》,新建专门学校13所,未成年人犯罪数同比下降20.3%。刑释人员重新犯罪人数同比下降23.2%。'], stats: [{ figure: '20.3%', metric: '未成年人犯罪数' }] }] }]);
  const index = SearchIndex.create(tokenizer);
  index.add(f);
  const t = (index as any).tokenizer;
  console.log(t.queryTerms('刑释人'), t.queryTerms('综治中'));
  const ms = (index as any).miniSearch;
  console.log(ms.has('刑释'), ms.countOf('刑释'), ms._index.get('人员'), [...ms.executeQuery({combineWith:'AND', queries:[{queries:['刑释'], prefix:false},{queries:['人'], prefix:true}]}).keys()]);
  console.log(index.search('刑释人', { prefixLast: true }).length, ms.packed()[0].text, tokenizer.indexTerms('。刑释人员重新犯罪人数同比下降'));
});
