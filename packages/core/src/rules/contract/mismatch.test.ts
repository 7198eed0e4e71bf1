import { describe, expect, it } from 'vitest'
import { findingsOf } from '../../testing/rule-findings.js'
import { contractMismatch } from './mismatch.js'

const system = (steps: unknown[]) => ({
  name: 's',
  components: { browser: {}, api: {}, db: {} },
  contracts: { signUp: { from: 'browser', to: 'api' } },
  flows: { register: { steps } },
})

describe('contract/mismatch', () => {
  it('reports a step between other components than its contract’s, at the step’s contract', () => {
    expect(
      findingsOf(
        contractMismatch,
        system([
          { from: 'browser', to: 'api', contract: 'signUp' },
          { from: 'api', to: 'db', contract: 'signUp' },
        ]),
      ),
    ).toEqual([
      {
        rule: 'contract/mismatch',
        element: 'flows.register.steps[1].contract',
        message: 'the step goes "api" → "db", but contract "signUp" is "browser" → "api"',
      },
    ])
  })

  it('explains a step written in the reply’s direction', () => {
    expect(findingsOf(contractMismatch, system([{ from: 'api', to: 'browser', contract: 'signUp' }]))).toEqual([
      {
        rule: 'contract/mismatch',
        element: 'flows.register.steps[0].contract',
        message:
          'the step goes "api" → "browser", but contract "signUp" is "browser" → "api" (the reply is part of the call, not a step of its own)',
      },
    ])
  })

  it('reports one finding for a step whose from and to both differ', () => {
    expect(findingsOf(contractMismatch, system([{ from: 'db', to: 'db', contract: 'signUp' }]))).toHaveLength(1)
  })

  it.each([
    ['a step that matches its contract', [{ from: 'browser', to: 'api', contract: 'signUp' }]],
    ['a step without a contract', [{ from: 'api', to: 'db', message: 'insert' }]],
  ])('is silent for %s', (_, steps) => {
    expect(findingsOf(contractMismatch, system(steps))).toEqual([])
  })
})
