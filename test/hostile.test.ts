/**
 * Hostile model code (issue 14): what a model throws, prints or never returns from, and how the
 * command still answers with a report on stdout and the exit code of the contract.
 */
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
    // An Error carries its line (its column, from jiti's transformed code, is not yet the source's).
    const where = /^(new|Error)/.test(thrown) ? ':1:\\d+' : ''
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
