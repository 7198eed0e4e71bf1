import type { Rule } from '../types.js'

/** Reported by the exploration of machines (`explore/machine/`), once it is complete. */
export const stateUnusedEvent: Rule = {
  id: 'state/unused-event',
  severity: 'warning',
  summary: 'A machine accepts an event type that never changes its state or context.',
  explanation: `Every event type the machine names (and every type the model gives payload samples for) is
sent in every reachable snapshot. A type that never leads to another state value or context
is accepted in name only: its transitions are in states that are never reached, its guards
never pass, or it only runs side-effect actions. Remove it, fix the guard, or record the
decision that it is meant to do nothing visible. An exploration cut short by a bound reports none.

Bad:
  states: { idle: { on: { START: 'running' } },
            running: { on: { START: { guard: () => false, target: 'idle' } } } }   // STOP was meant

Good:
  running: { on: { STOP: 'idle' } }`,
}
