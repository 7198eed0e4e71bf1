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

/**
 * The same counters with a liveness property: every counter eventually reaches its top,
 * under weak fairness of every increment (it holds: the only behaviour that stops is at the top).
 */
export function countersLiveness(k: number, m: number) {
  return defineStore({
    ...countersStore(k, m),
    liveness: { allAtTop: { then: (state) => state.counters.every((counter) => counter === m - 1) } },
    fairness: { weak: 'all' },
  })
}
