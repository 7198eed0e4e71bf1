/**
 * Hostile model code (issue 14): what a model throws, prints or never returns from, and how the
 * command still answers with a report on stdout and the exit code of the contract.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

/** A model whose one store's guard runs `guardBody` on its first step. */
function storeWithGuard(guardBody: string, name = 'hostile'): string {
  return `import { defineStore, defineSystem } from '@plumbline/core'

const counter = defineStore({
  initial: { n: 0 },
  operations: {
    inc: { guard: (s) => { ${guardBody} }, apply: (s) => ({ n: s.n + 1 }) },
  },
})

export default defineSystem({ name: '${name}', stores: { counter } })
`
}

const CLEAN = storeWithGuard('return s.n < 3', 'clean')

const THROWN: [string, string][] = [
  ['{ weird: true }', '{ weird: true } (thrown, not an Error)'],
  ["'boom'", "'boom' (thrown, not an Error)"],
  ['42', '42 (thrown, not an Error)'],
  ['null', 'null (thrown, not an Error)'],
  ['undefined', 'undefined (thrown, not an Error)'],
  ["new Error('save failed', { cause: { code: 'E42' } })", "Error: save failed (cause: { code: 'E42' })"],
  ["new AggregateError([new TypeError('a'), 'b'], 'two failed')", "AggregateError: two failed [TypeError: a; 'b']"],
]

describe('a thrown value of any kind is shown readably', () => {
  it.each(THROWN)('at load: throw %s', async (thrown, shown) => {
    const project = await makeProject({ 'model.ts': `throw ${thrown}\nexport default {}\n` })
    const result = await runCli(['check', 'model.ts'], { cwd: project })
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    // An Error carries its line; not its column, on the first line, where jiti's wrapper shares the line.
    const where = /^(new|Error)/.test(thrown) ? ':1' : ''
    const message = shown.replace(/^Error: /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    expect(result.stderr).toMatch(new RegExp(`^error: model\\.ts${where}: threw while loading: ${message}\n$`))
  })

  it.each(THROWN)('in a guard: throw %s', async (thrown, shown) => {
    const project = await makeProject({ 'model.ts': storeWithGuard(`throw ${thrown}`) })
    const result = await runCli(['check', 'model.ts', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(1)
    const [diagnostic] = JSON.parse(result.stdout).models[0].diagnostics
    expect([diagnostic.rule, diagnostic.element, diagnostic.message]).toEqual([
      'explore/error',
      'stores.counter.operations.inc.guard',
      `guard of operation "inc" threw: ${shown}`,
    ])
  })
})

describe('model code that never returns is bounded', () => {
  it('a guard that loops forever: --timeout 2s answers, and the other model is still checked', async () => {
    const project = await makeProject({
      'models/loop.ts': storeWithGuard('if (s.n === 2) while (true) {}\n return true', 'loop'),
      'models/clean.ts': CLEAN,
    })
    const started = Date.now()
    const result = await runCli(['check', '--timeout', '2s', '--format', 'json'], { cwd: project })
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(result.exitCode).toBe(0)
    const models = JSON.parse(result.stdout).models as { system: string; diagnostics: { rule: string }[] }[]
    expect(models.map(({ system, diagnostics }) => [system, diagnostics.map(({ rule }) => rule)])).toEqual([
      ['clean', []],
      ['loop', ['explore/incomplete']],
    ])
  })

  it('one step past --step-timeout is explore/error naming the operation and the trace to it', async () => {
    const project = await makeProject({ 'model.ts': storeWithGuard('if (s.n === 1) while (true) {}\n return s.n < 3') })
    const result = await runCli(['check', 'model.ts', '--step-timeout', '1s', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(1)
    const [diagnostic] = JSON.parse(result.stdout).models[0].diagnostics
    expect([diagnostic.rule, diagnostic.element, diagnostic.message, diagnostic.trace]).toEqual([
      'explore/error',
      'stores.counter.operations.inc',
      'operation "inc" (its guard or apply, or a check of the state it reached) did not finish within 1 s: the model\'s code does not return (or is far too slow). Exploration stopped here',
      [{ action: 'inc', params: {}, state: { n: 1 } }],
    ])
  })

  it('render and questions are bounded as check is: the guard is stopped, the document says where', async () => {
    const project = await makeProject({
      'models/model.ts': storeWithGuard('if (s.n === 1) while (true) {}\n return s.n < 3'),
      'plumbline.config.ts':
        "import { defineConfig } from '@plumbline/cli'\nexport default defineConfig({ explore: { stepTimeout: 1000 } })\n",
    })
    expect(await runCli(['questions'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: 'models/model.ts (hostile)\n  ✔ no open questions\n\n0 open questions in 1 model\n',
      stderr: '',
    })
    const rendered = await runCli(['render'], { cwd: project })
    expect(rendered).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'wrote docs/models/hostile.md\n1 written, 0 unchanged\n',
    })
    expect(await readFile(path.join(project, 'docs/models/hostile.md'), 'utf8')).toContain(
      '| error | `explore/error` | `stores.counter.operations.inc` | operation "inc" (its guard or apply, or a check of the state it reached) did not finish within 1 s',
    )
  })

  it('a module whose top level never finishes loading is a load error, exit 2', async () => {
    const project = await makeProject({ 'model.ts': 'while (true) {}\nexport default {}\n' })
    expect(await runCli(['check', 'model.ts', '--step-timeout', '1s'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: model.ts: did not finish loading within 1 s: its top level (or a module it imports) does not return, or is far too slow (the limit is --step-timeout)\n',
    })
  })
})

describe('stdout is the report', () => {
  const printing = storeWithGuard("console.log('guard', s.n)\n return s.n < 2", 'printing').replace(
    'const counter',
    "console.log('hello at import')\nprocess.stdout.write('raw\\n')\nconst counter",
  )

  it.each(['json', 'sarif', 'junit'])(
    '--format %s parses though the model prints; its lines go to stderr',
    async (format) => {
      const project = await makeProject({ 'model.ts': printing })
      const result = await runCli(['check', 'model.ts', '--format', format], { cwd: project })
      expect(result.exitCode).toBe(0)
      if (format === 'junit') expect(result.stdout.startsWith('<?xml')).toBe(true)
      else expect(() => JSON.parse(result.stdout)).not.toThrow()
      expect(result.stderr).toBe(
        'model.ts: hello at import\nmodel.ts: raw\nmodel.ts: guard 0\nmodel.ts: guard 1\nmodel.ts: guard 2\n',
      )
    },
  )

  it.each([
    ['in a guard', storeWithGuard('if (s.n === 1) process.exit(0)\n return true')],
    ['at import', 'process.exit(0)\nexport default {}\n'],
  ])('process.exit() %s is an error naming the file, exit 2', async (_, source) => {
    const project = await makeProject({ 'model.ts': source })
    expect(await runCli(['check', 'model.ts', '--format', 'json'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'error: model.ts: process.exit(0) was called by the model: a model must not end the process\n',
    })
  })
})
