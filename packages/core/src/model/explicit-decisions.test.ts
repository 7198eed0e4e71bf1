import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { modelOf } from '../testing/rule-findings.js'
import { explicitDecisions } from './explicit-decisions.js'

describe('explicitDecisions', () => {
  it('lists decisions, auth: none, unique: none and the out-of-scope list, with where each is written', () => {
    const model = modelOf({
      name: 's',
      components: { browser: {}, api: {}, 'web hook': {} },
      entities: {
        Visit: { schema: z.object({ id: z.string(), email: z.email() }), identity: ['id'], unique: 'none' },
        User: { schema: z.object({ id: z.string() }), identity: ['id'] },
      },
      contracts: {
        signUp: { from: 'browser', to: 'api', auth: 'none' },
        logIn: { from: 'browser', to: 'api', auth: 'password' },
      },
      flows: {
        'pay out': {
          steps: [
            { from: 'browser', to: 'api' },
            { from: 'web hook', to: 'api', auth: 'none' },
          ],
        },
      },
      decisions: {
        noSso: { decision: 'No single sign-on', because: 'one customer today' },
        noRoles: {
          decision: 'No roles',
          because: 'one team',
          answers: { rule: 'pack:accounts', element: 'entities.User.schema' },
        },
      },
      outOfScope: ['single sign-on'],
    })
    expect(explicitDecisions(model)).toEqual([
      { element: 'decisions.noSso', decision: 'No single sign-on', because: 'one customer today', answers: [] },
      {
        element: 'decisions.noRoles',
        decision: 'No roles',
        because: 'one team',
        answers: [{ rule: 'pack:accounts', element: 'entities.User.schema' }],
      },
      {
        element: 'contracts.signUp.auth',
        decision: "Anyone may call signUp (auth: 'none')",
        because: undefined,
        answers: [],
      },
      {
        element: 'flows["pay out"].steps[1].auth',
        decision: "Anyone may make step 2 of pay out, web hook → api (auth: 'none')",
        because: undefined,
        answers: [],
      },
      {
        element: 'entities.Visit.unique',
        decision: "Nothing about a Visit is unique but its identity (unique: 'none')",
        because: undefined,
        answers: [],
      },
      { element: 'outOfScope[0]', decision: 'Out of scope: single sign-on', because: undefined, answers: [] },
    ])
  })

  it('lists nothing for a model that decides nothing explicitly', () => {
    expect(explicitDecisions(modelOf({ name: 's' }))).toEqual([])
  })
})
