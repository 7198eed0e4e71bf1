import { defineRule } from '../define-rule.js'

/** Reported by the exploration (`explore/`) where the model's own code fails. */
export const exploreError = defineRule({
  id: 'explore/error',
  severity: 'error',
  summary:
    "The model's code failed during exploration: a guard, apply, action or predicate threw, or a state is not a value.",
  explanation: `Exploration runs the model's own functions: stores' guards, applies, invariants, never
predicates and effects, and machines' guards, actions and predicates. When one throws, the
finding names the function (for a machine's guards and actions, the machine), the message,
and the shortest trace to the state where it threw; the step is skipped and the rest of the
model is still checked, but that exploration proves nothing (\`complete: false\`). The same
holds for a store operation that returns a state that is not plain data, and for a function
that changes a state in place: states are values, and a state changed after it was visited
would make the exploration wrong, so it stops there.

Bad:
  apply: (s, { id }) => { s.users.push({ id }); return s }           // changes its input

Good:
  apply: (s, { id }) => ({ ...s, users: [...s.users, { id }] })`,
})
