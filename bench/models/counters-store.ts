/** k counters, each in 0..m-1, as a store: each step increments one that is below its top. m^k states. */
import { defineStore } from '@plumbline/core'

export function countersStore(k: number, m: number) {
  const indices = Array.from({ length: k }, (_, index) => index)
  return defineStore({
    initial: { counters: indices.map(() => 0) },
    domains: { counter: indices },
    operations: {
      increment: {
        params: { index: 'counter' },
        guard: (state, { index }) => state.counters[index]! < m - 1,
        apply: (state, { index }) => {
          const counters = state.counters.slice()
          counters[index]!++
          return { counters }
        },
      },
    },
    invariants: { withinBounds: (state) => state.counters.every((counter) => counter < m) },
  })
}
