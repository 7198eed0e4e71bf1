import { describe, expect, it } from 'vitest'
import { defineStore } from '../../model/define.js'
import type { StoreDefinition } from '../../model/types.js'
import { exploreStore } from '../store/explore-store.js'
import { DEFAULT_BOUNDS, type ExplorationBounds } from '../types.js'

function incomplete(store: StoreDefinition, bounds: Partial<ExplorationBounds>): string | undefined {
  const outcome = exploreStore('s', store, { bounds: { ...DEFAULT_BOUNDS, ...bounds } })
  return outcome?.findings.find(({ rule }) => rule === 'explore/incomplete')?.message
}

/** A ticket desk whose log grows with every ticket opened: no bound but the explorer's. */
const desk = defineStore({
  initial: { open: [] as string[], log: [] as string[], status: 'idle' },
  domains: { customers: ['ann', 'bob'] },
  operations: {
    openTicket: {
      params: { customer: 'customers' },
      apply: (s, { customer }: { customer: string }) => ({
        ...s,
        open: [...s.open, customer],
        log: [...s.log, `opened by ${customer}`],
        status: 'busy',
      }),
    },
  },
})

describe('explore/incomplete on a space that may be unbounded', () => {
  it('names the fields that kept changing on the deepest path and the operation that grows them', () => {
    expect(incomplete(desk, { maxStates: 200 })).toBe(
      'exploration stopped at the bound of 200 states, after 200 states and 199 transitions to depth 6: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (open and log kept changing): bound it with a guard or a smaller domain on the operations that grow it (openTicket), or check to a depth with --max-depth N; if it is finite, raise --max-states',
    )
  })

  it('says which bound stopped it: the time bound, raised with --timeout', () => {
    const message = incomplete(desk, { timeoutMs: 1, maxStates: 10_000_000 }) ?? ''
    expect(message).toMatch(/^exploration stopped at the time bound of 1 ms, after \d+ states/)
    expect(message).toMatch(/\(openTicket\), or check to a depth with --max-depth N; if it is finite, raise --timeout$/)
  })

  it('gives no hint at a depth bound the user set, nor where the levels were shrinking', () => {
    expect(incomplete(desk, { maxDepth: 3 })).toBe(
      'exploration stopped at the bound of 3 steps deep, after 15 states and 14 transitions to depth 3: states beyond it are not checked',
    )
    // Two flags: four states, levels of 1, 2 and 1. Stopped in the last level, which is smaller.
    const flags = defineStore({
      initial: { a: false, b: false },
      operations: { setA: { apply: (s) => ({ ...s, a: true }) }, setB: { apply: (s) => ({ ...s, b: true }) } },
    })
    expect(incomplete(flags, { maxStates: 3 })).toBe(
      'exploration stopped at the bound of 3 states, after 3 states and 3 transitions to depth 1: states beyond it are not checked',
    )
  })
})
