import { own } from '../../model/own.js'
import type { EntityDefinition } from '../../model/types.js'
import { defineRule } from '../define-rule.js'
import { andList, quoted, quotedList } from '../wording.js'
import { identifyingFields } from './identifying-fields.js'

export const identityUniquenessUndecided = defineRule({
  id: 'identity/uniqueness-undecided',
  severity: 'warning',
  summary:
    'An entity has a field that looks identifying (an email, username, handle, slug, phone) and no decision on what is unique.',
  explanation: `When nobody decides whether emails are unique, two accounts end up sharing one: log-in
cannot tell them apart, "reset password" resets both, "delete account" deletes both. An
entity with a field that looks identifying (a z.email() field, or a field named like email,
username, handle, slug or phone, but not a boolean, date or list) must say what is unique: a list of unique keys, or
'none' to record that such values may repeat. Any unique decision answers the rule: the
list names every unique key, so a field not in it is decided as not unique. A field that is the
entity's whole identity is unique already. A warning by default: repeating values may well be
right, but it has to be a decision.

Bad:
  User: { schema: z.object({ id: z.uuid(), email: z.email() }), identity: ['id'] }

Good:
  User: { schema: z.object({ id: z.uuid(), email: z.email() }), identity: ['id'], unique: [['email']] }
  // or, where one email may have several accounts:
  User: { schema: ..., identity: ['id'], unique: 'none' }`,
  check: (model, report) => {
    for (const [name, entity] of Object.entries(model.entities)) {
      const fields = undecidedFields(entity)
      if (fields.length === 0) continue
      const which = fields.length === 1 ? `field ${quoted(fields[0] ?? '')} looks` : `fields ${quotedList(fields)} look`
      report(
        ['entities', name],
        `${which} identifying, but entity ${quoted(name)} decides nothing about uniqueness: add unique: [[${quoted(fields[0] ?? '')}]], or unique: 'none' if values may repeat`,
      )
    }
  },
  question: (finding, model) => {
    const name = String(finding.path[1])
    const fields = undecidedFields(own(model.entities, name)).map((field) => `${name}.${field}`)
    return fields.length === 1 ? `Should ${fields[0]} be unique?` : `Which of ${andList(fields)} should be unique?`
  },
})

/** Identifying-looking fields of an entity with no unique decision, but a field that alone is its identity. */
function undecidedFields(entity: EntityDefinition | undefined): string[] {
  if (entity === undefined || entity.unique !== undefined) return []
  const [only, ...more] = entity.identity ?? []
  return identifyingFields(entity.schema).filter((field) => !(field === only && more.length === 0))
}
