import { defineConfig } from 'vitest/config';

/**
 * Pure tests run once. The database suite (packages/server/test) runs once per engine:
 * always on embedded PGlite, and on PostgreSQL when TEST_DATABASE_URL names a server.
 * Each engine's suite shares one database per worker (PGlite takes seconds to start);
 * tests stay independent because each creates its own process.
 */
const dbProject = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `db-${engine}`,
    include: ['packages/server/test/**/*.test.ts'],
    // Test witnesses listen on 127.0.0.1 over plain http.
    env: { PARLEY_TEST_ENGINE: engine, PARLEY_WITNESS_ALLOW_HTTP_LOOPBACK: 'on' },
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'packages/tlog/test/**/*.test.ts'], testTimeout: 60_000 } },
      dbProject('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [dbProject('postgres')] : []),
      // The web app in Debian's Chromium against the real server (in-process, embedded PGlite, the demo loaded).
      {
        test: {
          name: 'browser',
          include: ['packages/web/test/**/*.browser.test.ts'],
          env: { PARLEY_WITNESS_ALLOW_HTTP_LOOPBACK: 'on' },
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
