import { describe, expect, it } from 'vitest'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { boundaryUndeclaredZone } from './undeclared-zone.js'

describe('boundary/undeclared-zone', () => {
  it('reports a component in no zone of a system that declares zones, at its zone', () => {
    const model = {
      name: 's',
      zones: { internet: { trust: 0 }, app: { trust: 1 } },
      components: { browser: { zone: 'internet' }, 'batch worker': { kind: 'service' } },
    }
    expect(findingsOf(boundaryUndeclaredZone, model)).toEqual([
      {
        rule: 'boundary/undeclared-zone',
        element: 'components["batch worker"].zone',
        message: 'component "batch worker" is in no zone, but the system declares zones ("internet", "app")',
      },
    ])
    expect(questionsOf(boundaryUndeclaredZone, model)).toEqual([
      ['components["batch worker"].zone', 'Which trust zone is batch worker in?'],
    ])
  })

  it.each([
    ['every component in a zone', { zones: { app: { trust: 1 } }, components: { api: { zone: 'app' } } }],
    ['a system without zones', { components: { api: {} } }],
  ])('is silent for %s', (_, sections) => {
    expect(findingsOf(boundaryUndeclaredZone, { name: 's', ...sections })).toEqual([])
  })
})
