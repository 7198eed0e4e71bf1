import { defineRule } from '../define-rule.js'
import { quoted } from '../wording.js'

export const identityMissing = defineRule({
  id: 'identity/missing',
  severity: 'error',
  summary: 'An entity does not say what makes two records the same thing (no `identity`).',
  explanation: `An entity's identity is the set of fields that make two records "the same thing": the
user with id 42, the order with number 1001. Without it, nothing says whether two records
with the same email are one customer or two, and operations that address an entity cannot
be checked (identity/ambiguous-target needs an identity or a unique key to compare with).
It is an error by default because every other identity check rests on it, and stating it
costs one line.

Bad:
  entities: { User: { schema: z.object({ id: z.uuid(), email: z.email() }) } }

Good:
  entities: { User: { schema: z.object({ id: z.uuid(), email: z.email() }), identity: ['id'] } }`,
  check: (model, report) => {
    for (const [name, entity] of Object.entries(model.entities))
      if (entity.identity === undefined)
        report(
          ['entities', name],
          `entity ${quoted(name)} has no identity: nothing says which fields make two records the same ${name}`,
        )
  },
  question: (finding) => {
    const name = String(finding.path[1])
    return `What makes two ${name} records the same ${name}?`
  },
})
