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
