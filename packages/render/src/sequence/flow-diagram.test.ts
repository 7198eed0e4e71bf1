import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { Model } from '@plumbline/core'
import { shopModel } from '../testing/fixture-models.js'
import { parseSequenceDiagram } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { flowDiagram } from './flow-diagram.js'

describe('flowDiagram', () => {
  test('zones as boxes from the least trusted, actors, messages, auth on inward crossings, errors and failures', async () => {
    const model = await shopModel()
    const checkout = model.flows.checkout
    if (checkout === undefined) throw new Error('no flow')
    const diagram = flowDiagram(model, checkout)
    expect(diagram.text).toBe(`sequenceDiagram
  box rgba(128, 128, 128, 0.08) internet
    actor p_browser as browser
  end
  box rgba(128, 128, 128, 0.08) app
    participant p_api as api
    participant p_jobs as jobs
  end
  box rgba(128, 128, 128, 0.08) data
    participant p_db as db
  end
  participant p_payments as payments
  p_browser->>p_api: placeOrder ⇒ PAY
  Note over p_browser,p_api: auth#58; session cookie
  alt OutOfStock
    p_api-->>p_browser: OutOfStock
    Note over p_browser: show what is missing
  else CardDeclined
    p_api-->>p_browser: CardDeclined
    Note over p_browser: not handled
  end
  p_api->>p_payments: charge card
  break payments fails
    Note over p_api: retry later
  end
  p_api->>p_db: store order
  Note over p_api,p_db: auth#58; database role
  p_api->>p_jobs: schedule shipping
`)
    expect(diagram.edges).toBe(6)
  })

  test('the boxes are zones to Mermaid, not colours: their titles are the zone names', async () => {
    const model = await shopModel()
    const checkout = model.flows.checkout
    if (checkout === undefined) throw new Error('no flow')
    for (const version of VERSIONS) {
      const { participants } = await parseSequenceDiagram(version, flowDiagram(model, checkout).text)
      expect(participants.map(({ label, type, box }) => [label, type, box])).toEqual([
        ['browser', 'actor', 'internet'],
        ['api', 'participant', 'app'],
        ['jobs', 'participant', 'app'],
        ['db', 'participant', 'data'],
        ['payments', 'participant', undefined],
      ])
    }
  })

  test('a crossing into a more trusted zone without auth says it is not decided; a zone named like a colour stays a title', async () => {
    const model: Model = {
      ...(await shopModel()),
      zones: { red: { trust: 0 }, blue: { trust: 1 } },
      components: { a: { zone: 'red' }, b: { zone: 'blue' } },
      flows: {},
    }
    const diagram = flowDiagram(model, { steps: [{ from: 'a', to: 'b', message: '' }] })
    expect(diagram.text).toContain('  p_a->>p_b: \n  Note over p_a,p_b: auth#58; not decided\n')
    for (const version of VERSIONS) {
      const { participants, lines } = await parseSequenceDiagram(version, diagram.text)
      expect(participants.map((participant) => participant.box)).toEqual(['red', 'blue'])
      expect(lines).toEqual(['message p_a→p_b: ', 'note p_a→p_b: auth: not decided'])
    }
  })

  test('a note with no visible text says so: Mermaid 10 cannot draw an empty one', async () => {
    const model = await shopModel()
    const diagram = flowDiagram(model, { steps: [{ from: 'api', to: 'db', message: 'm', onFailure: ' ' }] })
    expect(diagram.text).toContain('  break db fails\n    Note over p_api: #40;no text#41;\n  end\n')
  })

  test('a step out to a less trusted zone shows its auth where it states one, and nothing where it does not', async () => {
    const model: Model = {
      ...(await shopModel()),
      zones: { outside: { trust: 0 }, inside: { trust: 1 } },
      components: { a: { zone: 'outside' }, b: { zone: 'inside' } },
      flows: {},
    }
    const diagram = flowDiagram(model, {
      steps: [
        { from: 'b', to: 'a', message: 'push', auth: 'signed webhook' },
        { from: 'b', to: 'a', message: 'reply' },
      ],
    })
    expect(diagram.text.split('\n').slice(-4)).toEqual([
      '  p_b->>p_a: push',
      '  Note over p_b,p_a: auth#58; signed webhook',
      '  p_b->>p_a: reply',
      '',
    ])
  })

  test('a block label that would need an entity code is a plain word: Mermaid wraps block labels and cuts codes apart', async () => {
    const model: Model = {
      ...(await shopModel()),
      components: { api: {}, orders_db: { kind: 'datastore' } },
      contracts: {
        save: { from: 'api', to: 'orders_db', errors: { EMAIL_TAKEN: z.object({}), OutOfStock: z.object({}) } },
      },
      flows: {},
    }
    const diagram = flowDiagram(model, {
      steps: [
        {
          from: 'api',
          to: 'orders_db',
          contract: 'save',
          onError: { EMAIL_TAKEN: 'retry', OutOfStock: 'tell' },
          onFailure: 'roll back',
        },
      ],
    })
    expect(diagram.text.split('\n').slice(3)).toEqual([
      '  p_api->>p_orders_db: save',
      '  alt error',
      '    p_orders_db-->>p_api: EMAIL#95;TAKEN',
      '    Note over p_api: retry',
      '  else OutOfStock',
      '    p_orders_db-->>p_api: OutOfStock',
      '    Note over p_api: tell',
      '  end',
      '  break fails',
      '    Note over p_api: roll back',
      '  end',
      '',
    ])
  })
})
