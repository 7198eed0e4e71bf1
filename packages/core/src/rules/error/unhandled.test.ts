import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { errorUnhandled } from './unhandled.js'

const system = (
  onError: Record<string, string> | undefined,
  errors: Record<string, z.ZodType> = { EmailTaken: z.object({}), WeakPassword: z.object({}) },
) => ({
  name: 's',
  components: { browser: {}, api: {} },
  contracts: { signUp: { from: 'browser', to: 'api', errors } },
  flows: {
    register: {
      steps: [
        { from: 'browser', to: 'api', message: 'hello' },
        { from: 'browser', to: 'api', contract: 'signUp', ...(onError && { onError }) },
      ],
    },
  },
})

describe('error/unhandled', () => {
  it('reports each declared error a step does not handle, at its onError entry', () => {
    const model = system({ WeakPassword: 'show the reason' })
    expect(findingsOf(errorUnhandled, model)).toEqual([
      {
        rule: 'error/unhandled',
        element: 'flows.register.steps[1].onError.EmailTaken',
        message: 'contract "signUp" may answer "EmailTaken", and this step does not say how that is handled',
      },
    ])
    expect(questionsOf(errorUnhandled, model)).toEqual([
      [
        'flows.register.steps[1].onError.EmailTaken',
        'What should register do when signUp answers EmailTaken (step 2: browser → api)?',
      ],
    ])
  })

  it('reports every error of a step with no onError at all', () => {
    expect(findingsOf(errorUnhandled, system(undefined)).map((finding) => finding.element)).toEqual([
      'flows.register.steps[1].onError.EmailTaken',
      'flows.register.steps[1].onError.WeakPassword',
    ])
  })

  it('quotes error names that are not identifiers in the element path', () => {
    expect(
      findingsOf(errorUnhandled, system({}, { 'rate limited': z.object({}) })).map((finding) => finding.element),
    ).toEqual(['flows.register.steps[1].onError["rate limited"]'])
  })

  it('does not take an inherited property for a handled error', () => {
    expect(
      findingsOf(errorUnhandled, system({}, { toString: z.object({}) })).map((finding) => finding.element),
    ).toEqual(['flows.register.steps[1].onError.toString'])
  })

  it.each([
    ['a step that handles every error', { EmailTaken: 'offer sign-in', WeakPassword: 'show the reason' }, undefined],
    ['a contract without errors', undefined, {}],
  ])('is silent for %s', (_, onError, errors) => {
    expect(findingsOf(errorUnhandled, system(onError, errors))).toEqual([])
  })
})
