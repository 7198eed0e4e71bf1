/**
 * Part of `pnpm build`, after `tsc -b`: bundles what the `plumbline` command loads at
 * start-up into a few files, because Node 20 loads ES modules one file at a time (resolve,
 * read, compile, link) and has no compile cache: the command started from about 235 files,
 * 95 of them zod's (its every entry loads all its ~50 locales), which cost about 0.1 s of
 * every run. `tsc`'s `dist/` stays as it is: types, tests and other importers use it.
 *
 * - `packages/core/bundle/index.js`: the package's entry (`exports.default`), zod inlined.
 *   Model files import `@plumbline/core` too, so the command and the model share this one
 *   file (xstate stays a package of its own: models import it, and must get the same copy).
 * - `packages/cli/bundle/`: the command (`index.js`, which the bin runs) and its worker
 *   (`check-worker.js`, beside it: `check-files.ts` finds it by that name), render and zod
 *   inlined; what is imported lazily (formats, render, zod for the config) stays in chunks
 *   loaded when needed. Packages that are large or loaded lazily anyway stay packages.
 */
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions } from 'esbuild'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')

/** Packages bundled into the command rather than loaded from node_modules. */
const INLINED = new Set(['@plumbline/render', 'zod', 'commander', 'tinyglobby'])

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  logLevel: 'warning',
  // Maps back through tsc's own maps to the TypeScript sources: read only under --debug (bin/plumbline.js).
  sourcemap: 'linked',
  sourcesContent: false,
  // CommonJS packages inlined (commander) require Node's builtins.
  banner: {
    js: "import { createRequire as __plumblineRequire } from 'node:module'; const require = __plumblineRequire(import.meta.url);",
  },
}

await build({
  ...common,
  entryPoints: [path.join(root, 'packages/core/dist/index.js')],
  outfile: path.join(root, 'packages/core/bundle/index.js'),
  external: ['xstate'],
})

// The chunks' names are hashes of their content: emptied first, the folder keeps no stale ones.
rmSync(path.join(root, 'packages/cli/bundle'), { recursive: true, force: true })
await build({
  ...common,
  entryPoints: ['index.js', 'run/check-worker.js'].map((entry) => path.join(root, 'packages/cli/dist', entry)),
  outdir: path.join(root, 'packages/cli/bundle'),
  entryNames: '[name]',
  splitting: true,
  external: externalPackages(path.join(root, 'packages/cli/package.json')),
})

/** The package's dependencies that are not inlined, with their subpaths. */
function externalPackages(packageJson: string): string[] {
  const { dependencies = {}, peerDependencies = {} } = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >
  return [...Object.keys(dependencies), ...Object.keys(peerDependencies), 'xstate']
    .filter((name) => !INLINED.has(name))
    .flatMap((name) => [name, `${name}/*`])
}
