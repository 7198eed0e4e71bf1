import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { identityAmbiguousTarget } from './ambiguous-target.js'

const rule = identityAmbiguousTarget
const schema = z.object({ id: z.uuid(), org: z.string(), email: z.email(), slug: z.string(), name: z.string() })

function system(user: Record<string, unknown>, by: string[]) {
  return {
    name: 's',
    entities: { User: { schema, ...user } },
    stores: {
      accounts: {
        initial: { users: [] },
        domains: { values: ['a'] },
        operations: {
          resetPassword: {
            params: { value: 'values' },
            target: { entity: 'User', by },
            apply: (state: unknown) => state,
          },
          list: { apply: (state: unknown) => state },
        },
      },
    },
  }
}

describe('identity/ambiguous-target', () => {
  it('reports the seed bug: a reset addressed by an email that is not unique', () => {
    const model = system({ identity: ['id'] }, ['email'])
    expect(findingsOf(rule, model)).toEqual([
      {
        rule: 'identity/ambiguous-target',
        element: 'stores.accounts.operations.resetPassword.target',
        message:
          'operation "resetPassword" addresses User by [email], which is neither its identity ([id]) nor a unique key (none declared): one call may act on several User records',
      },
    ])
    expect(questionsOf(rule, model)).toEqual([
      [
        'stores.accounts.operations.resetPassword.target',
        'Should resetPassword act on every User with the same email, or address one User by its identity or a unique key?',
      ],
    ])
  })

  it.each([
    [
      "unique: 'none'",
      { identity: ['id'], unique: 'none' },
      ['email'],
      "neither its identity ([id]) nor a unique key (unique: 'none')",
    ],
    [
      'other unique keys',
      { identity: ['id'], unique: [['org', 'slug'], ['name']] },
      ['slug'],
      'neither its identity ([id]) nor a unique key ([org, slug], [name])',
    ],
    [
      'no identity at all',
      {},
      ['email', 'name'],
      'addresses User by [email, name], which is neither its identity (none declared) nor a unique key (none declared)',
    ],
  ])('reports a target by fields that are not a key, with %s', (_, user, by, text) => {
    const [finding] = findingsOf(rule, system(user, by))
    expect(finding?.message).toContain(text)
  })

  it('asks about several fields in words', () => {
    expect(questionsOf(rule, system({ identity: ['id'] }, ['org', 'name']))[0]?.[1]).toBe(
      'Should resetPassword act on every User with the same org and name, or address one User by its identity or a unique key?',
    )
  })

  it.each([
    ['the identity', { identity: ['id'] }, ['id']],
    ['a unique key', { identity: ['id'], unique: [['email']] }, ['email']],
    ['a composite unique key, in any order', { identity: ['id'], unique: [['org', 'slug']] }, ['slug', 'org']],
    ['a superset of a key', { identity: ['id'] }, ['id', 'email']],
    ['a composite identity', { identity: ['org', 'name'] }, ['name', 'org']],
  ])('is silent for a target by %s', (_, user, by) => {
    expect(findingsOf(rule, system(user, by))).toEqual([])
  })
})
