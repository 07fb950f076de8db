import { readFileSync } from 'node:fs';
import { contentHash } from '../search/cache';
import type { MetricKeys } from '../stats/metricKey';

/**
 * What a cached model was read with: the running bundle (`bundle`, its reader and extractor),
 * pdf.js (external: the PDF reader) and the metric aliases (they decide the metric keys). A cache
 * from any other is stale.
 */
export function modelVersion(bundle: string, metricKeys: MetricKeys): string {
  return contentHash(Buffer.concat([readFileSync(bundle), readFileSync(require.resolve('pdfjs-dist/package.json')), Buffer.from(metricKeys.signature)]));
}
