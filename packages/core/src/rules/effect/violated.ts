import { defineRule } from '../define-rule.js'

/** Reported by the exploration of stores (`explore/store/`). */
export const effectViolated = defineRule({
  id: 'effect/violated',
  severity: 'error',
  summary: 'An effect property does not hold for some reachable step.',
  explanation: `An effect states what one step may do, given the state before, the state after, the
operation and its params ("a reset addressed to one account changes at most one account").
Exploration checks it on every step from every reachable state and reports the shortest
trace whose last step breaks it.

Bad:
  operations: { resetPassword: { params: { email: 'emails' },
    apply: (s, { email }) => ({ users: s.users.map((u) => u.email === email ? { ...u, reset: true } : u) }) } },
  effects: { oneAccountPerReset: ({ before, after }) =>
    after.users.filter((u, i) => u !== before.users[i]).length <= 1 }   // breaks when emails repeat

Good:
  // address the account by its identity (or make emails unique and say so)
  resetPassword: { params: { id: 'ids' }, target: { entity: 'User', by: ['id'] },
    apply: (s, { id }) => ({ users: s.users.map((u) => u.id === id ? { ...u, reset: true } : u) }) }`,
})
