/**
 * k counters, each in 0..m-1, kept in an XState machine's context: one INC event with the
 * counter's index as payload increments one that is below its top. m^k snapshots.
 */
import { defineMachine } from '@plumbline/core'
import { assign, setup } from 'xstate'

export function countersMachine(k: number, m: number) {
  const machine = setup({
    types: { context: {} as { counters: number[] }, events: {} as { type: 'INC'; index: number } },
  }).createMachine({
    id: 'counters',
    context: { counters: Array.from({ length: k }, () => 0) },
    on: {
      INC: {
        guard: ({ context, event }) => context.counters[event.index]! < m - 1,
        actions: assign({
          counters: ({ context, event }) =>
            context.counters.map((counter, index) => (index === event.index ? counter + 1 : counter)),
        }),
      },
    },
  })
  return defineMachine({
    machine,
    events: { INC: Array.from({ length: k }, (_, index) => ({ index })) },
    invariants: { withinBounds: (snapshot) => snapshot.context.counters.every((counter) => counter < m) },
  })
}
