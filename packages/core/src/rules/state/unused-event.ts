import { defineRule } from '../define-rule.js'

/** Reported by the exploration of machines (`explore/machine/`), once it is complete. */
export const stateUnusedEvent = defineRule({
  id: 'state/unused-event',
  severity: 'warning',
  summary: 'A machine names an event type that no reachable snapshot ever takes, or whose transitions change nothing.',
  explanation: `Every event type the machine names (and every type the model gives payload samples for) is
sent in every reachable snapshot. A type whose transitions XState never takes is accepted in
name only: its transitions are in states that are never reached, or its guards never pass.
(A transition back into the same state counts as taken: re-entering restarts the state's
invoked actors and timers, as a retry does.) Remove it, fix the guard, or record the decision.
An exploration cut short by a bound reports none of these.

An event whose only transitions have no target and no actions (\`KNOCK: {}\`) changes nothing
anywhere; this is read from the config, so it is reported even when the search is cut short.
Where such a transition sits below a state whose handler for the same event does something,
it blocks that handler there: that is a decision, and the rule respects it.

Bad:
  states: { idle: { on: { START: 'running' } },
            running: { on: { START: { guard: () => false, target: 'idle' } } } }   // STOP was meant

  on: { KNOCK: {} }                                   // in a flat machine: does nothing

Good:
  running: { on: { STOP: 'idle' } }
  on: { KNOCK: '.answering' }, states: { busy: { on: { KNOCK: {} } } }   // busy ignores KNOCK on purpose`,
})
