import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: [
      // The package's own public entry points resolve to the sources during tests.
      { find: /^apicompat\/vitest$/, replacement: fileURLToPath(new URL('./src/suites/vitest.ts', import.meta.url)) },
      { find: /^apicompat$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
