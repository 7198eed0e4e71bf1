import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { identityMissing } from './missing.js'

const schema = z.object({ id: z.uuid(), name: z.string() })

describe('identity/missing', () => {
  it('reports each entity without an identity, at the entity', () => {
    const system = {
      name: 's',
      entities: { User: { schema }, 'Line item': { schema }, Order: { schema, identity: ['id'] } },
    }
    expect(findingsOf(identityMissing, system)).toEqual([
      {
        rule: 'identity/missing',
        element: 'entities.User',
        message: 'entity "User" has no identity: nothing says which fields make two records the same User',
      },
      {
        rule: 'identity/missing',
        element: 'entities["Line item"]',
        message: 'entity "Line item" has no identity: nothing says which fields make two records the same Line item',
      },
    ])
    expect(questionsOf(identityMissing, system)).toEqual([
      ['entities.User', 'What makes two User records the same User?'],
      ['entities["Line item"]', 'What makes two Line item records the same Line item?'],
    ])
  })

  it.each([
    ['an entity with an identity', { User: { schema, identity: ['id'] } }],
    [
      'a composite identity',
      { Membership: { schema: z.object({ org: z.string(), user: z.string() }), identity: ['org', 'user'] } },
    ],
    ['no entities', {}],
  ])('is silent for %s', (_, entities) => {
    expect(findingsOf(identityMissing, { name: 's', entities })).toEqual([])
  })
})
