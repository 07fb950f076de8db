import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Unreadable } from '../../../../src/core/corpus/formats/builder';
import { Zip } from '../../../../src/core/corpus/formats/zip';
import { docx, zip } from '../../../fixtures/formats/build';
import { WORK_SUMMARY } from '../../../fixtures/formats/documents';
import { figures, load, loadText, metricChanges, statistics, titles } from './helpers';

const summary = (): Promise<ReturnType<typeof load> extends Promise<infer F> ? F : never> => load('work-summary.docx', docx(WORK_SUMMARY));

describe('Word documents (.docx)', () => {
  it('reads the title, the issuing body, and sections by heading style with their automatic 一、 numbering', async () => {
    const file = await summary();
    expect(file.problems).toEqual([]);
    expect(file.source).toEqual({ format: 'docx' });
    expect(titles(file)).toEqual(['江川市2024年平安建设工作总结', '一、社会治安持续向好', '二、矛盾纠纷多元化解', '下一步工作打算']);
    expect(file.articles[0].reports[0].author).toBe('江川市委政法委');
  });

  it('reads a table row by row: each district\'s figures are statistics with the column as metric (or the row\'s more precise wording of it) and the row as subject', async () => {
    const file = await summary();
    expect(file.text).toContain('东湖区：刑事案件1236起，同比增长-12.5%，破案率91.4%。');
    const east = statistics(file).filter((s) => s.sentence.startsWith('东湖区'));
    expect(east.map((s) => [s.text, s.metric, s.subject])).toEqual([
      ['1236', '刑事案件', '东湖区'],
      ['-12.5%', '刑事案件', '东湖区'],
      ['91.4%', '刑事案件破案率', '东湖区'],
    ]);
  });

  it('finds the same statistics as the same document as plain text', async () => {
    const file = await summary();
    const text = loadText('work-summary.txt');
    expect(figures(file)).toEqual(figures(text));
    expect(metricChanges(text, file)).toEqual([]);
  });

  it('takes the core properties: creator (not a tool\'s account name) and created date', async () => {
    expect((await summary()).metadata).toEqual({ date: '2025-01-08' });
    const signed = await load('signed.docx', docx({ ...WORK_SUMMARY, creator: '李明' }));
    expect(signed.metadata).toEqual({ date: '2025-01-08', authors: ['李明'] });
  });

  it('names an article by the title property when the document has no title line', async () => {
    const file = await load('untitled.docx', docx({ title: '会议纪要', body: [{ text: '会议听取了全市一季度经济运行情况汇报，一季度地区生产总值增长5.8%。' }] }));
    expect(file.articles.map((a) => a.title)).toEqual(['会议纪要']);
  });

  it('leaves deleted revisions and field codes out of the text', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const body = `<w:p><w:r><w:t>全年增长</w:t></w:r><w:del><w:r><w:delText>3.2%</w:delText></w:r></w:del><w:ins><w:r><w:t>4.1%</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>。</w:t></w:r></w:p>`;
    const file = await load('revised.docx', zip([['word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`]]));
    expect(file.text).toBe('全年增长4.1%。');
  });
});

describe('Word documents that cannot be read', () => {
  const problem = async (name: string, bytes: Uint8Array): Promise<string> => {
    const file = await load(name, bytes);
    expect(file.articles).toEqual([]);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0].severity).toBe('error');
    return file.problems[0].message;
  };
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  it('says a Word 97–2003 file named .docx is one', async () => {
    expect(await problem('old.docx', Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]))).toBe(
      'a Word 97–2003 document (.doc) named .docx: open it in Word or LibreOffice and save it as .docx',
    );
  });

  it('says a password-protected document is one', async () => {
    expect(await problem('secret.docx', Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le')]))).toMatch(/^a password-protected Word document/);
  });

  it('says a broken or truncated archive is one', async () => {
    const whole = docx(WORK_SUMMARY);
    expect(await problem('cut.docx', whole.subarray(0, Math.floor(whole.length * 0.6)))).toBe(
      'broken ZIP archive: its central directory is missing (the file is cut short or damaged)',
    );
    const damaged = Buffer.from(whole);
    damaged.fill(0x55, 40, 400);
    expect(await problem('damaged.docx', damaged)).toMatch(/^broken ZIP archive: /);
  });

  it('says text named .docx, or an archive without a document, is no Word document', async () => {
    expect(await problem('notes.docx', Buffer.from('这是一份文本文件。'))).toBe('not a Word document: a .docx file is a ZIP archive, and this is not one');
    expect(await problem('sheet.docx', zip([['xl/workbook.xml', '<workbook/>']]))).toBe('not a Word document: the archive has no word/document.xml');
  });
});

describe('ZIP members are read with bounded memory', () => {
  it('refuses a member that expands beyond the limit, whatever size the directory states', () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const archive = zip([['big.xml', zeros]]);
    // Make the directory lie about the size: the inflater's limit still holds.
    const lying = Buffer.from(archive);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24);
    expect(() => new Zip(lying).text('big.xml', 1024 * 1024)).toThrow(new Unreadable('big.xml in the archive expands beyond 1 MB'));
    expect(() => new Zip(archive).text('big.xml', 1024 * 1024)).toThrow(new Unreadable('big.xml in the archive is 8 MB, more than the 1 MB read'));
    expect(new Zip(archive).text('big.xml', 16 * 1024 * 1024)).toHaveLength(zeros.length);
    expect(deflateRawSync(zeros).length).toBeLessThan(64 * 1024);
  });
});
