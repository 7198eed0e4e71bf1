import type { Rule } from '../types.js'

/** Reported by `plumbline conform` where the adapter itself fails. */
export const conformError: Rule = {
  id: 'conform/error',
  severity: 'error',
  summary: "The adapter's setup, observe or teardown threw, or observe returned something that is not data.",
  explanation: `A conformance run needs a fresh real system for each sequence (\`setup\`), a way to read the
model's state back from it (\`observe\`) and, optionally, to dispose of it (\`teardown\`). When
one of them throws, nothing can be compared from there on: the finding names the function,
what it threw, and the steps run before it. \`observe\` must return data (objects, arrays,
strings, numbers, booleans, null; a Date reads as its ISO text): for a store, the store's state;
for a machine, \`{ value, context? }\`. An operation or event function that throws is not an
error: it is the real system refusing the step (see conform/rejected).

Bad:
  observe: (real) => real.db.query('select * from user')      // no such table: throws

Good:
  observe: async (real) => ({ users: (await real.db.query('select email from users order by id')).rows })`,
}
