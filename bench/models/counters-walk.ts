/**
 * The counters store of the trace-checking bench (`bench/conformance.ts`), as `plumbline
 * conform --store counters --trace` loads it: 4 counters in 0..9, each also decremented while
 * above 0, so a recorded trace can walk for as long as it likes (increments alone stop at the top).
 */
import { defineStore, defineSystem } from '@plumbline/core'

const COUNTERS = 4
const TOP = 10
const indices = Array.from({ length: COUNTERS }, (_, index) => index)

function changed(counters: readonly number[], index: number, by: number) {
  const next = counters.slice()
  next[index]! += by
  return { counters: next }
}

const counters = defineStore({
  initial: { counters: indices.map(() => 0) },
  domains: { counter: indices },
  operations: {
    increment: {
      params: { index: 'counter' },
      guard: (state, { index }) => state.counters[index]! < TOP - 1,
      apply: (state, { index }) => changed(state.counters, index, 1),
    },
    decrement: {
      params: { index: 'counter' },
      guard: (state, { index }) => state.counters[index]! > 0,
      apply: (state, { index }) => changed(state.counters, index, -1),
    },
  },
  invariants: { withinBounds: (state) => state.counters.every((counter) => counter >= 0 && counter < TOP) },
})

export default defineSystem({ name: 'counters-walk', stores: { counters } })
