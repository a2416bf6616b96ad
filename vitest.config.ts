import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the packages from source: the `source` condition of each package.json's
  // exports/imports comes first, then Vite's server defaults (tests run in Node).
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    // Node processes the tests start (the demo, scripts) resolve the packages from source too.
    env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, '--conditions=source'].filter(Boolean).join(' ') },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
