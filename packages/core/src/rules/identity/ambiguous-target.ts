import { own } from '../../model/own.js'
import { fieldsOf } from '../../model/entity-fields.js'
import type { EntityDefinition, OperationTarget } from '../../model/types.js'
import { defineRule } from '../define-rule.js'
import { andList, fieldList, quoted } from '../wording.js'

export const identityAmbiguousTarget = defineRule({
  id: 'identity/ambiguous-target',
  severity: 'error',
  summary:
    'A store operation addresses an entity by fields that are neither its identity nor a unique key: it may act on several records at once.',
  explanation: `An operation's target says which entity it addresses and by which fields
(target: { entity: 'User', by: ['email'] }). Unless those fields include the entity's
identity or one of its unique keys, one call can match several records: the seed essay's
login system reset the password of every account sharing an email, and deleted them all
when one was deleted. This rule reports it from the model alone; where the store is
explored, an effect such as "changes at most one account" shows the trace that proves it.
An error by default: it is the bug itself, not a missing note. If acting on every match is
intended (notify everyone with this email), record that as a decision.

Bad:
  User: { schema: ..., identity: ['id'] }                 // email is not unique
  resetPassword: { target: { entity: 'User', by: ['email'] }, ... }

Good:
  User: { schema: ..., identity: ['id'], unique: [['email']] }
  resetPassword: { target: { entity: 'User', by: ['email'] }, ... }
  // or address the one account: target: { entity: 'User', by: ['id'] }`,
  check: (model, report) => {
    for (const [storeId, store] of Object.entries(model.stores))
      for (const [name, operation] of Object.entries(store.operations)) {
        const target = operation.target
        const entity = target && own(model.entities, target.entity)
        if (target === undefined || entity === undefined || addressesOne(target, entity)) continue
        // A field the entity does not have is a misspelling, reported as model/invalid: not also an ambiguous target.
        if (!target.by.every((field) => fieldsOf(entity.schema).includes(field))) continue
        report(
          ['stores', storeId, 'operations', name, 'target'],
          `operation ${quoted(name)} addresses ${target.entity} by ${fieldList(target.by)}, which is neither its identity (${identityText(entity)}) nor a unique key (${uniqueText(entity)}): one call may act on several ${target.entity} records`,
        )
      }
  },
  question: (finding, model) => {
    const [, storeId, , name] = finding.path
    const target = own(own(model.stores, String(storeId))?.operations, String(name))?.target
    if (target === undefined) return finding.message
    return `Should ${String(name)} act on every ${target.entity} with the same ${andList(target.by)}, or address one ${target.entity} by its identity or a unique key?`
  },
})

/** True when the fields include the identity or a whole unique key: then at most one record matches. */
function addressesOne(target: OperationTarget, entity: EntityDefinition): boolean {
  const by = new Set(target.by)
  const keys = [...(entity.identity ? [entity.identity] : []), ...(Array.isArray(entity.unique) ? entity.unique : [])]
  return keys.some((key) => key.every((field) => by.has(field)))
}

function identityText(entity: EntityDefinition): string {
  return entity.identity ? fieldList(entity.identity) : 'none declared'
}

function uniqueText(entity: EntityDefinition): string {
  if (entity.unique === 'none') return "unique: 'none'"
  if (entity.unique === undefined || entity.unique.length === 0) return 'none declared'
  return entity.unique.map(fieldList).join(', ')
}
