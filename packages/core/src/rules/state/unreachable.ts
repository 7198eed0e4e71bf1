import { defineRule } from '../define-rule.js'

/** Reported by the exploration of machines (`explore/machine/`), once it is complete. */
export const stateUnreachable = defineRule({
  id: 'state/unreachable',
  severity: 'warning',
  summary: 'A machine has a state that no step from its initial state ever enters.',
  explanation: `Exploration sends the machine every event it accepts (with the declared payload samples, and
the environment's delayed and actor done/error events) from every reachable snapshot. A state
that none of those snapshots is in, and that no step passes through on its way (the source of
an eventless transition, a final state its parent leaves when done), can never be entered: a
transition that should lead to it is missing or misspelt, a guard can never pass, or the
state is left over. Only the topmost unreachable state is reported; its substates are
unreachable with it. An exploration cut short by a bound reports none.

Bad:
  createMachine({ initial: 'draft', states: {
    draft: { on: { SUBMIT: 'review' } },
    review: { on: { APPROVE: 'published' } },
    published: {},
    archived: {} } })            // nothing leads to archived

Good:
  createMachine({ initial: 'draft', states: {
    draft: { on: { SUBMIT: 'review' } },
    review: { on: { APPROVE: 'published' } },
    published: { on: { ARCHIVE: 'archived' } },
    archived: {} } })`,
})
