import { describe, expect, it } from 'vitest'
import { defineStore } from '../../model/define.js'
import { exploreStore } from '../store/explore-store.js'
import { DEFAULT_BOUNDS } from '../types.js'
import { asReported } from '../../testing/reported.js'

/** A counter that goes up by one or two; the invariant breaks only at 30, far past a small bound. */
const counter = () =>
  defineStore({
    initial: { n: 0 },
    domains: { by: [1, 2] },
    operations: { up: { params: { by: 'by' }, apply: (s, { by }) => ({ n: s.n + by }) } },
    invariants: { belowThirty: (s) => s.n < 30 },
  })

const run = (maxStates: number, seed: number) => {
  const outcome = exploreStore('c', counter(), {
    bounds: { ...DEFAULT_BOUNDS, maxStates },
    simulate: { behaviours: 20, depth: 40, seed },
  })!
  return { ...outcome, findings: asReported(outcome.findings) }
}

describe('simulation past the bound', () => {
  it('finds a violation beyond --max-states, from the frontier, with a trace that replays from the initial state', () => {
    const { findings, stats } = run(10, 7)
    const violation = findings.find(({ rule }) => rule === 'invariant/violated')
    expect(violation?.element).toBe('stores.c.invariants.belowThirty')
    const states = violation?.trace?.map(({ state }) => (state as { n: number }).n) ?? []
    // Each step goes up by its param, from 0, and the last state breaks the invariant.
    let n = 0
    for (const step of violation?.trace ?? []) {
      n += step.params.by as number
      expect(step.state).toEqual({ n })
    }
    expect(states.at(-1)).toBeGreaterThanOrEqual(30)
    expect(states.slice(0, -1).every((value) => value < 30)).toBe(true)
    expect(stats.complete).toBe(false)
    expect(stats.simulation).toMatchObject({ behaviours: 20, depth: 40, seed: 7 })
  })

  it('the same seed gives the same behaviours; the exhaustive search alone finds nothing', () => {
    expect(run(10, 7).findings).toEqual(run(10, 7).findings)
    const bounded = exploreStore('c', counter(), { bounds: { ...DEFAULT_BOUNDS, maxStates: 10 } })!
    expect(bounded.findings.map(({ rule }) => rule)).toEqual(['explore/incomplete'])
  })
})
