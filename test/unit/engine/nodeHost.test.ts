/**
 * The engine on the file system: the sidecar metadata a read finds (looked up once per folder
 * during a read, as thousands of files share it), and what the next read finds after an edit.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusEngine } from '../../../src/core/engine/engine';
import { nodeHost } from '../../../src/core/engine/nodeHost';
import type { CorpusFile } from '../../../src/core/model';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('the engine on the file system', () => {
  it('gives every file the sidecar of its folder or above, and a changed sidecar to the next read', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'statcite-node-host-'));
    const nested = path.join(root, '2025', '12');
    mkdirSync(nested, { recursive: true });
    const paths = [path.join(root, 'a.txt'), path.join(nested, 'b.txt'), path.join(nested, 'c.txt')];
    paths.forEach((p, i) => writeFileSync(p, `报告${i}\n\n全年办理案件${100 + i}件。\n`));
    const sidecar = (publication: string): void => writeFileSync(path.join(root, 'statcite.meta.json'), JSON.stringify({ defaults: { publication } }));
    sidecar('法治日报');
    const shown = new Map<string, CorpusFile>();
    const engine = new CorpusEngine(nodeHost(quiet), quiet, { file: (f) => void shown.set(f.path, f), removed: () => {}, progress: () => {} });
    const publications = (): Array<string | undefined> => paths.map((p) => engine.get(p)?.articles[0]?.metadata.publication);

    await engine.sync(paths);
    expect(publications()).toEqual(['法治日报', '法治日报', '法治日报']);

    sidecar('检察日报');
    await engine.update(paths.slice(1));
    expect(publications()).toEqual(['法治日报', '检察日报', '检察日报']);
    // The folder's own sidecar comes before the one above it.
    writeFileSync(path.join(nested, 'statcite.meta.json'), JSON.stringify({ defaults: { publication: '人民日报' } }));
    await engine.sync(paths);
    expect(publications()).toEqual(['检察日报', '人民日报', '人民日报']);
  });
});
