import { describe, expect, it } from 'vitest'
import { setup } from 'xstate'
import { z } from 'zod'
import { checkSystem } from '../check/check-system.js'
import type { ChecklistPack } from './packs/types.js'

/** The seed essay's login system: no unique email, no verification, reset by email, no roles, no zones. */
function naiveAccounts(): Record<string, any> {
  return {
    name: 'accounts',
    components: { browser: { kind: 'actor' }, app: {}, db: { kind: 'datastore' } },
    entities: {
      User: { schema: z.object({ id: z.number(), email: z.email(), password: z.string() }), identity: ['id'] },
    },
    flows: {
      logIn: {
        steps: [
          { from: 'browser', to: 'app' },
          { from: 'app', to: 'db', onFailure: 'show an error' },
        ],
      },
    },
    stores: {
      users: {
        initial: { users: [] },
        domains: { emails: ['ann@x'] },
        operations: {
          resetPassword: {
            params: { email: 'emails' },
            target: { entity: 'User', by: ['email'] },
            apply: (state: unknown) => state,
          },
        },
      },
    },
  }
}

const account = setup({}).createMachine({
  initial: 'unverified',
  states: { unverified: { on: { verify: 'verified' } }, verified: { type: 'final' } },
})

/** The same system with every decision made. */
function decidedAccounts(): Record<string, any> {
  const system = naiveAccounts()
  system.zones = { internet: { trust: 0 }, app: { trust: 1 }, data: { trust: 2 } }
  system.components = {
    browser: { zone: 'internet', kind: 'actor' },
    app: { zone: 'app' },
    db: { zone: 'data', kind: 'datastore' },
  }
  system.entities.User = {
    ...system.entities.User,
    schema: system.entities.User.schema.extend({ role: z.enum(['member', 'admin']) }),
    unique: [['email']],
  }
  system.flows.logIn.steps = [
    { from: 'browser', to: 'app', auth: 'none' },
    { from: 'app', to: 'db', onFailure: 'show an error', auth: 'database credentials' },
  ]
  system.machines = { account }
  return system
}

describe('questions', () => {
  it('asks the seed essay’s five questions of the naive accounts model, from the rules and the accounts pack', async () => {
    // The wording is asserted end to end (test/questions.test.ts); here, what raised each and where.
    expect(
      (await checkSystem(naiveAccounts())).questions.map(
        ({ source, element, alsoFrom }) => `${[source, ...(alsoFrom ?? [])].join(' and ')} at ${element}`,
      ),
    ).toEqual([
      // The pack's "Should User emails be unique?" is the rule's question: asked once, in the rule's words.
      'identity/uniqueness-undecided and pack:accounts at entities.User',
      'identity/ambiguous-target at stores.users.operations.resetPassword.target',
      'pack:accounts at machines',
      'pack:accounts at flows',
      'pack:accounts at entities.User.schema',
      'pack:accounts at zones',
    ])
  })

  it('asks nothing of the model with its decisions made', async () => {
    const result = await checkSystem(decidedAccounts())
    expect(result.diagnostics).toEqual([])
    expect(result.questions).toEqual([])
  })

  it('keeps the reset question open while the email that finds the account may repeat', async () => {
    const system = decidedAccounts()
    delete system.entities.User.unique
    const questions = (await checkSystem(system)).questions.map((question) => question.element)
    expect(questions).toEqual(['entities.User', 'stores.users.operations.resetPassword.target', 'flows'])
  })

  it('records a decision that answers a pack question, and drops the question', async () => {
    const system = naiveAccounts()
    system.decisions = {
      noRoles: {
        decision: 'Every user may do everything',
        because: 'a single-team tool',
        answers: { rule: 'pack:accounts', element: 'entities.User.schema' },
      },
    }
    const result = await checkSystem(system)
    expect(result.questions.map((question) => question.element)).not.toContain('entities.User.schema')
    expect(result.decided).toEqual([
      {
        rule: 'pack:accounts',
        element: 'entities.User.schema',
        message: 'Should roles exist for User accounts, and what may each role do?',
        decision: 'noRoles',
        text: 'Every user may do everything',
        because: 'a single-team tool',
      },
    ])
    expect(result.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain('decision/stale')
  })

  it('drops a rule’s question and its finding when a decision answers the finding, and the pack question it covers', async () => {
    const system = naiveAccounts()
    system.decisions = {
      sharedEmails: {
        decision: 'Emails may repeat',
        because: 'families share one',
        answers: { rule: 'identity/uniqueness-undecided', element: 'entities.User' },
      },
    }
    const result = await checkSystem(system)
    expect(result.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['identity/ambiguous-target'])
    expect(result.questions.map((question) => question.element)).toEqual([
      'stores.users.operations.resetPassword.target',
      'machines',
      'flows',
      'entities.User.schema',
      'zones',
    ])
  })

  it('reports a decision that answers no open pack question as stale', async () => {
    const system = decidedAccounts()
    system.decisions = {
      noZones: { decision: 'x', because: 'y', answers: { rule: 'pack:accounts', element: 'zones' } },
    }
    expect((await checkSystem(system)).diagnostics).toEqual([
      {
        rule: 'decision/stale',
        severity: 'warning',
        message: 'decision "noZones" answers pack:accounts at "zones", but there is no such finding',
        element: 'decisions.noZones.answers',
      },
    ])
  })

  it('suggests the pack for a misspelt source in answers', async () => {
    const system = naiveAccounts()
    system.decisions = { typo: { decision: 'x', because: 'y', answers: { rule: 'pack:acounts', element: 'zones' } } }
    expect((await checkSystem(system)).diagnostics[0]).toEqual({
      rule: 'model/invalid',
      severity: 'error',
      message: 'unknown rule "pack:acounts" (did you mean "pack:accounts"?)',
      element: 'decisions.typo.answers.rule',
    })
  })

  it('asks nothing for a rule set to off', async () => {
    const result = await checkSystem(naiveAccounts(), { severities: { 'identity/ambiguous-target': 'off' } })
    expect(result.questions.map((question) => question.source)).not.toContain('identity/ambiguous-target')
    expect(result.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['identity/uniqueness-undecided'])
  })

  it('asks no question for a finding of a rule that asks none', async () => {
    const system = decidedAccounts()
    system.flows.logIn.steps[0].contract = 'logIn'
    system.contracts = { logIn: { from: 'app', to: 'browser' } }
    const result = await checkSystem(system)
    expect(result.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['contract/mismatch'])
    expect(result.questions).toEqual([])
  })

  describe('a pack set like a rule', () => {
    it('asks nothing of a pack set to off', async () => {
      const result = await checkSystem(naiveAccounts(), { severities: { 'pack:accounts': 'off' } })
      expect(result.questions).toEqual([
        {
          question: 'Should User.email be unique?',
          element: 'entities.User',
          source: 'identity/uniqueness-undecided',
        },
        {
          question:
            'Should resetPassword act on every User with the same email, or address one User by its identity or a unique key?',
          element: 'stores.users.operations.resetPassword.target',
          source: 'identity/ambiguous-target',
        },
      ])
    })

    it('makes a pack’s open questions findings at the severity it is given, the one a rule asks left to the rule', async () => {
      const result = await checkSystem(naiveAccounts(), { severities: { 'pack:accounts': 'warn' } })
      expect(result.diagnostics.map(({ rule, severity, element }) => `${severity} ${rule} at ${element}`)).toEqual([
        'warning identity/uniqueness-undecided at entities.User',
        'error identity/ambiguous-target at stores.users.operations.resetPassword.target',
        'warning pack:accounts at machines',
        'warning pack:accounts at flows',
        'warning pack:accounts at entities.User.schema',
        'warning pack:accounts at zones',
      ])
      expect(result.diagnostics[2]?.message).toBe('Should User accounts be verified?')
    })

    it('asks the shared question in the pack’s words when the rule is off', async () => {
      const result = await checkSystem(naiveAccounts(), { severities: { 'identity/uniqueness-undecided': 'off' } })
      expect(result.questions[1]).toEqual({
        question: 'Should User emails be unique?',
        element: 'entities.User.unique',
        source: 'pack:accounts',
      })
    })
  })

  describe('decisions answering several findings', () => {
    it('answers every question of a pack with its source alone, and leaves the rule’s question to the rule', async () => {
      const system = naiveAccounts()
      system.decisions = {
        notAnAccountSystem: {
          decision: 'Users are guests: no accounts',
          because: 'checkout without sign-up',
          answers: { rule: 'pack:accounts' },
        },
      }
      const result = await checkSystem(system)
      expect(result.decided.map(({ rule, element, decision }) => `${rule} at ${element} by ${decision}`)).toEqual([
        'pack:accounts at entities.User.unique by notAnAccountSystem',
        'pack:accounts at machines by notAnAccountSystem',
        'pack:accounts at flows by notAnAccountSystem',
        'pack:accounts at entities.User.schema by notAnAccountSystem',
        'pack:accounts at zones by notAnAccountSystem',
      ])
      expect(result.questions.map(({ source, element, alsoFrom }) => [source, element, alsoFrom])).toEqual([
        ['identity/uniqueness-undecided', 'entities.User', undefined],
        ['identity/ambiguous-target', 'stores.users.operations.resetPassword.target', undefined],
      ])
      expect(result.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain('decision/stale')
    })

    it('matches each answer of a list on its own: a finding by name wins over the whole pack, one that matches nothing is stale', async () => {
      const system = naiveAccounts()
      system.decisions = {
        guests: {
          decision: 'Users are guests',
          because: 'no sign-up',
          answers: [
            { rule: 'identity/uniqueness-undecided', element: 'entities.User' },
            { rule: 'pack:accounts', element: 'zones' },
            { rule: 'identity/missing', element: 'entities.User' },
          ],
        },
        rest: { decision: 'No accounts', because: 'guests', answers: { rule: 'pack:accounts' } },
      }
      const result = await checkSystem(system)
      expect(result.decided.map(({ rule, element, decision }) => `${rule} at ${element} by ${decision}`)).toEqual([
        'identity/uniqueness-undecided at entities.User by guests',
        'pack:accounts at machines by rest',
        'pack:accounts at flows by rest',
        'pack:accounts at entities.User.schema by rest',
        'pack:accounts at zones by guests',
      ])
      expect(result.diagnostics.filter((diagnostic) => diagnostic.rule === 'decision/stale')).toEqual([
        {
          rule: 'decision/stale',
          severity: 'warning',
          message: 'decision "guests" answers identity/missing at "entities.User", but there is no such finding',
          element: 'decisions.guests.answers[2]',
        },
      ])
    })

    it('reports a whole-pack answer as stale where the pack asks nothing', async () => {
      const system = decidedAccounts()
      system.decisions = { none: { decision: 'x', because: 'y', answers: { rule: 'pack:accounts' } } }
      expect((await checkSystem(system)).diagnostics).toEqual([
        {
          rule: 'decision/stale',
          severity: 'warning',
          message: 'decision "none" answers every question of pack:accounts, but it asks none here',
          element: 'decisions.none.answers',
        },
      ])
    })

    it.each<[string, unknown, string, string]>([
      [
        'a rule answered without an element',
        { rule: 'identity/missing' },
        'decisions.d.answers.element',
        "missing: only a pack's questions may be answered all at once (identity/missing needs the element of its finding)",
      ],
      [
        'the same finding twice in a list',
        [
          { rule: 'pack:accounts', element: 'zones' },
          { rule: 'pack:accounts', element: 'zones' },
        ],
        'decisions.d.answers[1]',
        'answers the same finding twice',
      ],
      ['an empty list', [], 'decisions.d.answers', 'an answers list needs at least one answer'],
    ])('rejects %s', async (_, answers, element, message) => {
      const system = naiveAccounts()
      system.decisions = { d: { decision: 'x', because: 'y', answers } }
      const invalid = (await checkSystem(system)).diagnostics.filter((d) => d.rule === 'model/invalid')
      expect(invalid.map((d) => [d.element, d.message])).toEqual([[element, message]])
    })
  })

  describe('user packs', () => {
    const payments: ChecklistPack = {
      name: 'payments',
      description: 'Money',
      entitiesWithField: [/^amount$/],
      questions: [
        {
          question: 'In which currency is a {entity} amount?',
          element: 'entities.{entity}.schema',
          answeredBy: [{ field: 'currency' }],
        },
        { question: 'Who may refund a {entity}?', element: 'flows', answeredBy: [{ action: /refund/i }] },
      ],
    }
    const shop = (fields: Record<string, z.ZodType>) => ({
      name: 'shop',
      entities: { 'Sales order': { schema: z.object({ id: z.string(), ...fields }), identity: ['id'] } },
    })

    it('asks a user pack’s questions of entities that match it, with the entity’s name filled in and quoted in paths', async () => {
      const result = await checkSystem(shop({ amount: z.number() }), { packs: [payments] })
      expect(result.questions).toEqual([
        {
          question: 'In which currency is a Sales order amount?',
          element: 'entities["Sales order"].schema',
          source: 'pack:payments',
        },
        { question: 'Who may refund a Sales order?', element: 'flows', source: 'pack:payments' },
      ])
    })

    it('answers a question from the model, and skips entities the pack does not match', async () => {
      expect(
        (await checkSystem(shop({ amount: z.number(), currency: z.string() }), { packs: [payments] })).questions.map(
          (q) => q.element,
        ),
      ).toEqual(['flows'])
      expect((await checkSystem(shop({ amountDue: z.number() }), { packs: [payments] })).questions).toEqual([])
    })

    it('replaces a built-in pack of the same name', async () => {
      const quiet: ChecklistPack = {
        name: 'accounts',
        description: 'none',
        entitiesWithField: ['email'],
        questions: [],
      }
      expect(
        (await checkSystem(naiveAccounts(), { packs: [quiet] })).questions.map((question) => question.source),
      ).toEqual(['identity/uniqueness-undecided', 'identity/ambiguous-target'])
    })
  })
})
