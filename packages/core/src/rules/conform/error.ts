import { defineRule } from '../define-rule.js'

/** Reported by `plumbline conform` where the adapter itself fails. */
export const conformError = defineRule({
  id: 'conform/error',
  severity: 'error',
  summary:
    "The adapter's setup, observe or teardown threw, observe returned something that is not data, or a call into the adapter did not settle within the step timeout.",
  explanation: `A conformance run needs a fresh real system for each sequence (\`setup\`), a way to read the
model's state back from it (\`observe\`) and, optionally, to dispose of it (\`teardown\`). When
one of them throws, nothing can be compared from there on: the finding names the function,
what it threw, and the steps run before it. \`observe\` must return data (objects, arrays,
strings, numbers, booleans, null; a Date reads as its ISO text): for a store, the store's state;
for a machine, \`{ value, context? }\`. An operation or event function that throws is not an
error: it is the real system refusing the step (see conform/rejected). Every call into the
adapter (setup, an operation or event, observe, teardown) must settle within the step timeout
(\`--step-timeout\`, the config's \`explore.stepTimeout\`, 10 s by default): one that does not
stops its sequence here, the finding naming the call and the steps run before it.

Bad:
  observe: (real) => real.db.query('select * from user')      // no such table: throws

Good:
  observe: async (real) => ({ users: (await real.db.query('select email from users order by id')).rows })`,
})
