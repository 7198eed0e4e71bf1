import { defineConfig } from 'vitest/config'

/**
 * One run over every package. Workspace packages are read from their sources (the
 * `sources` export condition), so unit tests never see a stale build; the end-to-end tests
 * in test/ run the built CLI, which `pnpm test` builds first.
 */
export default defineConfig({
  resolve: { conditions: ['sources', 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['sources', 'module', 'node', 'development|production'] } },
  test: {
    projects: [
      { extends: true, test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'render', root: 'packages/render', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'cli', root: 'packages/cli', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', root: 'test', include: ['**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
})
