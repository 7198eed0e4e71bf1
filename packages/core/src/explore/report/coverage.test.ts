import { createMachine } from 'xstate'
import { describe, expect, it } from 'vitest'
import { defineStore } from '../../model/define.js'
import type { StoreDefinition } from '../../model/types.js'
import { exploreMachine } from '../machine/explore-machine.js'
import { exploreStore } from '../store/explore-store.js'
import { DEFAULT_BOUNDS } from '../types.js'
import { asReported } from '../../testing/reported.js'

const explore = (store: StoreDefinition, coverage = true) => {
  const outcome = exploreStore('s', store, { bounds: DEFAULT_BOUNDS, coverage })!
  return { ...outcome, findings: asReported(outcome.findings) }
}

/** Two counters, one going up to 3, one going up while the first is above it; reset is never enabled. */
const counters = () =>
  defineStore({
    initial: { a: 0, b: 0 },
    domains: { by: [1, 2] },
    operations: {
      up: { params: { by: 'by' }, guard: (s, { by }) => s.a + by <= 3, apply: (s, { by }) => ({ ...s, a: s.a + by }) },
      follow: { guard: (s) => s.b < s.a, apply: (s) => ({ ...s, b: s.b + 1 }) },
      reset: { guard: (s) => s.a > 3, apply: () => ({ a: 0, b: 0 }) },
    },
  })

/** The same counts, by an independent breadth-first search over JSON keys. */
function independentCoverage(store: StoreDefinition): Record<string, { enabled: number; taken: number }> {
  const counts: Record<string, { enabled: number; taken: number }> = {}
  for (const name of Object.keys(store.operations)) counts[name] = { enabled: 0, taken: 0 }
  const seen = new Set([JSON.stringify(store.initial)])
  const queue = [store.initial]
  while (queue.length > 0) {
    const state = queue.shift()
    for (const [name, operation] of Object.entries(store.operations)) {
      const domains = Object.values(operation.params ?? {}).map((domain) => store.domains![domain]!)
      const combos = domains.reduce<unknown[][]>(
        (all, values) => all.flatMap((c) => values.map((v) => [...c, v])),
        [[]],
      )
      const keys = Object.keys(operation.params ?? {})
      let enabledHere = false
      for (const combo of combos) {
        const params = Object.fromEntries(keys.map((key, i) => [key, combo[i]]))
        if (operation.guard && !operation.guard(state, params)) continue
        enabledHere = true
        counts[name]!.taken++
        const next = operation.apply(state, params)
        const key = JSON.stringify(next)
        if (!seen.has(key)) {
          seen.add(key)
          queue.push(next)
        }
      }
      if (enabledHere) counts[name]!.enabled++
    }
  }
  return counts
}

describe('coverage', () => {
  it('counts, per operation, the states it is enabled in and the steps taken, as an independent search does', () => {
    const { stats } = explore(counters())
    expect(stats.coverage).toEqual([
      { name: 'up', enabled: 6, taken: 9 },
      { name: 'follow', enabled: 6, taken: 6 },
      { name: 'reset', enabled: 0, taken: 0 },
    ])
    const independent = independentCoverage(counters())
    expect(Object.fromEntries(stats.coverage!.map(({ name, enabled, taken }) => [name, { enabled, taken }]))).toEqual(
      independent,
    )
  })

  it('is left out of the stats unless asked for', () => {
    expect(explore(counters(), false).stats.coverage).toBeUndefined()
  })

  it('an operation never enabled in a complete exploration is operation/never-enabled; a bound reports none', () => {
    expect(explore(counters(), false).findings).toEqual([
      {
        rule: 'operation/never-enabled',
        element: 'stores.s.operations.reset',
        message: 'operation "reset" is never enabled: in no reachable state does its guard hold, for any params',
      },
    ])
    const bounded = exploreStore('s', counters(), { bounds: { ...DEFAULT_BOUNDS, maxStates: 3 } })!
    expect(bounded.findings.map(({ rule }) => rule)).toEqual(['explore/incomplete'])
  })

  it('for machines, per event type (steps that change the snapshot)', () => {
    const machine = createMachine({
      initial: 'a',
      states: { a: { on: { GO: 'b', STAY: { target: 'a', reenter: true } } }, b: { on: { BACK: 'a' } } },
    })
    const { stats } = exploreMachine('m', { machine }, { bounds: DEFAULT_BOUNDS, coverage: true })
    expect(stats.coverage).toEqual([
      { name: 'GO', enabled: 1, taken: 1 },
      // A re-entry that runs nothing changes nothing: XState takes no step for it.
      { name: 'STAY', enabled: 0, taken: 0 },
      { name: 'BACK', enabled: 1, taken: 1 },
    ])
  })
})
