/**
 * Exploration through the command: stores and machines in a model file, findings with
 * their traces in both formats, the bounds on the command line.
 */
import { describe, expect, it } from 'vitest'
import { makeProject, runCli, STACK_FRAME } from './helpers/cli.js'

const JUGS = `import { defineStore, defineSystem } from '@plumbline/core'
import { assign, setup } from 'xstate'

const jugs = defineStore({
  initial: { small: 0, big: 0 },
  operations: {
    fillSmall: { apply: (s) => ({ ...s, small: 3 }) },
    fillBig: { apply: (s) => ({ ...s, big: 5 }) },
    emptySmall: { apply: (s) => ({ ...s, small: 0 }) },
    emptyBig: { apply: (s) => ({ ...s, big: 0 }) },
    smallToBig: { apply: (s) => ({ small: s.small - Math.min(s.small, 5 - s.big), big: s.big + Math.min(s.small, 5 - s.big) }) },
    bigToSmall: { apply: (s) => ({ small: s.small + Math.min(s.big, 3 - s.small), big: s.big - Math.min(s.big, 3 - s.small) }) },
  },
  never: { fourLitres: (s) => s.big === 4 },
})

const door = setup({ types: { context: {} as { opened: number } } }).createMachine({
  context: { opened: 0 },
  initial: 'closed',
  states: {
    closed: {
      on: {
        OPEN: { guard: ({ context }) => context.opened < 3, target: 'open', actions: assign({ opened: ({ context }) => context.opened + 1 }) },
        LOCK: 'locked',
      },
    },
    open: { on: { CLOSE: 'closed' } },
    locked: {},
  },
})

export default defineSystem({
  name: 'puzzles',
  stores: { jugs },
  machines: { door: { machine: door, invariants: { openedOnce: (snapshot) => snapshot.context.opened < 2 } } },
})
`

describe('plumbline check: exploration', () => {
  it('reports findings with their shortest traces in the JSON report, and what each exploration covered', async () => {
    const project = await makeProject({ 'models/puzzles.ts': JUGS })
    const result = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    const [model] = JSON.parse(result.stdout).models
    const location = (line: number, column: number) => ({ file: 'models/puzzles.ts', line, column })
    const door = (value: string, opened: number) => ({ value, context: { opened } })
    expect(model.diagnostics).toEqual([
      {
        rule: 'state/deadlock',
        severity: 'error',
        message: 'state "locked" is a deadlock: the machine is not done, and no event it accepts is enabled',
        element: 'machines.door.states.locked',
        initial: door('closed', 0),
        trace: [{ action: 'LOCK', params: {}, state: door('locked', 0) }],
        location: location(28, 5),
      },
      {
        rule: 'invariant/violated',
        severity: 'error',
        message: 'invariant "openedOnce" does not hold',
        element: 'machines.door.invariants.openedOnce',
        initial: door('closed', 0),
        trace: [
          { action: 'OPEN', params: {}, state: door('open', 1) },
          { action: 'CLOSE', params: {}, state: door('closed', 1) },
          { action: 'OPEN', params: {}, state: door('open', 2) },
        ],
        location: location(35, 52),
      },
      {
        rule: 'constraint/violated',
        severity: 'error',
        message: 'never "fourLitres" holds',
        element: 'stores.jugs.never.fourLitres',
        initial: { small: 0, big: 0 },
        trace: [
          { action: 'fillBig', params: {}, state: { small: 0, big: 5 } },
          { action: 'bigToSmall', params: {}, state: { small: 3, big: 2 } },
          { action: 'emptySmall', params: {}, state: { small: 0, big: 2 } },
          { action: 'bigToSmall', params: {}, state: { small: 2, big: 0 } },
          { action: 'fillBig', params: {}, state: { small: 2, big: 5 } },
          { action: 'bigToSmall', params: {}, state: { small: 3, big: 4 } },
        ],
        location: location(14, 12),
      },
    ])
    const ms = expect.any(Number)
    expect(model.exploration).toEqual([
      {
        element: 'machines.door',
        states: 11,
        transitions: 10,
        complete: true,
        ms,
        depth: 7,
        collisionProbability: expect.closeTo(2.98e-18, 20),
      },
      {
        element: 'stores.jugs',
        states: 16,
        transitions: 96,
        complete: true,
        ms,
        depth: 7,
        collisionProbability: expect.closeTo(6.505e-18, 20),
      },
    ])
  })

  it('finds the same where Node forbids generating code (the compiled fingerprints step aside)', async () => {
    const project = await makeProject({ 'models/puzzles.ts': JUGS })
    const plain = await runCli(['check', '--format', 'json'], { cwd: project })
    const forbidden = await runCli(['check', '--format', 'json'], {
      cwd: project,
      env: { NODE_OPTIONS: '--disallow-code-generation-from-strings' },
    })
    expect(forbidden.stderr).toBe('')
    expect(forbidden.exitCode).toBe(1)
    const withoutTimes = (stdout: string) => stdout.replace(/"ms": \d+/g, '"ms": 0')
    expect(withoutTimes(forbidden.stdout)).toBe(withoutTimes(plain.stdout))
  })

  it('prints traces as numbered steps with the fields each changed in the human report', async () => {
    const project = await makeProject({ 'models/puzzles.ts': JUGS })
    const result = await runCli(['check', '--max-states', '8'], { cwd: project })
    expect(result).toEqual({
      exitCode: 1,
      stderr: '',
      stdout: [
        'models/puzzles.ts (puzzles)',
        '  ✖ error  machines.door.states.locked  state/deadlock',
        '    state "locked" is a deadlock: the machine is not done, and no event it accepts is enabled',
        '    at models/puzzles.ts:28:5',
        '      26 |     },',
        "      27 |     open: { on: { CLOSE: 'closed' } },",
        '    > 28 |     locked: {},',
        '         |     ^',
        '      29 |   },',
        '      30 | })',
        '    from {"value":"closed","context":{"opened":0}}',
        '    1. LOCK',
        '       value: "closed" → "locked"',
        '  ✖ error  machines.door.invariants.openedOnce  invariant/violated',
        '    invariant "openedOnce" does not hold',
        '    at models/puzzles.ts:35:52',
        "      33 |   name: 'puzzles',",
        '      34 |   stores: { jugs },',
        '    > 35 |   machines: { door: { machine: door, invariants: { openedOnce: (snapshot) => snapshot.context.opened < 2 } } },',
        '         |                                                    ^',
        '      36 | })',
        '      37 |',
        '    from {"value":"closed","context":{"opened":0}}',
        '    1. OPEN',
        '       value: "closed" → "open"',
        '       context.opened: 0 → 1',
        '    2. CLOSE',
        '       value: "open" → "closed"',
        '    3. OPEN',
        '       value: "closed" → "open"',
        '       context.opened: 1 → 2',
        '  ⚠ warning  machines.door  explore/incomplete',
        '    exploration stopped at the bound of 8 states, after 8 states and 7 transitions to depth 4: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (context.opened kept changing): bound it with a guard on the events that grow it (OPEN), or check to a depth with --max-depth N; if it is finite, raise --max-states',
        '    at models/puzzles.ts:35:15',
        "      33 |   name: 'puzzles',",
        '      34 |   stores: { jugs },',
        '    > 35 |   machines: { door: { machine: door, invariants: { openedOnce: (snapshot) => snapshot.context.opened < 2 } } },',
        '         |               ^',
        '      36 | })',
        '      37 |',
        '  ⚠ warning  stores.jugs  explore/incomplete',
        '    exploration stopped at the bound of 8 states, after 8 states and 40 transitions to depth 3: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (big and small kept changing): bound it with a guard or a smaller domain on the operations that grow it (fillBig, bigToSmall and emptySmall), or check to a depth with --max-depth N; if it is finite, raise --max-states',
        '    at models/puzzles.ts:34:13',
        '      32 | export default defineSystem({',
        "      33 |   name: 'puzzles',",
        '    > 34 |   stores: { jugs },',
        '         |             ^',
        '      35 |   machines: { door: { machine: door, invariants: { openedOnce: (snapshot) => snapshot.context.opened < 2 } } },',
        '      36 | })',
        '  explored machines.door: 8 states, 7 transitions, depth 4 (incomplete: stopped at the states bound)',
        '  explored stores.jugs: 8 states, 40 transitions, depth 3 (incomplete: stopped at the states bound)',
        '',
        '1 model checked: ✖ 2 errors, 2 warnings, 0 infos',
        '',
      ].join('\n'),
    })
  })

  it('reports what the model’s code throws, names it, and still checks the rest', async () => {
    const project = await makeProject({
      'models/hostile.ts': `import { defineStore, defineSystem } from '@plumbline/core'

export default defineSystem({
  name: 'hostile',
  stores: {
    fragile: defineStore({
      initial: { n: 0 },
      operations: {
        inc: { guard: (s) => s.n < 2, apply: (s) => ({ n: s.n + 1 }) },
        explode: {
          guard: (s) => s.n === 1,
          apply: (s): { n: number } => {
            throw new Error(\`cannot explode at \${s.n}\`)
          },
        },
      },
    }),
    mutating: defineStore({
      initial: { list: [] as number[] },
      operations: {
        push: { guard: (s) => s.list.length < 1, apply: (s) => { s.list.push(1); return { list: [...s.list] } } },
      },
    }),
    sound: defineStore({ initial: { n: 0 }, operations: {}, invariants: { positive: (s) => s.n > 0 } }),
  },
})
`,
    })
    const result = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('')
    const [model] = JSON.parse(result.stdout).models
    expect(
      model.diagnostics.map(({ rule, element, message, trace }: Record<string, unknown>) => [
        rule,
        element,
        message,
        (trace as unknown[]).length,
      ]),
    ).toEqual([
      [
        'explore/error',
        'stores.fragile.operations.explode.apply',
        'apply of operation "explode" threw: Error: cannot explode at 1',
        1,
      ],
      [
        'explore/error',
        'stores.mutating.operations.push.apply',
        'apply of operation "push" changed its input state in place; states are values: return a new state (e.g. { ...state, count: state.count + 1 }) and leave the old one as it was. Exploration stopped here',
        0,
      ],
      ['invariant/violated', 'stores.sound.invariants.positive', 'invariant "positive" does not hold', 0],
    ])
    expect(
      model.exploration.map(({ element, complete }: { element: string; complete: boolean }) => [element, complete]),
    ).toEqual([
      ['stores.fragile', false],
      ['stores.mutating', false],
      ['stores.sound', true],
    ])
  })

  it('what a plain-JavaScript model gets wrong is reported, never a crash nor a silent pass', async () => {
    const project = await makeProject({
      'models/hostile.js': `import { defineSystem } from '@plumbline/core'
import { createMachine } from 'xstate'

const door = createMachine({
  initial: 'closed',
  states: { closed: { on: { OPEN: { guard: ({ context }) => context.keys.length > 0, target: 'open' } } }, open: {} },
})

export default defineSystem({
  name: 'hostile',
  machines: { door },
  stores: {
    counter: {
      initial: { n: 0 },
      operations: { reset: { apply: (s) => { ({ ...s, n: 0 }) } } },
      invariants: { zero: (s) => s.n === 0 },
    },
  },
})
`,
    })
    const result = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('')
    const [model] = JSON.parse(result.stdout).models
    expect(
      model.diagnostics.map(({ rule, element, message }: Record<string, unknown>) => [rule, element, message]),
    ).toEqual([
      [
        'explore/error',
        'machines.door',
        "event \"OPEN\" threw: Error: Unable to evaluate guard in transition for event 'OPEN' in state node '(machine).closed': Cannot read properties of undefined (reading 'length')",
      ],
      [
        'explore/error',
        'stores.counter.operations.reset.apply',
        'apply of operation "reset" returned undefined: it must return the next state (a block body needs a return)',
      ],
    ])
    expect(
      model.exploration.map(({ element, complete }: { element: string; complete: boolean }) => [element, complete]),
    ).toEqual([
      ['machines.door', false],
      ['stores.counter', false],
    ])
  })

  it('never draws a progress line where stderr is not a terminal', async () => {
    const project = await makeProject({
      'models/big.ts': `import { defineStore, defineSystem } from '@plumbline/core'
export default defineSystem({ name: 'big', stores: { counter: defineStore({ initial: { n: 0 }, operations: { inc: { guard: (s) => s.n < 300000, apply: (s) => ({ n: s.n + 1 }) } } }) } })
`,
    })
    const result = await runCli(['check'], { cwd: project })
    expect(result).toMatchObject({ exitCode: 0, stderr: '' })
    expect(result.stdout).toContain('explored stores.counter: 300001 states, 300000 transitions, depth 300000')
  })

  it.each([
    [
      ['--max-states', 'many'],
      "error: option '--max-states <count>' argument 'many' is invalid. expected a whole number, e.g. 100000",
    ],
    [
      ['--timeout', 'soon'],
      "error: option '--timeout <duration>' argument 'soon' is invalid. expected a duration, e.g. 500ms, 30s, 2m",
    ],
  ])('refuses a bad bound %j with exit 2 and no stack', async (args, message) => {
    const result = await runCli(['check', ...args])
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')[0]).toBe(message)
    expect(result.stderr).not.toMatch(STACK_FRAME)
  })
})

describe('plumbline check: a store that grows without bound', () => {
  const tickets = `import { defineStore, defineSystem } from '@plumbline/core'

type Desk = { open: number[]; nextId: number }

const desk = defineStore({
  initial: { open: [], nextId: 1 } as Desk,
  operations: {
    openTicket: { apply: (s: Desk): Desk => ({ open: [...s.open, s.nextId], nextId: s.nextId + 1 }) },
    closeOldest: { guard: (s: Desk) => s.open.length > 0, apply: (s: Desk): Desk => ({ ...s, open: s.open.slice(1) }) },
  },
})

export default defineSystem({ name: 'tickets', stores: { desk } })
`

  it('says which bound stopped it, that the space may be unbounded, what kept changing and how to bound it', async () => {
    const project = await makeProject({ 'models/tickets.ts': tickets })
    const result = await runCli(['check', '--max-states', '1000', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(0)
    const [model] = JSON.parse(result.stdout).models
    expect(
      model.diagnostics.map(({ rule, severity, message }: Record<string, string>) => [rule, severity, message]),
    ).toEqual([
      [
        'explore/incomplete',
        'warning',
        'exploration stopped at the bound of 1000 states, after 1000 states and 1906 transitions to depth 61: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (open and nextId kept changing): bound it with a guard or a smaller domain on the operations that grow it (openTicket and closeOldest), or check to a depth with --max-depth N; if it is finite, raise --max-states',
      ],
    ])
    expect(
      model.exploration.map(({ bound, complete }: { bound: string; complete: boolean }) => [bound, complete]),
    ).toEqual([['states', false]])
  })
})

describe('plumbline check: a machine whose context grows without bound', () => {
  // Its levels alternate in size (open, then dispensing and closed), and its deepest path is long.
  const vault = `import { defineMachine, defineSystem } from '@plumbline/core'
import { assign, createMachine } from 'xstate'

const vault = createMachine({
  id: 'vault',
  context: { balance: 1 },
  initial: 'closed',
  states: {
    closed: { on: { OPEN: 'open' } },
    open: {
      on: {
        WITHDRAW: { target: 'dispensing', actions: assign({ balance: ({ context }) => context.balance - 1 }) },
        CLOSE: 'closed',
      },
    },
    dispensing: { on: { DONE: 'open' } },
  },
})

export default defineSystem({ name: 'vault', machines: { vault: defineMachine({ machine: vault }) } })
`
  const hint =
    'it was still going deeper when it stopped, so the state space may be unbounded (context.balance kept changing): bound it with a guard on the events that grow it (WITHDRAW), or check to a depth with --max-depth N; if it is finite, raise --max-states'

  it.each([
    ['1000', 'after 1000 states and 1332 transitions to depth 667'],
    ['1001', 'after 1001 states and 1333 transitions to depth 667'],
    // Deeper than the hint replays: it reads the first 100 000 steps of the deepest path.
    ['160000', 'after 160000 states and 213332 transitions to depth 106667'],
  ])('--max-states %s: says what kept changing and which event grows it', async (states, reached) => {
    const project = await makeProject({ 'models/vault.ts': vault })
    const result = await runCli(['check', '--max-states', states, '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(0)
    const [model] = JSON.parse(result.stdout).models
    expect(
      model.diagnostics.map(({ rule, severity, message }: Record<string, string>) => [rule, severity, message]),
    ).toEqual([
      [
        'explore/incomplete',
        'warning',
        `exploration stopped at the bound of ${Number(states)} states, ${reached}: states beyond it are not checked; ${hint}`,
      ],
    ])
  })
})
