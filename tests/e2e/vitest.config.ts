// End-to-end tests in a real VS Code (code-server + Chromium); run by `npm run test:e2e`, not `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 240000,
    hookTimeout: 600000,
    pool: 'forks',
    fileParallelism: false,
  },
});
