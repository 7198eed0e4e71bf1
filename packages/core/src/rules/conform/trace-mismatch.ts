import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform MODEL --trace` (`conform/trace/`). */
export const conformTraceMismatch = defineRule({
  id: 'conform/trace-mismatch',
  severity: 'error',
  summary: "A recorded trace's observed state differs from the model's state after the same steps.",
  explanation: `A line of a recorded trace may carry the state the real system was in after its step
(\`state\` for a store, \`value\` and \`context\` for a machine). It must equal the model's state
after the same steps from the initial state, compared as the explorer compares states: by
content, key order ignored. The finding names the line, the model's state before and after
the step, and each field where the two differ: the code did more, less or otherwise than the
model says (two rows changed where one should), or the model is wrong about it.

Bad:
  // model: resetPassword changes the password of the one user with that email
  {"op": "resetPassword", "params": {"email": "ann@x"},
   "state": {"users": [{"email": "ann@x", "password": "new"}, {"email": "ann@x", "password": "new"}]}}

Good:
  {"op": "resetPassword", "params": {"email": "ann@x"},
   "state": {"users": [{"email": "ann@x", "password": "new"}, {"email": "ann@x", "password": "old"}]}}`,
})
