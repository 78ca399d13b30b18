import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) without an exports map: Node and Nest load the
    // CJS build, Vite would pick the ESM one — two graphql "realms" in one process. Pin the CJS one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.int-spec.ts'],
    environment: 'node',
    // Each integration file boots its own app and database (PGlite takes 300–750 MB): two at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
