import { defineRule } from '../define-rule.js'

/** Reported by the exploration of machines (`explore/machine/`), once it is complete. */
export const stateNoFinalPath = defineRule({
  id: 'state/no-final-path',
  severity: 'warning',
  summary: 'A machine that can finish can reach a snapshot from which it never can.',
  explanation: `Where a machine has final states (it can finish), every reachable snapshot should still have
a way to one. A snapshot from which no final state is reachable traps the machine: it keeps
moving between states but never completes (a loop with no exit), or it can only reach
deadlocks (reported as state/deadlock instead). Reported once per state node, with the
shortest trace to such a snapshot: at the states no snapshot that can finish is in (in
parallel regions, the region that traps the machine), or where there is none, at each state
of the snapshot. An exploration cut short by a bound reports none.

Bad:
  states: { open: { on: { DISPUTE: 'disputed', CLOSE: 'closed' } },
            disputed: { on: { COMMENT: 'disputed' } },     // no way out
            closed: { type: 'final' } }

Good:
  disputed: { on: { COMMENT: 'disputed', RESOLVE: 'open' } }`,
})
