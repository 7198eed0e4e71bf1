import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { identityUniquenessUndecided } from './uniqueness-undecided.js'

const rule = identityUniquenessUndecided
const system = (entities: Record<string, unknown>) => ({ name: 's', entities })

describe('identity/uniqueness-undecided', () => {
  it('reports an email field with no uniqueness decision, and asks whether it should be unique', () => {
    const model = system({ User: { schema: z.object({ id: z.uuid(), email: z.email() }), identity: ['id'] } })
    expect(findingsOf(rule, model)).toEqual([
      {
        rule: 'identity/uniqueness-undecided',
        element: 'entities.User',
        message: `field "email" looks identifying, but entity "User" decides nothing about uniqueness: add unique: [["email"]], or unique: 'none' if values may repeat`,
      },
    ])
    expect(questionsOf(rule, model)).toEqual([['entities.User', 'Should User.email be unique?']])
  })

  it('reports several identifying fields once, at the entity', () => {
    const model = system({
      Customer: {
        schema: z.object({
          id: z.uuid(),
          contact: z.email(),
          userName: z.string(),
          phone_number: z.string().optional(),
        }),
        identity: ['id'],
      },
    })
    expect(findingsOf(rule, model).map((finding) => [finding.element, finding.message])).toEqual([
      [
        'entities.Customer',
        `fields "contact", "userName", "phone_number" look identifying, but entity "Customer" decides nothing about uniqueness: add unique: [["contact"]], or unique: 'none' if values may repeat`,
      ],
    ])
    expect(questionsOf(rule, model)).toEqual([
      ['entities.Customer', 'Which of Customer.contact, Customer.userName and Customer.phone_number should be unique?'],
    ])
  })

  it.each([
    ['a z.email() field by any name', { mail: z.email() }, ['mail']],
    ['z.string().email()', { address: z.string().email() }, ['address']],
    ['an optional, nullable email', { email: z.email().nullable().optional() }, ['email']],
    ['a handle', { handle: z.string() }, ['handle']],
    ['a slug', { slug: z.string() }, ['slug']],
    ['a primary email by name', { primaryEmail: z.string() }, ['primaryEmail']],
    ['a username in snake case', { user_name: z.string() }, ['user_name']],
    ['a phone number stored as a number', { phone: z.number() }, ['phone']],
  ])('recognises %s', (_, fields, expected) => {
    const model = system({ Thing: { schema: z.object({ id: z.string(), ...fields }), identity: ['id'] } })
    expect(findingsOf(rule, model)[0]?.message).toContain(expected.map((field) => JSON.stringify(field)).join(', '))
  })

  it.each([
    ['unique keys that include the field', { unique: [['email']] }, { email: z.email() }],
    ["unique: 'none', the decision that values may repeat", { unique: 'none' }, { email: z.email() }],
    [
      'a unique list without the field: the list names every unique key',
      { unique: [['handle']] },
      { email: z.email(), handle: z.string() },
    ],
    ['a field that is the whole identity', { identity: ['email'] }, { email: z.email() }],
    ['no identifying-looking field', {}, { name: z.string(), address: z.string() }],
    [
      'fields named like email that hold facts, not names',
      {},
      { emailVerified: z.boolean(), phoneChangedAt: z.date(), emails: z.array(z.email()) },
    ],
    ['a word that only contains a keyword', {}, { emailless: z.string(), slugger: z.string() }],
  ])('is silent for %s', (_, decisions, fields) => {
    expect(
      findingsOf(
        rule,
        system({ User: { schema: z.object({ id: z.string(), ...fields }), identity: ['id'], ...decisions } }),
      ),
    ).toEqual([])
  })

  it('still asks about the email of an entity whose identity is composite', () => {
    const model = system({
      Member: { schema: z.object({ org: z.string(), email: z.email() }), identity: ['org', 'email'] },
    })
    expect(questionsOf(rule, model)).toEqual([['entities.Member', 'Should Member.email be unique?']])
  })
})
