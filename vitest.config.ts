import { defineConfig } from 'vitest/config'

/**
 * One runner for the repository. Unit tests sit next to pure code; integration
 * tests (cms/test/*.int.test.ts) boot the platform on a fresh database per file.
 */
const shared = { pool: 'forks' as const, testTimeout: 30_000, hookTimeout: 120_000 }

/** Time-zone code runs under several process time zones: results must not depend on the server's. */
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']

export default defineConfig({
  test: {
    globalSetup: ['cms/test/support/database.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'default',
          include: [
            'config/src/**/*.test.ts',
            'cms/src/**/*.test.ts',
            'cms/server/**/*.test.ts',
            'cms/test/**/*.int.test.ts',
            'cms/test/arrows.test.ts',
            'storefront/src/**/*.test.ts',
            'plugins/*/src/**/*.test.ts',
            'plugins/*/scripts/**/*.test.ts',
          ],
          exclude: ['cms/src/scheduling/**', 'storefront/src/lib/calendar/**'],
        },
      },
      ...ZONES.map((zone) => ({
        test: { ...shared, name: `TZ=${zone}`, include: ['cms/src/scheduling/**/*.test.ts', 'storefront/src/lib/calendar/**/*.test.ts'], env: { TZ: zone } },
      })),
    ],
  },
})
