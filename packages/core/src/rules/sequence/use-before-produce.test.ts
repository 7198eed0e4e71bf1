import { describe, expect, it } from 'vitest'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { sequenceUseBeforeProduce } from './use-before-produce.js'

const system = (steps: unknown[]) => ({
  name: 's',
  components: { browser: {}, api: {}, db: {} },
  flows: { checkout: { steps } },
})

describe('sequence/use-before-produce', () => {
  it('reports a datum consumed before any step produces it, at the consumes entry, and names the later producer', () => {
    const model = system([
      { from: 'browser', to: 'api', message: 'place order', produces: ['cart'] },
      { from: 'api', to: 'db', message: 'insert order', consumes: ['cart', 'orderId'] },
      { from: 'api', to: 'api', message: 'allocate id', produces: ['orderId'] },
    ])
    expect(findingsOf(sequenceUseBeforeProduce, model)).toEqual([
      {
        rule: 'sequence/use-before-produce',
        element: 'flows.checkout.steps[1].consumes[1]',
        message: 'this step consumes "orderId", which no earlier step produces (step 3 produces it, later)',
      },
    ])
    expect(questionsOf(sequenceUseBeforeProduce, model)).toEqual([
      ['flows.checkout.steps[1].consumes[1]', 'Where does step 2 of checkout (api → db) get orderId from?'],
    ])
  })

  it('reports a datum nothing produces, and a step’s own product as not yet there', () => {
    expect(
      findingsOf(
        sequenceUseBeforeProduce,
        system([{ from: 'browser', to: 'api', consumes: ['session', 'token'], produces: ['token'] }]),
      ).map((finding) => [finding.element, finding.message]),
    ).toEqual([
      ['flows.checkout.steps[0].consumes[0]', 'this step consumes "session", which no earlier step produces'],
      ['flows.checkout.steps[0].consumes[1]', 'this step consumes "token", which no earlier step produces'],
    ])
  })

  it.each([
    [
      'data produced by an earlier step',
      [
        { from: 'browser', to: 'api', produces: ['cart'] },
        { from: 'api', to: 'db', consumes: ['cart'] },
      ],
    ],
    [
      'data produced two steps before',
      [
        { from: 'browser', to: 'api', produces: ['cart'] },
        { from: 'api', to: 'api' },
        { from: 'api', to: 'db', consumes: ['cart'] },
      ],
    ],
    ['steps that consume nothing', [{ from: 'browser', to: 'api' }]],
  ])('is silent for %s', (_, steps) => {
    expect(findingsOf(sequenceUseBeforeProduce, system(steps))).toEqual([])
  })

  it('does not carry data from one flow into another', () => {
    const model = {
      name: 's',
      components: { a: {}, b: {} },
      flows: {
        first: { steps: [{ from: 'a', to: 'b', produces: ['x'] }] },
        second: { steps: [{ from: 'a', to: 'b', consumes: ['x'] }] },
      },
    }
    expect(findingsOf(sequenceUseBeforeProduce, model).map((finding) => finding.element)).toEqual([
      'flows.second.steps[0].consumes[0]',
    ])
  })
})
