/**
 * The architecture, enforced (ARCHITECTURE.md): dependencies point one way, cli → render →
 * core; the library packages do no I/O of their own; no import cycles; shipped code never
 * reaches into tests or test helpers. `pnpm deps` runs it; any violation fails the build.
 */

// Test code: unit tests, type tests, each package's test helpers and the end-to-end tests.
const TESTS = '(^|/)[^/]+\\.test(-d)?\\.ts$|^packages/[^/]+/src/testing/|^test/'
// Node's modules that touch nothing outside the process: the only ones core and render may use.
const PURE_NODE = ['assert', 'buffer', 'crypto', 'events', 'string_decoder', 'util']
// A Node module by either name (`node:fs` or `fs`), other than the pure ones.
const IMPURE_NODE = `^(node:)?(?!(${PURE_NODE.join('|')})(/|$))`

module.exports = {
  forbidden: [
    {
      name: 'core-is-the-base',
      comment: 'core is the language and the checks: it imports neither render nor cli.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/|@plumbline/)(render|cli)(/|$)' },
    },
    {
      name: 'render-below-cli',
      comment: 'render draws the model: it never imports the cli.',
      severity: 'error',
      from: { path: '^packages/render/' },
      to: { path: '^(packages/|@plumbline/)cli(/|$)' },
    },
    {
      name: 'libraries-do-no-io',
      comment:
        'core and render take their input as values and return values: reading files, the network ' +
        'and processes belong to the cli. Only Node modules without I/O are allowed (tests may read fixtures).',
      severity: 'error',
      from: { path: '^packages/(core|render)/src/', pathNot: TESTS },
      to: { dependencyTypes: ['core'], path: IMPURE_NODE },
    },
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one: move what both need into a module of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shipped-code-imports-no-tests',
      comment: 'Tests and test helpers (*.test.ts, src/testing/, test/) are left out of the builds.',
      severity: 'error',
      from: { pathNot: `${TESTS}|^bench/|^scripts/|^vitest\\.config\\.ts$` },
      to: { path: TESTS },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // TypeScript 7 (tsgo) has no JavaScript API dependency-cruiser can parse with; swc reads TypeScript too.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test/fixtures|bench/\\.tmp|test/\\.tmp)/|/(dist|bundle)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      // Workspace packages resolve to their sources, as in vitest.config.ts.
      conditionNames: ['sources', 'import', 'node', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
}
