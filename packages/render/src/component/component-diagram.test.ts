import { describe, expect, test } from 'vitest'
import { shopModel } from '../testing/fixture-models.js'
import { parseFlowchart } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { componentDiagram } from './component-diagram.js'

describe('componentDiagram', () => {
  test("zones as subgraphs from the least trusted, each kind's shape, steps as labelled edges, unused contracts dotted", async () => {
    const diagram = componentDiagram(await shopModel())
    expect(diagram.text).toBe(`flowchart LR
  subgraph z_internet["internet #40;trust 0#41;"]
    c_browser(["browser"])
  end
  subgraph z_app["app #40;trust 1#41;"]
    c_api("api")
    c_jobs[/"jobs"/]
  end
  subgraph z_data["data #40;trust 2#41;"]
    c_db[("db")]
  end
  c_payments{{"payments"}}
  c_browser -->|"placeOrder ⇒ PAY"| c_api
  c_api -->|"charge card"| c_payments
  c_api -->|"store order"| c_db
  c_api -->|"schedule shipping"| c_jobs
  c_browser -.->|"trackParcel"| c_api
`)
    expect(diagram.edges).toBe(5)
    for (const version of VERSIONS)
      expect((await parseFlowchart(version, diagram.text)).nodes.map(({ label, shape }) => [label, shape])).toEqual([
        ['browser', 'stadium'],
        ['api', 'round'],
        ['jobs', 'lean_right'],
        ['db', 'cylinder'],
        ['payments', 'hexagon'],
      ])
  })

  test('an identical step in two flows is one edge; a component only a step names is still drawn', async () => {
    const model = await shopModel()
    const diagram = componentDiagram({
      ...model,
      flows: {
        one: { steps: [{ from: 'api', to: 'db', message: 'read' }] },
        two: {
          steps: [
            { from: 'api', to: 'db', message: 'read' },
            { from: 'api', to: 'ghost' },
          ],
        },
      },
    })
    expect(diagram.text.split('\n').filter((line) => line.includes('-->'))).toEqual([
      '  c_api -->|"read"| c_db',
      '  c_api --> c_ghost',
    ])
    expect(diagram.text).toContain('  c_ghost["ghost"]\n')
  })
})
