import { defineRule } from '../define-rule.js'

/** Reported by the exploration of stores and machines (`explore/`). */
export const invariantViolated = defineRule({
  id: 'invariant/violated',
  severity: 'error',
  summary: 'An invariant does not hold in some reachable state.',
  explanation: `An invariant states what must always be true. Exploration checks it in every reachable state
(breadth-first, within the bounds) and reports the shortest sequence of steps from the initial
state to one where it is false: each step's operation or event, its params, and the state after
it. Fix the operations (a guard that is missing, an apply that forgets a case), or the
invariant if it states the wrong thing.

Bad:
  operations: { signUp: { params: { email: 'emails' },
                          apply: (s, { email }) => ({ users: [...s.users, { email }] }) } },
  invariants: { uniqueEmails: (s) => new Set(s.users.map((u) => u.email)).size === s.users.length }

Good:
  signUp: { params: { email: 'emails' }, guard: (s, { email }) => !s.users.some((u) => u.email === email),
            apply: (s, { email }) => ({ users: [...s.users, { email }] }) }`,
})
