/**
 * What a model's code does to the process around it (issue 22): memory it holds without bound
 * (a store whose states grow, an apply that allocates in a loop, a top level that does) and
 * failures it leaves where nothing awaits them (a rejected promise, a throw in a timer). Each is
 * reported against its model, never V8's fatal out-of-memory error, Node's raw stack or a pass.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

/** A model whose one store's operation runs `applyBody` (with `s` the state) and returns its result. */
function storeWithApply(initial: string, applyBody: string, guard = 'true'): string {
  return `import { defineStore, defineSystem } from '@plumbline/core'

const counter = defineStore({
  initial: ${initial},
  operations: {
    inc: { guard: (s) => ${guard}, apply: (s) => { ${applyBody} } },
  },
})

export default defineSystem({ name: 'hostile', stores: { counter } })
`
}

interface Stats {
  element: string
  complete: boolean
  bound?: string
}

describe('memory is bounded (--max-memory)', () => {
  it('an apply that allocates without end is stopped at the bound: explore/incomplete before that step', async () => {
    const project = await makeProject({
      'model.ts': storeWithApply(
        '{ n: 0 }',
        'if (s.n === 2) { const held = []; while (true) held.push({ at: held.length }) }\n return { n: s.n + 1 }',
      ),
    })
    // A heap near its limit collects slowly: the step limit is set out of the way of the memory bound.
    const result = await runCli(
      ['check', 'model.ts', '--max-memory', '128', '--step-timeout', '10m', '--format', 'json'],
      {
        cwd: project,
      },
    )
    expect([result.exitCode, result.stderr]).toEqual([0, ''])
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics.map((d: { rule: string; message: string }) => [d.rule, d.message])).toEqual([
      [
        'explore/incomplete',
        'exploration stopped at the memory bound of 128 MB, after 3 states and 2 transitions to depth 2: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (n kept changing): bound it with a guard or a smaller domain on the operations that grow it (inc), or check to a depth with --max-depth N; if it is finite, raise --max-memory',
      ],
    ])
    expect(model.exploration.map(({ element, complete, bound }: Stats) => ({ element, complete, bound }))).toEqual([
      { element: 'stores.counter', complete: false, bound: 'memory' },
    ])
  })

  it('a store whose states grow stops at the bound of the config, and --fail-on-incomplete fails the run', async () => {
    const project = await makeProject({
      'plumbline.config.ts': 'export default { models: ["model.ts"], explore: { maxMemory: 128 } }\n',
      'model.ts': `import { defineStore, defineSystem } from '@plumbline/core'

const log = defineStore({
  initial: { lines: [] as string[] },
  operations: {
    a: { apply: (s) => ({ lines: [...s.lines, 'a'.repeat(1000) + s.lines.length] }) },
    b: { apply: (s) => ({ lines: [...s.lines, 'b'.repeat(1000) + s.lines.length] }) },
  },
})

export default defineSystem({ name: 'growing', stores: { log } })
`,
    })
    const result = await runCli(['check', '--fail-on-incomplete', '--step-timeout', '10m'], { cwd: project })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(
      /^ {2}✖ error {2}stores\.log {2}explore\/incomplete\n {4}exploration stopped at the memory bound of 128 MB, after \d+ states and \d+ transitions to depth \d+: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded \(lines kept changing\): bound it with a guard or a smaller domain on the operations that grow it \(a and b\), or check to a depth with --max-depth N; if it is finite, raise --max-memory$/m,
    )
    expect(result.stdout).toMatch(/^ {2}explored stores\.log: .* \(incomplete: stopped at the memory bound\)$/m)
  })

  it('render, which checks on its own thread, stops there too, and its document says so', async () => {
    const project = await makeProject({
      'plumbline.config.ts': 'export default { models: ["model.ts"], explore: { maxMemory: 128 } }\n',
      'model.ts': storeWithApply(
        '{ lines: [] as string[] }',
        "return { lines: [...s.lines, 'x'.repeat(1000) + s.lines.length] }",
      ).replace(
        'inc: {',
        "other: { apply: (s) => ({ lines: [...s.lines, 'y'.repeat(1000) + s.lines.length] }) },\n    inc: {",
      ),
    })
    const result = await runCli(['render'], { cwd: project })
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'wrote docs/models/hostile.md\n1 written, 0 unchanged\n',
    })
    const document = await readFile(path.join(project, 'docs/models/hostile.md'), 'utf8')
    expect(document).toMatch(/exploration stopped at the memory bound of 128 MB, after \d+ states/)
  })

  it('a top level that allocates without end is a load error naming the file and the bound, exit 2', async () => {
    const project = await makeProject({
      'model.ts': 'const held: object[] = []\nwhile (true) held.push({ at: held.length })\nexport default {}\n',
    })
    expect(
      await runCli(['check', 'model.ts', '--max-memory', '128', '--step-timeout', '10m'], { cwd: project }),
    ).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: model.ts: ran out of memory while loading: its top level (or a module it imports) holds more than the memory bound of 128 MB (--max-memory)\n',
    })
  })

  it('a bound the checker cannot run in is a usage error', async () => {
    const project = await makeProject({ 'model.ts': storeWithApply('{ n: 0 }', 'return { n: s.n + 1 }', 's.n < 2') })
    expect(await runCli(['check', 'model.ts', '--max-memory', '10'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        "error: option '--max-memory <MB>' argument '10' is invalid. expected megabytes, at least 64 (the checker itself needs about that)\n(run plumbline --help for usage)\n",
    })
  })
})

describe('failures nothing awaits are the model’s errors, exit 2', () => {
  const cases: [string, string, string][] = [
    [
      'a promise rejected at import',
      `Promise.reject(new Error('not now'))\n${storeWithApply('{ n: 0 }', 'return { n: s.n + 1 }', 's.n < 2')}`,
      'a promise its code made was rejected and nothing handled it: Error: not now',
    ],
    [
      'a promise rejected in a guard',
      storeWithApply('{ n: 0 }', 'return { n: s.n + 1 }', "(s.n === 1 && void Promise.reject('late'), s.n < 2)"),
      "a promise its code made was rejected and nothing handled it: 'late' (thrown, not an Error)",
    ],
    [
      'a throw in a timer set at import',
      `setTimeout(() => { throw new TypeError('tick') }, 0)\n${storeWithApply('{ n: 0 }', 'return { n: s.n + 1 }', 's.n < 2')}`,
      'its code threw outside any call of the checker (in a timer or a callback): TypeError: tick',
    ],
  ]

  it.each(cases)('%s', async (_, source, reason) => {
    const project = await makeProject({ 'model.ts': source, 'clean.ts': storeWithApply('{ n: 0 }', 'return { n: 1 }') })
    expect(await runCli(['check', 'model.ts', 'clean.ts', '--format', 'json'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `error: model.ts: ${reason}\n`,
    })
  })
})
