import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { symmetric } from '../../model/symmetric.js'
import type { StoreDefinition } from '../../model/types.js'
import { DEFAULT_BOUNDS } from '../types.js'
import { exploreStore } from './explore-store.js'
import { asReported } from '../../testing/reported.js'

type Levels = Record<string, number>

/**
 * A store over k interchangeable users, each at a level 0..top: operations raise or drop
 * one user, or move one up to another's level; the invariant and the guards depend on the
 * multiset of levels only, so the store is symmetric.
 */
function usersStore(users: readonly string[], spec: { top: number; limit: number; hold: number }): StoreDefinition {
  const levels = (s: Levels) => Object.values(s)
  return {
    initial: { state: Object.fromEntries(users.map((user) => [user, 0])) },
    domains: { users, others: users },
    operations: {
      raise: {
        params: { user: 'users' },
        guard: (s: { state: Levels }, { user }: { user: string }) => s.state[user]! < spec.top,
        apply: (s: { state: Levels }, { user }: { user: string }) => ({
          state: { ...s.state, [user]: s.state[user]! + 1 },
        }),
      },
      drop: {
        params: { user: 'users' },
        guard: (s: { state: Levels }, { user }: { user: string }) => s.state[user]! > spec.hold,
        apply: (s: { state: Levels }, { user }: { user: string }) => ({ state: { ...s.state, [user]: 0 } }),
      },
      follow: {
        params: { user: 'users', other: 'others' },
        guard: (s: { state: Levels }, { user, other }: { user: string; other: string }) =>
          s.state[other]! > s.state[user]!,
        apply: (s: { state: Levels }, { user, other }: { user: string; other: string }) => ({
          state: { ...s.state, [user]: s.state[other]! },
        }),
      },
    },
    invariants: {
      fewAtTop: (s: { state: Levels }) => levels(s.state).filter((level) => level === spec.top).length < spec.limit,
    },
  }
}

const run = (store: StoreDefinition) => {
  const outcome = exploreStore('u', store, { bounds: DEFAULT_BOUNDS })!
  return { ...outcome, findings: asReported(outcome.findings) }
}

describe('symmetry', () => {
  it('for random symmetric stores, the verdicts and shortest counterexample lengths are those without it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.record({
          top: fc.integer({ min: 1, max: 3 }),
          limit: fc.integer({ min: 1, max: 4 }),
          hold: fc.integer({ min: 0, max: 2 }),
        }),
        (k, spec) => {
          const names = ['u1', 'u2', 'u3'].slice(0, k)
          const plain = run(usersStore(names, spec))
          const reduced = run(usersStore(symmetric(names), spec))
          const shape = (findings: typeof plain.findings) =>
            findings.map(({ rule, element, trace }) => ({ rule, element, steps: trace?.length }))
          expect(shape(reduced.findings)).toEqual(shape(plain.findings))
          expect(reduced.stats.states).toBeLessThanOrEqual(plain.stats.states)
          expect(reduced.stats.symmetry).toEqual(['users', 'others'])
        },
      ),
      { numRuns: 60 },
    )
  })

  it('counts states up to permutation: k users at levels 0..2 are the multisets of levels, and a trace is concrete', () => {
    // Without symmetry 3^k states; with it, the multisets of k levels out of 3: C(k + 2, 2).
    for (const [k, plainStates, reducedStates] of [
      [3, 27, 10],
      [4, 81, 15],
    ] as const) {
      const names = ['u1', 'u2', 'u3', 'u4'].slice(0, k)
      const spec = { top: 2, limit: k, hold: 0 }
      expect(run(usersStore(names, spec)).stats.states).toBe(plainStates)
      const reduced = run(usersStore(symmetric(names), spec))
      expect(reduced.stats.states).toBe(reducedStates)
      const [violation] = reduced.findings
      expect(violation?.rule).toBe('invariant/violated')
      // The trace replays with the model's own apply, step by step, from the initial state.
      let state = { state: Object.fromEntries(names.map((name) => [name, 0])) as Levels }
      const store = usersStore(names, spec)
      for (const step of violation?.trace ?? []) {
        state = store.operations[step.action]!.apply(state, step.params)
        expect(step.state).toEqual(state)
      }
    }
  })
})

type Linked = { level: Record<string, number>; points: Record<string, string | null>; queue: string[] }

/**
 * A store over k users who have levels, point at one another (rings included, where users
 * look alike without being interchangeable) and queue up in order: symmetric by construction,
 * since every operation treats its user params alike.
 */
function linkedStore(
  users: readonly string[],
  spec: { top: number; queue: number; pointing: boolean; retarget: boolean },
): StoreDefinition {
  const initial: Linked = {
    level: Object.fromEntries(users.map((user) => [user, 0])),
    points: Object.fromEntries(users.map((user) => [user, null])),
    queue: [],
  }
  type P = { user: string; other: string }
  return {
    initial,
    domains: { users, others: users },
    operations: {
      raise: {
        params: { user: 'users' },
        guard: (s: Linked, { user }: P) => s.level[user]! < spec.top,
        apply: (s: Linked, { user }: P) => ({ ...s, level: { ...s.level, [user]: s.level[user]! + 1 } }),
      },
      point: {
        params: { user: 'users', other: 'others' },
        guard: (s: Linked, { user, other }: P) =>
          spec.pointing && user !== other && (spec.retarget || s.points[user] === null),
        apply: (s: Linked, { user, other }: P) => ({ ...s, points: { ...s.points, [user]: other } }),
      },
      follow: {
        params: { user: 'users' },
        guard: (s: Linked, { user }: P) => s.points[user] != null && s.level[s.points[user]!] !== s.level[user],
        apply: (s: Linked, { user }: P) => ({ ...s, level: { ...s.level, [user]: s.level[s.points[user]!]! } }),
      },
      enqueue: {
        params: { user: 'users' },
        guard: (s: Linked, { user }: P) => s.queue.length < spec.queue && !s.queue.includes(user),
        apply: (s: Linked, { user }: P) => ({ ...s, queue: [...s.queue, user] }),
      },
      serve: {
        guard: (s: Linked) => s.queue.length > 0,
        apply: (s: Linked) => ({ ...s, queue: s.queue.slice(1), level: { ...s.level, [s.queue[0]!]: 0 } }),
      },
    },
  }
}

/** Written out with keys sorted and every value renamed, strings and keys alike. */
function renamedText(value: unknown, names: ReadonlyMap<string, string>): string {
  if (typeof value === 'string') return JSON.stringify(names.get(value) ?? value)
  if (Array.isArray(value)) return `[${value.map((item) => renamedText(item, names)).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [names.get(key) ?? key, item] as const)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${renamedText(item, names)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function permutationsOf(values: readonly string[]): string[][] {
  if (values.length <= 1) return [[...values]]
  return values.flatMap((value, index) =>
    permutationsOf([...values.slice(0, index), ...values.slice(index + 1)]).map((rest) => [value, ...rest]),
  )
}

/** The reachable orbits, counted by brute force: every reachable state, each written as its least image under every permutation. */
function orbitCount(store: StoreDefinition, users: readonly string[], limit: number): number | undefined {
  const maps = permutationsOf(users).map((image) => new Map(users.map((user, index) => [user, image[index]!])))
  const actions = Object.values(store.operations).flatMap((operation) => {
    const names = Object.keys(operation.params ?? {})
    const combos = names.reduce<Record<string, string>[]>(
      (partial, name) => partial.flatMap((params) => users.map((user) => ({ ...params, [name]: user }))),
      [{}],
    )
    return combos.map((params) => ({ operation, params }))
  })
  const seen = new Set<string>()
  let frontier = [store.initial]
  seen.add(JSON.stringify(store.initial))
  const orbits = new Set<string>()
  while (frontier.length > 0) {
    const next: unknown[] = []
    for (const state of frontier) {
      orbits.add(
        maps
          .map((map) => renamedText(state, map))
          .sort()
          .at(0)!,
      )
      for (const { operation, params } of actions) {
        if (operation.guard !== undefined && !operation.guard(state, params)) continue
        const after = operation.apply(state, params)
        const key = JSON.stringify(after)
        if (seen.has(key)) continue
        seen.add(key)
        if (seen.size > limit) return undefined
        next.push(after)
      }
    }
    frontier = next
  }
  return orbits.size
}

describe('symmetry counts orbits', () => {
  it('for random symmetric stores, the reduced count is the number of reachable orbits, counted by brute force', () => {
    let compared = 0
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.record({
          top: fc.integer({ min: 0, max: 2 }),
          queue: fc.integer({ min: 0, max: 2 }),
          pointing: fc.boolean(),
          retarget: fc.boolean(),
        }),
        (k, spec) => {
          const names = ['u1', 'u2', 'u3', 'u4'].slice(0, k)
          const orbits = orbitCount(linkedStore(names, spec), names, 20_000)
          if (orbits === undefined) return
          compared++
          const reduced = run(linkedStore(symmetric(names), spec))
          expect(reduced.stats.complete).toBe(true)
          expect(reduced.stats.states).toBe(orbits)
        },
      ),
      { numRuns: 40, seed: 18 },
    )
    expect(compared).toBeGreaterThan(20)
  }, 60_000)
})
