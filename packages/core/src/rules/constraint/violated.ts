import { defineRule } from '../define-rule.js'

/** Reported by the exploration of stores and machines (`explore/`). */
export const constraintViolated = defineRule({
  id: 'constraint/violated',
  severity: 'error',
  summary: 'A `never` predicate holds in some reachable state: what must never be allowed happens.',
  explanation: `A \`never\` predicate states what must never be allowed. Exploration checks it in every
reachable state and reports the shortest trace to one where it is true. Guard the operations
or transitions that lead there.

Bad:
  operations: { promote: { params: { id: 'ids' },
                           apply: (s, { id }) => ({ ...s, admins: [...s.admins, id] }) } },
  never: { noAdmins: (s) => s.admins.length === 0, tooManyAdmins: (s) => s.admins.length > 2 }

Good:
  promote: { params: { id: 'ids' }, guard: (s) => s.admins.length < 2, apply: … }`,
})
