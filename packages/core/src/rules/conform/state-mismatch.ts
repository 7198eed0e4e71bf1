import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform` (`conform/`) where the real system's state parts from the model's. */
export const conformStateMismatch = defineRule({
  id: 'conform/state-mismatch',
  severity: 'error',
  summary: "After a step, the state read from the real system is not the model's state.",
  explanation: `\`plumbline conform ADAPTER.ts\` runs the same sequences of operations (or events) on the
model and on the real system the adapter binds it to, and after every step compares what the
adapter's \`observe(real)\` reads with the model's state (key order ignored). The finding is the
shortest sequence that shows a difference: each step with the model's state, the observed state
and, where they differ, the fields that differ. Either the implementation does what the model
says it must not (fix the code), or the model does not say what the system is meant to do (fix
the model), or \`observe\` reads the state wrongly (fix the adapter).

Bad:
  // the implementation resets every account with the address
  UPDATE users SET password = $1 WHERE email = $2

Good:
  // one account, found first, then changed by its id
  SELECT id FROM users WHERE email = $1;  UPDATE users SET password = $1 WHERE id = $2`,
})
