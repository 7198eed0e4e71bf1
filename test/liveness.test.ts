/**
 * Liveness through the command: a lasso in the JSON report (trace plus loop) and in pretty
 * output, fairness that makes the property hold, and a bound that leaves it unchecked.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, runCli } from './helpers/cli.js'

const RESET = (fairness: string) => `import { defineStore, defineSystem } from '@plumbline/core'

type Reset = 'none' | 'pending' | 'done'
const reset = defineStore({
  initial: { reset: 'none' as Reset, sent: 1 },
  operations: {
    request: { guard: (s) => s.reset === 'none', apply: (s) => ({ ...s, reset: 'pending' as Reset }) },
    resend: { guard: (s) => s.reset === 'pending', apply: (s) => ({ ...s, sent: 3 - s.sent }) },
    confirm: { guard: (s) => s.reset === 'pending', apply: (s) => ({ ...s, reset: 'done' as Reset }) },
  },
  liveness: { resetEnds: { when: (s) => s.reset === 'pending', then: (s) => s.reset === 'done' } },
  ${fairness}
})

export default defineSystem({ name: 'reset', stores: { reset } })
`

describe('plumbline check: liveness', () => {
  it('reports a lasso: the trace to the loop and the loop, with loop its first step, in JSON and in pretty output', async () => {
    const project = await makeProject({ 'models/reset.ts': RESET('') })
    const json = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(json.stderr).toBe('')
    expect(json.exitCode).toBe(1)
    const [model] = JSON.parse(json.stdout).models
    expect(model.diagnostics).toEqual([
      {
        rule: 'liveness/violated',
        severity: 'error',
        message:
          'liveness "resetEnds" does not hold: from a reachable state where when holds, a fair behaviour never reaches a state where then holds (it loops for ever; no fairness declared)',
        element: 'stores.reset.liveness.resetEnds',
        location: { file: 'models/reset.ts', line: 11, column: 15 },
        initial: { reset: 'none', sent: 1 },
        trace: [
          { action: 'request', params: {}, state: { reset: 'pending', sent: 1 } },
          { action: 'resend', params: {}, state: { reset: 'pending', sent: 2 } },
          { action: 'resend', params: {}, state: { reset: 'pending', sent: 1 } },
        ],
        loop: 1,
      },
    ])
    expect(model.exploration[0]).toMatchObject({
      element: 'stores.reset',
      states: 5,
      complete: true,
      liveness: 'checked',
    })
    const pretty = await runCli(['check'], { cwd: project })
    expect(pretty.stdout).toContain(
      [
        '    from {"reset":"none","sent":1}',
        '    1. request',
        '       reset: "none" → "pending"',
        '    ↻ from here, repeated for ever:',
        '    2. resend',
        '       sent: 1 → 2',
        '    3. resend',
        '       sent: 2 → 1',
        '    ↻ back to the state after step 1',
      ].join('\n'),
    )
  })

  it('holds under weak fairness of confirm; a bound leaves it unchecked, never holding', async () => {
    const project = await makeProject({ 'models/reset.ts': RESET("fairness: { weak: ['confirm'] },") })
    const fair = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(fair.exitCode).toBe(0)
    expect(JSON.parse(fair.stdout).models[0].diagnostics).toEqual([])
    const bounded = await runCli(['check', '--max-states', '2'], { cwd: project })
    expect(bounded.stdout).toContain(
      'explored stores.reset: 2 states, 1 transition, depth 1 (incomplete: stopped at the states bound; liveness unchecked)',
    )
    expect(bounded.stdout).toContain('states beyond it are not checked, nor is liveness')
  })

  it('names an unknown operation in fairness; liveness is checked with the fairness that is known', async () => {
    const project = await makeProject({ 'models/reset.ts': RESET("fairness: { weak: ['confrim'] },") })
    const result = await runCli(['check', '--format', 'json'], { cwd: project })
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics.map(({ rule, element }: { rule: string; element: string }) => [rule, element])).toEqual([
      ['model/invalid', 'stores.reset.fairness.weak[0]'],
      ['liveness/violated', 'stores.reset.liveness.resetEnds'],
    ])
    expect(model.diagnostics[0].message).toBe('unknown operation "confrim" (did you mean "confirm"?)')
  })
})

const COUNTER = `import { defineStore, defineSystem } from '@plumbline/core'

const counter = defineStore({
  initial: { n: 0 },
  domains: { by: [1, 2] },
  operations: { up: { params: { by: 'by' }, apply: (s, { by }) => ({ n: s.n + by }) } },
  invariants: { belowThirty: (s) => s.n < 30 },
})

export default defineSystem({ name: 'counter', stores: { counter } })
`

describe('plumbline check --simulate', () => {
  it('--depth or --seed without --simulate is a usage error (exit 2), and so is a depth past 1,000,000', async () => {
    const project = await makeProject({ 'models/counter.ts': COUNTER })
    expect(await runCli(['check', '--depth', '5'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "error: --depth needs --simulate (the bound on the search's depth is --max-depth)\n",
    })
    expect((await runCli(['check', '--seed', '5'], { cwd: project })).stderr).toBe(
      "error: --seed needs --simulate (the bound on the search's depth is --max-depth)\n",
    )
    const deep = await runCli(['check', '--simulate', '1', '--depth', '99999999999'], { cwd: project })
    expect([deep.exitCode, deep.stderr.split('\n')[0]]).toEqual([
      2,
      "error: option '--depth <d>' argument '99999999999' is invalid. Expected a whole number from 1 to 1000000.",
    ])
  })

  it('a simulation longer than --step-timeout is not a hung step, and --timeout ends it with what it found', async () => {
    const grid = path.join(fixtures, 'probe18')
    const args = [
      'check',
      'simulate-grid.ts',
      '--max-states',
      '50',
      '--depth',
      '1000',
      '--seed',
      '1',
      '--format',
      'json',
    ]
    const long = await runCli([...args, '--simulate', '10000', '--step-timeout', '1s'], { cwd: grid })
    expect(long.stderr).toBe('')
    const [model] = JSON.parse(long.stdout).models
    expect(model.diagnostics.map(({ rule }: { rule: string }) => rule)).toEqual([
      'constraint/violated',
      'explore/incomplete',
    ])
    expect(model.exploration[0].simulation).toMatchObject({ behaviours: 10000, steps: 10_000_000 })
    // Far more than a second's worth: the time bound stops it, and it says how many behaviours ran.
    const bounded = await runCli([...args, '--simulate', '100000000', '--timeout', '1s'], { cwd: grid })
    expect(bounded.exitCode).toBe(1)
    const [stopped] = JSON.parse(bounded.stdout).models
    expect(stopped.diagnostics.map(({ rule }: { rule: string }) => rule)).toEqual([
      'constraint/violated',
      'explore/incomplete',
    ])
    expect(stopped.exploration[0].simulation.behaviours).toBeLessThan(100000000)
  })

  it('finds a violation beyond --max-states, prints its seed, and replays the same run with --seed', async () => {
    const project = await makeProject({ 'models/counter.ts': COUNTER })
    const args = ['check', '--max-states', '10', '--simulate', '20', '--depth', '40']
    const first = await runCli([...args, '--format', 'json'], { cwd: project })
    expect(first.stderr).toBe('')
    const [model] = JSON.parse(first.stdout).models
    expect(model.diagnostics.map(({ rule }: { rule: string }) => rule)).toEqual([
      'invariant/violated',
      'explore/incomplete',
    ])
    const [stats] = model.exploration
    expect(stats).toMatchObject({ complete: false, simulation: { behaviours: 20, depth: 40 } })
    const again = await runCli([...args, '--seed', String(stats.simulation.seed), '--format', 'json'], { cwd: project })
    expect(JSON.parse(again.stdout).models[0].diagnostics).toEqual(model.diagnostics)
    const pretty = await runCli([...args, '--seed', '7'], { cwd: project })
    expect(pretty.stdout).toMatch(
      /explored stores\.counter: 10 states, \d+ transitions, depth \d+; then simulated 20 behaviours of up to 40 steps \(\d+ steps\), seed 7 \(incomplete: simulation is not a proof; the search stopped at the states bound\)/,
    )
  })

  it('simulates a machine: random events, delays among them, its never predicates checked on every step, seeded', async () => {
    const project = await makeProject({ 'models/counter.ts': COUNTING_MACHINE })
    const args = ['check', '--max-states', '10', '--simulate', '20', '--depth', '40', '--seed', '7']
    const first = await runCli([...args, '--format', 'json'], { cwd: project })
    expect(first.stderr).toBe('')
    const [model] = JSON.parse(first.stdout).models
    expect(
      model.diagnostics.map(({ rule, element }: { rule: string; element: string }) => `${rule} ${element}`),
    ).toEqual(['constraint/violated machines.counter.never.thirty', 'explore/incomplete machines.counter'])
    const trace = model.diagnostics[0].trace as { action: string; params: { by?: number }; state: Snapshot }[]
    // From the initial snapshot, through the search's frontier (two steps deep), to the first snapshot at 30.
    expect(trace).toHaveLength(40)
    expect(
      trace.slice(0, 4).map(({ action, params }) => `${action}${params.by === undefined ? '' : ` ${params.by}`}`),
    ).toEqual(['UP 1', 'UP 2', 'xstate.after.1000.counter.counting', 'RESUME'])
    let n = 0
    for (const { params, state } of trace) {
      n += params.by ?? 0
      expect(state.context.n).toBe(n)
    }
    expect([trace.at(-2)?.state.context.n, trace.at(-1)?.state.context.n]).toEqual([29, 30])
    expect(model.exploration[0]).toMatchObject({
      element: 'machines.counter',
      complete: false,
      bound: 'states',
      simulation: { behaviours: 20, depth: 40, seed: 7, steps: 800 },
    })
    const again = await runCli([...args, '--format', 'json'], { cwd: project })
    expect(JSON.parse(again.stdout).models[0].diagnostics).toEqual(model.diagnostics)
    const pretty = await runCli(args, { cwd: project })
    expect(pretty.stdout).toContain(
      'explored machines.counter: 10 states, 15 transitions, depth 2; then simulated 20 behaviours of up to 40 steps (800 steps), seed 7 (incomplete: simulation is not a proof; the search stopped at the states bound)',
    )
  })
})

type Snapshot = { value: string; context: { n: number } }

const COUNTING_MACHINE = `import { defineMachine, defineSystem } from '@plumbline/core'
import { assign, setup } from 'xstate'

const counter = setup({
  types: { context: {} as { n: number }, events: {} as { type: 'UP'; by: number } | { type: 'RESUME' } },
}).createMachine({
  id: 'counter',
  context: { n: 0 },
  initial: 'counting',
  states: {
    counting: {
      on: { UP: { actions: assign({ n: ({ context, event }) => context.n + event.by }) } },
      after: { 1000: 'paused' },
    },
    paused: { on: { RESUME: 'counting' } },
  },
})

export default defineSystem({
  name: 'counter',
  machines: {
    counter: defineMachine({
      machine: counter,
      events: { UP: [{ by: 1 }, { by: 2 }] },
      never: { thirty: ({ context }) => context.n >= 30 },
    }),
  },
})
`
