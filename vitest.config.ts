import { configDefaults, defineConfig } from 'vitest/config';

// Three tiers, all run by `npm test` (vitest run):
// - unit: pure rules, no database and no browser: seconds, on any machine (`npm run test:unit`);
// - integration: the use cases, routes and CLI on PGlite and the PostgreSQL at TEST_DATABASE_URL;
// - browser: the built web app in Debian's Chromium (needs `npm run build:web`).
// A unit test lives beside its code under src/, or in test/ when named below. The unit tier's
// own test (test/test-tiers.test.ts) checks that every test file is in exactly one tier and that no unit
// test opens a store or a browser.
export const UNIT_TESTS = [
  'src/**/*.test.ts',
  'test/analytics/rules.test.ts',
  'test/architecture.test.ts',
  'test/collections/evaluate.test.ts',
  'test/collections/first-contact.test.ts',
  'test/collections/hold-back.test.ts',
  'test/collections/pure.test.ts',
  'test/collections/start-state.test.ts',
  'test/demo-rules.test.ts',
  'test/engines.test.ts',
  'test/ledger/allocations.planner.test.ts',
  'test/ledger/import.units.test.ts',
  'test/ledger/payments.rules.test.ts',
  'test/ledger/reference.keyset.test.ts',
  'test/test-tiers.test.ts',
  'test/web/chart-imports.test.ts',
];
export const BROWSER_TESTS = ['test/browser/**/*.test.ts'];
export const ALL_TESTS = ['src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ALL_TESTS,
          exclude: [...configDefaults.exclude, ...UNIT_TESTS, ...BROWSER_TESTS],
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS } },
    ],
  },
});
