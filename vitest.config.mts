import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // CSL locale files are bundled as text, as esbuild.mjs does.
  plugins: [{ name: 'xml-as-text', transform: (code, id) => (id.endsWith('.xml') ? `export default ${JSON.stringify(code)};` : undefined) }],
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // The CLI keeps its cache in the user's cache folder by default: not the tests'.
    env: { XDG_CACHE_HOME: join(tmpdir(), 'statcite-unit-tests-cache') },
  },
});
