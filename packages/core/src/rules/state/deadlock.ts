import { defineRule } from '../define-rule.js'

/** Reported by the exploration of machines (`explore/machine/`). */
export const stateDeadlock = defineRule({
  id: 'state/deadlock',
  severity: 'error',
  summary: 'A machine can reach a snapshot that is not final and in which no event is enabled.',
  explanation: `A deadlock is a reachable snapshot the machine can never leave although it is not done: no
event it accepts is enabled there (the state has no transitions, or every guard on them is
false in that context). Users see a screen with no way forward; a process hangs. It is
reported once per state node, with the shortest trace to it; in parallel regions, at the
regions that are stuck, not at one that reached its final state. Add the missing transition,
relax the guard, or make the state final if the machine is meant to end there.

Bad:
  states: { paying: { on: { PAID: { target: 'done', guard: ({ context }) => context.total > 0 } } },
            done: { type: 'final' } }      // with total 0, paying is a dead end

Good:
  paying: { on: { PAID: [{ target: 'done', guard: ({ context }) => context.total > 0 },
                         { target: 'free' }] } }`,
})
