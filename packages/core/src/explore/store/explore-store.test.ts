import { describe, expect, it } from 'vitest'
import { defineStore } from '../../model/define.js'
import type { StoreDefinition } from '../../model/types.js'
import { DEFAULT_BOUNDS, type ExplorationBounds } from '../types.js'
import { exploreStore } from './explore-store.js'
import { asReported } from '../../testing/reported.js'

function explore(store: StoreDefinition, bounds: Partial<ExplorationBounds> = {}) {
  const outcome = exploreStore('s', store, { bounds: { ...DEFAULT_BOUNDS, ...bounds } })
  if (outcome === undefined) throw new Error('not explored')
  const { ms: _ms, collisionProbability: _p, ...stats } = outcome.stats
  return { stats, findings: asReported(outcome.findings) }
}

const set = <T>(list: readonly T[], index: number, value: T): T[] => list.map((item, i) => (i === index ? value : item))

/** Die Hard's jugs: 3 and 5 litres, fill, empty, pour. Every state has one jug empty or full: 16 of them. */
const jugs = () =>
  defineStore({
    initial: { small: 0, big: 0 },
    operations: {
      fillSmall: { apply: (s) => ({ ...s, small: 3 }) },
      fillBig: { apply: (s) => ({ ...s, big: 5 }) },
      emptySmall: { apply: (s) => ({ ...s, small: 0 }) },
      emptyBig: { apply: (s) => ({ ...s, big: 0 }) },
      smallToBig: {
        apply: (s) => ({ small: s.small - Math.min(s.small, 5 - s.big), big: s.big + Math.min(s.small, 5 - s.big) }),
      },
      bigToSmall: {
        apply: (s) => ({ small: s.small + Math.min(s.big, 3 - s.small), big: s.big - Math.min(s.big, 3 - s.small) }),
      },
    },
    never: { fourLitres: (s) => s.big === 4 },
  })

type Side = 'near' | 'far'
interface Bank {
  farmer: Side
  wolf: Side
  goat: Side
  cabbage: Side
}
const unsafe = (s: Bank) => s.farmer !== s.goat && (s.goat === s.wolf || s.goat === s.cabbage)
const across = (side: Side): Side => (side === 'near' ? 'far' : 'near')

/** The farmer, the wolf, the goat and the cabbage: 10 safe states, solved in 7 crossings. */
const riverCrossing = () =>
  defineStore({
    initial: { farmer: 'near', wolf: 'near', goat: 'near', cabbage: 'near' } as Bank,
    domains: { cargo: ['wolf', 'goat', 'cabbage'] as const },
    operations: {
      crossAlone: {
        guard: (s) => !unsafe({ ...s, farmer: across(s.farmer) }),
        apply: (s) => ({ ...s, farmer: across(s.farmer) }),
      },
      crossWith: {
        params: { item: 'cargo' },
        guard: (s, { item }) =>
          s[item] === s.farmer && !unsafe({ ...s, farmer: across(s.farmer), [item]: across(s.farmer) }),
        apply: (s, { item }) => ({ ...s, farmer: across(s.farmer), [item]: across(s.farmer) }),
      },
    },
    never: { allAcross: (s) => s.farmer === 'far' && s.wolf === 'far' && s.goat === 'far' && s.cabbage === 'far' },
  })

/** Peterson's mutual exclusion for two processes, one atomic step at a time: 20 states (as SPIN counts them), safe. */
const peterson = () =>
  defineStore({
    initial: { flag: [false, false], turn: 0, pc: [0, 0] },
    domains: { process: [0, 1] },
    operations: {
      want: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 0,
        apply: (s, { p }) => ({ ...s, flag: set(s.flag, p, true), pc: set(s.pc, p, 1) }),
      },
      yield: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 1,
        apply: (s, { p }) => ({ ...s, turn: 1 - p, pc: set(s.pc, p, 2) }),
      },
      enter: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 2 && (!s.flag[1 - p] || s.turn === p),
        apply: (s, { p }) => ({ ...s, pc: set(s.pc, p, 3) }),
      },
      leave: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 3,
        apply: (s, { p }) => ({ ...s, flag: set(s.flag, p, false), pc: set(s.pc, p, 0) }),
      },
    },
    invariants: { mutualExclusion: (s) => !(s.pc[0] === 3 && s.pc[1] === 3) },
  })

/** A lock taken in two steps (test, then set): both processes can pass the test before either sets it. */
const brokenLock = () =>
  defineStore({
    initial: { locked: false, pc: ['idle', 'idle'] },
    domains: { process: [0, 1] },
    operations: {
      test: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 'idle' && !s.locked,
        apply: (s, { p }) => ({ ...s, pc: set(s.pc, p, 'tested') }),
      },
      take: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 'tested',
        apply: (s, { p }) => ({ locked: true, pc: set(s.pc, p, 'critical') }),
      },
      release: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 'critical',
        apply: (s, { p }) => ({ locked: false, pc: set(s.pc, p, 'idle') }),
      },
    },
    invariants: { mutualExclusion: (s) => !(s.pc[0] === 'critical' && s.pc[1] === 'critical') },
  })

describe('exploreStore: classic puzzles and protocols', () => {
  it('water jugs: 16 states, 4 litres in 6 steps', () => {
    const { stats, findings } = explore(jugs())
    expect(stats).toEqual({ element: 'stores.s', states: 16, transitions: 96, complete: true, depth: 7 })
    expect(findings).toEqual([
      {
        rule: 'constraint/violated',
        element: 'stores.s.never.fourLitres',
        message: 'never "fourLitres" holds',
        initial: { small: 0, big: 0 },
        trace: [
          { action: 'fillBig', params: {}, state: { small: 0, big: 5 } },
          { action: 'bigToSmall', params: {}, state: { small: 3, big: 2 } },
          { action: 'emptySmall', params: {}, state: { small: 0, big: 2 } },
          { action: 'bigToSmall', params: {}, state: { small: 2, big: 0 } },
          { action: 'fillBig', params: {}, state: { small: 2, big: 5 } },
          { action: 'bigToSmall', params: {}, state: { small: 3, big: 4 } },
        ],
      },
    ])
  })

  it('river crossing: 10 safe states, across in 7 crossings', () => {
    const { stats, findings } = explore(riverCrossing())
    expect(stats).toMatchObject({ states: 10, complete: true })
    expect(findings).toHaveLength(1)
    expect(findings[0]?.trace?.map((step) => [step.action, step.params])).toEqual([
      ['crossWith', { item: 'goat' }],
      ['crossAlone', {}],
      ['crossWith', { item: 'wolf' }],
      ['crossWith', { item: 'goat' }],
      ['crossWith', { item: 'cabbage' }],
      ['crossAlone', {}],
      ['crossWith', { item: 'goat' }],
    ])
    expect(findings[0]?.trace?.at(-1)?.state).toEqual({ farmer: 'far', wolf: 'far', goat: 'far', cabbage: 'far' })
  })

  it("Peterson's algorithm: 20 states, 34 steps, mutual exclusion holds", () => {
    expect(explore(peterson())).toEqual({
      stats: { element: 'stores.s', states: 20, transitions: 34, complete: true, depth: 6 },
      findings: [],
    })
  })

  it('a test-then-set lock: both processes in the critical section after 4 steps', () => {
    const { stats, findings } = explore(brokenLock())
    expect(stats).toMatchObject({ states: 13, complete: true })
    expect(
      findings.map(({ rule, element, trace }) => [
        rule,
        element,
        trace?.map((step) => `${step.action}(${String(step.params.p)})`),
      ]),
    ).toEqual([
      ['invariant/violated', 'stores.s.invariants.mutualExclusion', ['test(0)', 'test(1)', 'take(0)', 'take(1)']],
    ])
  })

  it('k counters in 0..M-1: M^k states', () => {
    const counters = defineStore({
      initial: { c: [0, 0, 0] },
      domains: { i: [0, 1, 2] },
      operations: {
        inc: {
          params: { i: 'i' },
          guard: (s, { i }) => s.c[i]! < 4,
          apply: (s, { i }) => ({ c: set(s.c, i, s.c[i]! + 1) }),
        },
      },
    })
    expect(explore(counters).stats).toEqual({
      element: 'stores.s',
      states: 125,
      transitions: 300,
      complete: true,
      depth: 12,
    })
  })
})

describe('exploreStore: what it checks', () => {
  const ledger = () =>
    defineStore({
      initial: { balance: 0, log: [] as string[] },
      domains: { amount: [1, 2] },
      operations: {
        deposit: {
          params: { amount: 'amount' },
          guard: (s) => s.balance < 3 && s.log.length < 3,
          apply: (s, { amount }) => ({ balance: s.balance + amount, log: [...s.log, `+${amount}`] }),
        },
        withdraw: {
          params: { amount: 'amount' },
          guard: (s) => s.balance > 0 && s.log.length < 3,
          apply: (s, { amount }) => ({ balance: s.balance - amount, log: [...s.log, `-${amount}`] }),
        },
      },
      invariants: { neverNegative: (s) => s.balance >= 0, shortLog: (s) => s.log.length < 3 },
      never: { four: (s) => s.balance === 4 },
      effects: { movesByOne: ({ before, after }) => Math.abs(after.balance - before.balance) <= 1 },
    })

  it('reports every invariant, never and effect that breaks, each once, with its shortest trace, and explores on past them', () => {
    const { findings } = explore(ledger())
    expect(
      findings.map(({ rule, element, message, trace }) => [
        rule,
        element,
        message,
        trace?.map((step) => `${step.action} ${JSON.stringify(step.params)}`),
      ]),
    ).toEqual([
      [
        'effect/violated',
        'stores.s.effects.movesByOne',
        'effect "movesByOne" does not hold for deposit {"amount":2}',
        ['deposit {"amount":2}'],
      ],
      [
        'invariant/violated',
        'stores.s.invariants.neverNegative',
        'invariant "neverNegative" does not hold',
        ['deposit {"amount":1}', 'withdraw {"amount":2}'],
      ],
      [
        'constraint/violated',
        'stores.s.never.four',
        'never "four" holds',
        ['deposit {"amount":2}', 'deposit {"amount":2}'],
      ],
      [
        'invariant/violated',
        'stores.s.invariants.shortLog',
        'invariant "shortLog" does not hold',
        ['deposit {"amount":1}', 'deposit {"amount":1}', 'deposit {"amount":1}'],
      ],
    ])
  })

  it('reports a violation in the initial state with an empty trace', () => {
    const store = defineStore({ initial: { n: 0 }, operations: {}, invariants: { positive: (s) => s.n > 0 } })
    expect(explore(store).findings).toEqual([
      {
        rule: 'invariant/violated',
        element: 'stores.s.invariants.positive',
        message: 'invariant "positive" does not hold',
        initial: { n: 0 },
        trace: [],
      },
    ])
  })

  it('keys states canonically: {a, b} and {b, a} are one state', () => {
    const store = defineStore({
      initial: { a: 0, b: 0 },
      operations: {
        ab: { apply: () => ({ a: 1, b: 2 }) },
        ba: { apply: () => ({ b: 2, a: 1 }) },
      },
    })
    expect(explore(store).stats).toMatchObject({ states: 2, transitions: 4 })
  })

  it('is deterministic: the same store gives the same states, findings and traces', () => {
    expect(explore(ledger())).toEqual(explore(ledger()))
  })

  it('passes each operation every combination of its params, in order', () => {
    const calls: unknown[] = []
    const store = defineStore({
      initial: { done: false },
      domains: { colour: ['red', 'blue'], size: [1, 2, 3] },
      operations: {
        paint: {
          params: { colour: 'colour', size: 'size' },
          guard: (s, params) => {
            calls.push(params)
            return !s.done
          },
          apply: () => ({ done: true }),
        },
      },
    })
    explore(store)
    expect(calls.slice(0, 6)).toEqual([
      { colour: 'red', size: 1 },
      { colour: 'red', size: 2 },
      { colour: 'red', size: 3 },
      { colour: 'blue', size: 1 },
      { colour: 'blue', size: 2 },
      { colour: 'blue', size: 3 },
    ])
  })
})

describe('exploreStore: hostile models', () => {
  it('a guard that throws: explore/error with the trace to where it threw; the rest is still checked', () => {
    const store = defineStore({
      initial: { n: 0 },
      operations: {
        inc: { guard: (s) => s.n < 3, apply: (s) => ({ n: s.n + 1 }) },
        odd: {
          guard: (s) => {
            if (s.n === 2) throw new RangeError('two is not allowed')
            return false
          },
          apply: (s) => s,
        },
      },
      invariants: { small: (s) => s.n < 3 },
    })
    const { stats, findings } = explore(store)
    expect(stats).toMatchObject({ states: 4, complete: false })
    expect(findings).toEqual([
      {
        rule: 'invariant/violated',
        element: 'stores.s.invariants.small',
        message: 'invariant "small" does not hold',
        initial: { n: 0 },
        trace: [
          { action: 'inc', params: {}, state: { n: 1 } },
          { action: 'inc', params: {}, state: { n: 2 } },
          { action: 'inc', params: {}, state: { n: 3 } },
        ],
      },
      {
        rule: 'explore/error',
        element: 'stores.s.operations.odd.guard',
        message: 'guard of operation "odd" threw: RangeError: two is not allowed',
        initial: { n: 0 },
        trace: [
          { action: 'inc', params: {}, state: { n: 1 } },
          { action: 'inc', params: {}, state: { n: 2 } },
        ],
      },
    ])
  })

  it('an apply that throws', () => {
    const store = defineStore({
      initial: { list: [] as number[] },
      domains: { at: [5] },
      operations: {
        read: { params: { at: 'at' }, apply: (s, { at }) => ({ list: [(s.list[at] as unknown as { x: number }).x] }) },
      },
    })
    const { findings } = explore(store)
    expect(findings.map(({ element, message, trace }) => [element, message, trace])).toEqual([
      [
        'stores.s.operations.read.apply',
        expect.stringMatching(
          /^apply of operation "read" threw with params \{"at":5\}: TypeError: Cannot read properties of undefined/,
        ),
        [],
      ],
    ])
  })

  it('an invariant that throws: explore/error at the invariant, the others still checked', () => {
    const store = defineStore({
      initial: { n: 0 },
      operations: { inc: { guard: (s) => s.n < 2, apply: (s) => ({ n: s.n + 1 }) } },
      invariants: {
        fragile: (s) => {
          if (s.n === 1) throw new Error('cannot tell')
          return true
        },
        belowTwo: (s) => s.n < 2,
      },
    })
    const { stats, findings } = explore(store)
    expect(stats.complete).toBe(true)
    expect(findings.map(({ rule, element, message, trace }) => [rule, element, message, trace?.length])).toEqual([
      ['explore/error', 'stores.s.invariants.fragile', 'invariant "fragile" threw: Error: cannot tell', 1],
      ['invariant/violated', 'stores.s.invariants.belowTwo', 'invariant "belowTwo" does not hold', 2],
    ])
  })

  it('an infinite state space stops at the bound: explore/incomplete, complete false', () => {
    const store = defineStore({ initial: { n: 0 }, operations: { tick: { apply: (s) => ({ n: s.n + 1 }) } } })
    const { stats, findings } = explore(store, { maxStates: 100 })
    expect(stats).toEqual({
      element: 'stores.s',
      states: 100,
      transitions: 99,
      complete: false,
      depth: 99,
      bound: 'states',
    })
    expect(findings).toEqual([
      {
        rule: 'explore/incomplete',
        element: 'stores.s',
        message:
          'exploration stopped at the bound of 100 states, after 100 states and 99 transitions to depth 99: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (n kept changing): bound it with a guard or a smaller domain on the operations that grow it (tick), or check to a depth with --max-depth N; if it is finite, raise --max-states',
      },
    ])
  })

  it('an infinite state space stops at the depth bound', () => {
    const store = defineStore({ initial: { n: 0 }, operations: { tick: { apply: (s) => ({ n: s.n + 1 }) } } })
    expect(explore(store, { maxDepth: 10 }).findings[0]?.message).toBe(
      'exploration stopped at the bound of 10 steps deep, after 11 states and 10 transitions to depth 10: states beyond it are not checked',
    )
  })

  it('an apply that returns nothing (a block body without return): explore/error, never a silent pass', () => {
    type State = { n: number }
    // What TypeScript refuses in a typed model, and plain JavaScript allows.
    const forgetsReturn = ((s: State) => {
      void { ...s, n: 0 }
    }) as unknown as (s: State) => State
    const store = defineStore({
      initial: { n: 0 },
      operations: {
        inc: { guard: (s) => s.n < 1, apply: (s) => ({ n: s.n + 1 }) },
        reset: { apply: forgetsReturn },
      },
      invariants: { small: (s) => s.n < 5 },
    })
    const { stats, findings } = explore(store)
    expect(stats.complete).toBe(false)
    expect(findings).toEqual([
      {
        rule: 'explore/error',
        element: 'stores.s.operations.reset.apply',
        message:
          'apply of operation "reset" returned undefined: it must return the next state (a block body needs a return)',
        initial: { n: 0 },
        trace: [],
      },
    ])
  })

  it('a successor that is not plain data: explore/error naming the apply and what it found', () => {
    const store = defineStore({
      initial: { at: null as Date | null },
      operations: { stamp: { guard: (s) => s.at === null, apply: () => ({ at: new Date(0) }) } },
    })
    const { stats, findings } = explore(store)
    expect(stats.complete).toBe(false)
    expect(findings).toEqual([
      {
        rule: 'explore/error',
        element: 'stores.s.operations.stamp.apply',
        message:
          'apply of operation "stamp" returned a state that is not plain data: found an instance of Date at state.at',
        initial: { at: null },
        trace: [],
      },
    ])
  })

  it('an apply that changes its input in place: explore/error naming it; exploration stops', () => {
    const store = defineStore({
      initial: { items: [] as number[] },
      domains: { item: [1, 2] },
      operations: {
        add: {
          params: { item: 'item' },
          guard: (s) => s.items.length < 2,
          apply: (s, { item }) => {
            s.items.push(item)
            return { items: [...s.items] }
          },
        },
      },
    })
    const { stats, findings } = explore(store)
    expect(stats.complete).toBe(false)
    expect(findings).toEqual([
      {
        rule: 'explore/error',
        element: 'stores.s.operations.add.apply',
        message:
          'apply of operation "add" with params {"item":1} changed its input state in place; states are values: return a new state (e.g. { ...state, count: state.count + 1 }) and leave the old one as it was. Exploration stopped here',
        initial: { items: [] },
        trace: [],
      },
    ])
  })

  it('an invariant that changes the state in place is named too', () => {
    const store = defineStore({
      initial: { n: 0, seen: [] as number[] },
      operations: { inc: { guard: (s) => s.n < 2, apply: (s) => ({ ...s, n: s.n + 1 }) } },
      invariants: {
        logs: (s) => {
          s.seen.push(s.n)
          return true
        },
      },
    })
    expect(explore(store).findings.map(({ element }) => element)).toEqual(['stores.s.invariants.logs'])
  })

  it('leaves the model’s own initial state untouched', () => {
    const initial = { items: [1] }
    const store = defineStore({
      initial,
      operations: {
        clear: {
          apply: (s) => {
            s.items.length = 0
            return s
          },
        },
      },
    })
    explore(store)
    expect(initial).toEqual({ items: [1] })
  })

  it('is not explored where the model is invalid (reported by the model check)', () => {
    const store = defineStore({
      initial: { n: 0 },
      operations: { set: { params: { to: 'values' } as never, apply: (s) => s } },
    })
    expect(exploreStore('s', store, { bounds: DEFAULT_BOUNDS })).toBeUndefined()
  })
})
