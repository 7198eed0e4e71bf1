import { describe, expect, it } from 'vitest'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { boundaryUnauthenticatedCrossing } from './unauthenticated-crossing.js'

const rule = boundaryUnauthenticatedCrossing

function system(contracts: Record<string, unknown>, steps: unknown[] = []) {
  return {
    name: 's',
    zones: { internet: { trust: 0 }, app: { trust: 1 }, data: { trust: 2 }, partner: { trust: 1 } },
    components: {
      browser: { zone: 'internet', kind: 'actor' },
      api: { zone: 'app' },
      worker: { zone: 'app' },
      db: { zone: 'data', kind: 'datastore' },
      bank: { zone: 'partner', kind: 'external' },
      loose: {},
    },
    contracts,
    flows: { checkout: { steps } },
  }
}

describe('boundary/unauthenticated-crossing', () => {
  it('reports a contract into a more trusted zone without auth, at the contract’s auth', () => {
    const model = system({ placeOrder: { from: 'browser', to: 'api' } })
    expect(findingsOf(rule, model)).toEqual([
      {
        rule: 'boundary/unauthenticated-crossing',
        element: 'contracts.placeOrder.auth',
        message: `contract "placeOrder" crosses from zone "internet" (trust 0) into the more trusted zone "app" (trust 1), and states no auth (auth: 'none' if anyone may call it)`,
      },
    ])
    expect(questionsOf(rule, model)).toEqual([
      ['contracts.placeOrder.auth', 'Who may call placeOrder from the internet zone?'],
    ])
  })

  it('reports the contract once, not each step that uses it', () => {
    const model = system({ placeOrder: { from: 'browser', to: 'api' } }, [
      { from: 'browser', to: 'api', contract: 'placeOrder' },
      { from: 'browser', to: 'api', contract: 'placeOrder' },
    ])
    expect(findingsOf(rule, model).map((finding) => finding.element)).toEqual(['contracts.placeOrder.auth'])
  })

  it('reports a step without a contract into a more trusted zone, at the step’s auth', () => {
    const model = system({}, [
      { from: 'api', to: 'api' },
      { from: 'api', to: 'db', message: 'insert order' },
    ])
    expect(findingsOf(rule, model)).toEqual([
      {
        rule: 'boundary/unauthenticated-crossing',
        element: 'flows.checkout.steps[1].auth',
        message: `this step crosses from zone "app" (trust 1) into the more trusted zone "data" (trust 2), and neither it nor a contract states auth (auth: 'none' if anyone may call it)`,
      },
    ])
    expect(questionsOf(rule, model)).toEqual([
      ['flows.checkout.steps[1].auth', 'Who may call db from the app zone (checkout step 2)?'],
    ])
  })

  it('reports a crossing step whose contract does not itself cross (the contract/mismatch case) at the step', () => {
    const model = system({ sync: { from: 'api', to: 'worker' } }, [{ from: 'browser', to: 'api', contract: 'sync' }])
    expect(findingsOf(rule, model).map((finding) => finding.element)).toEqual(['flows.checkout.steps[0].auth'])
  })

  it.each([
    ['a contract with auth', { placeOrder: { from: 'browser', to: 'api', auth: 'session cookie' } }, []],
    [
      "a contract with auth: 'none', an explicit decision",
      { signUp: { from: 'browser', to: 'api', auth: 'none' } },
      [],
    ],
    [
      'a step that inherits its contract’s auth',
      { placeOrder: { from: 'browser', to: 'api', auth: 'session cookie' } },
      [{ from: 'browser', to: 'api', contract: 'placeOrder' }],
    ],
    ['a step with its own auth', {}, [{ from: 'api', to: 'db', auth: 'database credentials' }]],
    ['a call to a less trusted zone', { notify: { from: 'api', to: 'browser' } }, [{ from: 'db', to: 'api' }]],
    ['a call between zones of equal trust', { pay: { from: 'api', to: 'bank' } }, [{ from: 'worker', to: 'bank' }]],
    ['a call within a zone', { job: { from: 'api', to: 'worker' } }, []],
    [
      'a component in no zone (boundary/undeclared-zone reports it)',
      { ping: { from: 'loose', to: 'db' } },
      [{ from: 'loose', to: 'db' }],
    ],
  ])('is silent for %s', (_, contracts, steps) => {
    expect(findingsOf(rule, system(contracts, steps))).toEqual([])
  })

  it('is silent in a system without zones', () => {
    expect(
      findingsOf(rule, { name: 's', components: { a: {}, b: {} }, contracts: { c: { from: 'a', to: 'b' } } }),
    ).toEqual([])
  })
})
