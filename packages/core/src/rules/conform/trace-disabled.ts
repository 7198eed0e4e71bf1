import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform MODEL --trace` (`conform/trace/`). */
export const conformTraceDisabled = defineRule({
  id: 'conform/trace-disabled',
  severity: 'error',
  summary: 'A recorded trace takes a step the model does not allow in the state it is in.',
  explanation: `A trace recorded from the running system is replayed on the model, line by line, from
the model's initial state. Each line's step must be enabled where the model stands: a store
operation whose guard holds, or a machine event for which XState takes a transition. A step
that is not enabled means the real system did something the model forbids (a guard missing
in the code), or the model forbids something the system rightly does (a guard too strict in
the model). The finding names the line, the step, and the model's state before it.

Bad:
  // model: resetPassword: { guard: (s, { email }) => s.users.some((u) => u.email === email), … }
  {"op": "resetPassword", "params": {"email": "ann@x"}}     // line 1: nobody has signed up

Good:
  {"op": "signUp", "params": {"email": "ann@x"}}
  {"op": "resetPassword", "params": {"email": "ann@x"}}`,
})
