import type { Rule } from '../types.js'

/** Reported by the exploration of machines (`explore/machine/`), once it is complete. */
export const stateUnusedEvent: Rule = {
  id: 'state/unused-event',
  severity: 'warning',
  summary: 'A machine names an event type that no reachable snapshot ever takes.',
  explanation: `Every event type the machine names (and every type the model gives payload samples for) is
sent in every reachable snapshot. A type whose transitions XState never takes is accepted in
name only: its transitions are in states that are never reached, or its guards never pass.
(A transition back into the same state counts as taken: re-entering restarts the state's
invoked actors and timers, as a retry does.) Remove it, fix the guard, or record the decision.
An exploration cut short by a bound reports none.

Bad:
  states: { idle: { on: { START: 'running' } },
            running: { on: { START: { guard: () => false, target: 'idle' } } } }   // STOP was meant

Good:
  running: { on: { STOP: 'idle' } }`,
}
