import { defineConfig } from 'vitest/config'

/**
 * One runner for the repository. Unit tests sit next to pure code; integration
 * tests (cms/test/*.int.test.ts) boot the platform on a fresh database per file.
 */
export default defineConfig({
  test: {
    include: ['config/src/**/*.test.ts', 'cms/src/**/*.test.ts', 'cms/server/**/*.test.ts', 'cms/test/**/*.int.test.ts', 'storefront/src/**/*.test.ts'],
    globalSetup: ['cms/test/support/database.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
