/**
 * The packages as a user gets them: each packed as it would be published (`pnpm pack`),
 * installed with plain npm into a project outside the workspace (no links, no workspace
 * protocol) by the README's own install line, and used there as the README says; then
 * publint and @arethetypeswrong on each tarball, `pnpm -r publish --dry-run`, and the
 * GitHub Action's step run in that project.
 *
 * Cost: about 95 s alone on two shared, busy cores with npm's cache warm (one npm install of
 * the tarballs, zod and xstate, about 10 s; mermaid and playwright-core and the SVG drawing,
 * where Chromium is present, about 25 s; attw, which loads TypeScript, 5 to 15 s a package;
 * `pnpm -r publish --dry-run` about 15 s); vitest runs it beside the other test files.
 * The first run on a machine also downloads those packages from the registry.
 */
import { access, cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { publint } from 'publint'
import { parse as parseYaml } from 'yaml'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type CliResult, fixtures, repoRoot, runCollected } from './helpers/run-cli.js'
import { sarifValidator } from './helpers/sarif.js'

const PACKAGES = ['core', 'render', 'cli'] as const
const INSTALL = 180_000

type Run = CliResult

/**
 * A command as a user's shell runs it: none of the variables `pnpm test` sets (its
 * npm_config_*, which npm would obey, NODE_PATH, FORCE_COLOR), and no colours.
 */
function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|pnpm_|NODE_PATH$|FORCE_COLOR$|VITEST|INIT_CWD$)/iu.test(name),
    ),
  )
  return runCollected(command, args, cwd, { ...inherited, NO_COLOR: '1', ...env })
}

/** A line of the README's shell blocks, run as it is written there. */
const shell = (line: string, cwd: string, env?: Record<string, string>): Promise<Run> =>
  run('sh', ['-c', line], cwd, env)

/** The README's "Use Plumbline in your project": its shell blocks' lines, in order. */
async function readmeLines(): Promise<string[]> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  const section = readme.split(/^## /mu).find((part) => part.startsWith('Use Plumbline in your project\n')) ?? ''
  return [...section.matchAll(/^```sh\n([\s\S]*?)```$/gmu)].flatMap(([, block = '']) =>
    block.split('\n').filter((line) => line !== '' && !line.startsWith('#')),
  )
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** Bytes under a folder, symlinks not followed (as `du` counts a tree). */
async function treeSize(folder: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name)
    total += entry.isDirectory() ? await treeSize(file) : (await lstat(file)).size
  }
  return total
}

const chromium = process.env.PLUMBLINE_CHROMIUM || '/usr/bin/chromium'
const hasChromium = await exists(chromium)

let work: string
let project: string
const tarballs: Record<(typeof PACKAGES)[number], string> = { core: '', render: '', cli: '' }
let installLine = ''

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'plumbline-packages-'))
  project = path.join(work, 'project')
  await mkdir(path.join(work, 'tarballs'), { recursive: true })
  for (const name of PACKAGES) {
    const packed = await run(
      'pnpm',
      ['pack', '--pack-destination', path.join(work, 'tarballs')],
      path.join(repoRoot, 'packages', name),
    )
    expect(packed.exitCode, packed.stderr).toBe(0)
    tarballs[name] = packed.stdout.trim().split('\n').at(-1) ?? ''
  }
  await mkdir(project)
  await writeFile(path.join(project, 'package.json'), '{ "name": "user-project", "private": true }\n')
  expect((await run('git', ['init', '-q'], project)).exitCode).toBe(0)
  // The README's npm line, with the packages not yet on the registry as their tarballs.
  installLine = (await readmeLines()).find((line) => line.startsWith('npm i ')) ?? ''
  const local = installLine
    .replace('@plumbline/cli', tarballs.cli)
    .replace('@plumbline/core', `${tarballs.core} ${tarballs.render}`)
  const installed = await shell(`${local} --no-audit --no-fund`, project)
  expect(installed.exitCode, installed.stderr).toBe(0)
}, INSTALL)

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true })
})

describe('the packed packages in a project of their own', () => {
  test('the README installs the command with its peers, and without Mermaid or a browser driver', async () => {
    expect(installLine).toBe('npm i -D @plumbline/cli @plumbline/core zod xstate')
    const lines = await readmeLines()
    expect(lines.filter((line) => / (add|i) -D /u.test(line))).toEqual([
      'npm i -D @plumbline/cli @plumbline/core zod xstate',
      'pnpm add -D @plumbline/cli @plumbline/core zod xstate',
      'yarn add -D @plumbline/cli @plumbline/core zod xstate',
    ])
    const modules = path.join(project, 'node_modules')
    expect(await exists(path.join(modules, 'mermaid'))).toBe(false)
    expect(await exists(path.join(modules, 'playwright-core'))).toBe(false)
    // 36 MB today (28 MB before the MCP SDK came); 196 MB when Mermaid and playwright-core came with every install.
    expect(await treeSize(modules)).toBeLessThan(40_000_000)
  })

  test(
    'init, check and render run as the README says',
    async () => {
      const [init, check, render] = (await readmeLines()).filter((line) => line.startsWith('npx plumbline '))
      expect([init, check, render]).toEqual(['npx plumbline init', 'npx plumbline check', 'npx plumbline render'])
      const initialised = await shell(init as string, project)
      expect(initialised.exitCode, initialised.stderr).toBe(0)
      expect(initialised.stdout).toContain('wrote plumbline.config.ts\nwrote models/shop.ts\n')
      const checked = await shell(check as string, project)
      expect(checked.exitCode, checked.stdout + checked.stderr).toBe(0)
      expect(checked.stdout).toContain('1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n')
      const rendered = await shell(render as string, project)
      expect(rendered.exitCode, rendered.stderr).toBe(0)
      expect(await readFile(path.join(project, 'docs/models/shop.md'), 'utf8')).toContain(
        '\n```mermaid\nstateDiagram-v2\n',
      )
    },
    INSTALL,
  )

  test('a model with findings: exit 1, and SARIF that the SARIF schema accepts', async () => {
    await cp(path.join(fixtures, 'accounts-naive.ts'), path.join(project, 'findings/accounts-naive.ts'))
    const checked = await run(
      'npx',
      ['plumbline', 'check', 'findings', '--output-file', 'sarif=reports/plumbline.sarif'],
      project,
    )
    expect(checked.exitCode, checked.stderr).toBe(1)
    const sarif = JSON.parse(await readFile(path.join(project, 'reports/plumbline.sarif'), 'utf8'))
    const validate = sarifValidator()
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
    type Result = {
      ruleId: string
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]
    }
    expect(
      sarif.runs[0].results.map(({ ruleId, locations: [location] }: Result) => [
        ruleId,
        `${location?.physicalLocation.artifactLocation.uri}:${location?.physicalLocation.region.startLine}`,
      ]),
    ).toEqual([
      ['identity/uniqueness-undecided', 'findings/accounts-naive.ts:65'],
      ['identity/ambiguous-target', 'findings/accounts-naive.ts:38'],
      ['identity/ambiguous-target', 'findings/accounts-naive.ts:45'],
      ['effect/violated', 'findings/accounts-naive.ts:51'],
      ['effect/violated', 'findings/accounts-naive.ts:52'],
    ])
  })

  test(
    'the model and config type-check with module nodenext and with bundler',
    async () => {
      // Had the packages' types not resolved (any), this expected error would be unused: an error itself.
      await writeFile(
        path.join(project, 'models/typed.ts'),
        "import { defineSystem } from '@plumbline/core'\n\n// @ts-expect-error a system's name is a string\nexport default defineSystem({ name: 1 })\n",
      )
      const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc')
      for (const [module, moduleResolution] of [
        ['nodenext', 'nodenext'],
        ['preserve', 'bundler'],
      ]) {
        const config = `tsconfig.${moduleResolution}.json`
        const compilerOptions = { target: 'es2022', module, moduleResolution, strict: true, noEmit: true, types: [] }
        await writeFile(
          path.join(project, config),
          JSON.stringify({ compilerOptions, include: ['models', 'findings', 'plumbline.config.ts'] }),
        )
        const checked = await run(process.execPath, [tsc, '-p', config], project)
        expect(checked.stdout + checked.stderr, config).toBe('')
        expect(checked.exitCode).toBe(0)
      }
      await rm(path.join(project, 'models/typed.ts'))
    },
    INSTALL,
  )

  test('render --svg without the optional packages says what to install, and writes nothing', async () => {
    const rendered = await run('npx', ['plumbline', 'render', '--svg', '--out', 'svg-docs'], project)
    expect(rendered.exitCode).toBe(2)
    expect(rendered.stderr).toBe(
      [
        'error: --svg draws diagrams with Mermaid in a headless Chromium, through optional packages that are not installed: mermaid, playwright-core.',
        'error: Install them beside @plumbline/cli: npm i -D mermaid playwright-core (pnpm add -D mermaid playwright-core; yarn add -D mermaid playwright-core).',
        'error: Nothing was written.',
        '',
      ].join('\n'),
    )
    expect(await exists(path.join(project, 'svg-docs'))).toBe(false)
  })

  test.runIf(hasChromium)(
    'with them installed, render --svg draws every diagram',
    async () => {
      const installed = await run('npm', ['i', '-D', 'mermaid', 'playwright-core', '--no-audit', '--no-fund'], project)
      expect(installed.exitCode, installed.stderr).toBe(0)
      const rendered = await run('npx', ['plumbline', 'render', '--svg', '--out', 'svg-docs'], project, {
        PLUMBLINE_CHROMIUM: chromium,
      })
      expect(rendered.exitCode, rendered.stderr).toBe(0)
      const svgs = (await readdir(path.join(project, 'svg-docs/shop'))).sort()
      expect(svgs).toContain('components.svg')
      for (const svg of svgs)
        expect(await readFile(path.join(project, 'svg-docs/shop', svg), 'utf8')).toMatch(/^<svg id="plumbline-shop-/u)
    },
    INSTALL,
  )
})

describe.each(PACKAGES)('@plumbline/%s as packed', (name) => {
  test('publint finds nothing to fix', async () => {
    const tarball = await readFile(tarballs[name])
    const bytes = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer
    const { messages } = await publint({ pack: { tarball: bytes }, strict: true })
    expect(messages).toEqual([])
  })

  test(
    '@arethetypeswrong finds no problem for ES module consumers',
    async () => {
      const attw = path.join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js')
      // esm-only: the packages are ES modules only, so node10 and require() from CommonJS are out of scope.
      // The viewer's browser script and styles are files the CLI copies into a site, not modules: no types to check.
      const assets = name === 'render' ? ['--exclude-entrypoints', './viewer/viewer.js', './viewer/viewer.css'] : []
      const checked = await run(
        process.execPath,
        [attw, tarballs[name], '--profile', 'esm-only', '--format', 'json', ...assets],
        work,
      )
      expect(checked.exitCode, checked.stdout).toBe(0)
    },
    INSTALL,
  )
})

test(
  'pnpm -r publish --dry-run: each package would publish with its built files, no tests',
  async () => {
    const published = await run('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks'], repoRoot)
    expect(published.exitCode, published.stderr).toBe(0)
    const output = published.stdout + published.stderr
    const version = JSON.parse(await readFile(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version
    const files = (name: string): string[] => {
      const listing = output.split(`📦  @plumbline/${name}@${version}\n`)[1]?.split('Tarball Details')[0] ?? ''
      return [...listing.matchAll(/^npm notice [\d.]+k?M?B (\S+)$/gmu)].map(([, file = '']) => file)
    }
    for (const name of PACKAGES) {
      const shipped = files(name)
      expect(shipped, name).toEqual(expect.arrayContaining(['package.json', 'CHANGELOG.md', 'dist/index.d.ts']))
      expect(shipped.filter((file) => /\.test(-d)?\.|\/testing\/|fixtures|tsbuildinfo/u.test(file))).toEqual([])
    }
  },
  INSTALL,
)

test('changesets versions the three packages together', async () => {
  const config = JSON.parse(await readFile(path.join(repoRoot, '.changeset/config.json'), 'utf8'))
  expect(config.fixed).toEqual([PACKAGES.map((name) => `@plumbline/${name}`)])
  const versions = await Promise.all(
    PACKAGES.map(
      async (name) => JSON.parse(await readFile(path.join(repoRoot, 'packages', name, 'package.json'), 'utf8')).version,
    ),
  )
  expect(new Set(versions).size).toBe(1)
})

describe('the GitHub Action', () => {
  /** The action's step as GitHub runs it: its env from the inputs (or their defaults), its script in bash. */
  async function runAction(inputs: Record<string, string>): Promise<Run & { outputs: string }> {
    const action = parseYaml(await readFile(path.join(repoRoot, 'action.yml'), 'utf8'))
    const [step] = action.runs.steps
    const value = (expression: string): string =>
      expression.replace(/\$\{\{ (\S+) \}\}/gu, (_, name: string) => {
        if (name === 'github.action_path') return repoRoot
        const input = name.replace(/^inputs\./u, '')
        const given = inputs[input] ?? action.inputs[input]?.default
        if (given === undefined) throw new Error(`action.yml uses ${name}, which the test does not know`)
        return given
      })
    const outputFile = path.join(work, `github-output-${Date.now()}`)
    await writeFile(outputFile, '')
    const env = Object.fromEntries(Object.entries(step.env as Record<string, string>).map(([k, v]) => [k, value(v)]))
    const result = await run('bash', ['-c', step.run], path.resolve(project, value(step['working-directory'])), {
      ...env,
      GITHUB_OUTPUT: outputFile,
    })
    return { ...result, outputs: await readFile(outputFile, 'utf8') }
  }

  test(
    'on clean models: exit 0, the SARIF path as its output, render --check passes',
    async () => {
      const result = await runAction({ 'render-check': 'true' })
      expect(result.exitCode, result.stdout + result.stderr).toBe(0)
      expect(result.outputs).toBe(`sarif-file=${path.join(project, 'plumbline.sarif')}\n`)
      expect(await exists(path.join(project, 'plumbline.sarif'))).toBe(true)
    },
    INSTALL,
  )

  test(
    'on findings: annotations on the lines, exit 1',
    async () => {
      const result = await runAction({ paths: 'findings', 'sarif-file': 'out/findings.sarif' })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/^::error file=findings\/accounts-naive\.ts,line=\d+/mu)
      expect(result.outputs).toBe(`sarif-file=${path.join(project, 'out/findings.sarif')}\n`)
    },
    INSTALL,
  )

  test(
    'with render-check, a document out of date fails the job though the check is clean',
    async () => {
      const document = path.join(project, 'docs/models/shop.md')
      const text = await readFile(document, 'utf8')
      await writeFile(document, `${text}\nedited by hand\n`)
      const result = await runAction({ 'render-check': 'true' })
      await writeFile(document, text)
      expect(result.exitCode).toBe(1)
      expect(result.stdout + result.stderr).toContain('docs/models/shop.md')
    },
    INSTALL,
  )

  test(
    'without the command in the project, installs the given version and runs it',
    async () => {
      const removed = await run('npm', ['uninstall', '@plumbline/cli', '--no-audit', '--no-fund'], project)
      expect(removed.exitCode, removed.stderr).toBe(0)
      expect(await exists(path.join(project, 'node_modules/.bin/plumbline'))).toBe(false)
      const result = await runAction({ version: `file:${tarballs.cli}` })
      expect(result.exitCode, result.stdout + result.stderr).toBe(0)
      expect(result.stdout).toContain('::group::npm install @plumbline/cli@file:')
      expect(result.outputs).toBe(`sarif-file=${path.join(project, 'plumbline.sarif')}\n`)
    },
    INSTALL,
  )
})
